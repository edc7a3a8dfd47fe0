"""numba's BLAS probe without SciPy's linear algebra: :func:`light_blas_probe`.

numba's CPU target, when it first loads or compiles a kernel, imports
``numba.np.arraymath``, which asks whether ``import scipy.linalg.cython_blas`` works
(``_check_blas``): Python runs ``scipy/linalg/__init__.py`` first, and with it most of
SciPy's linear algebra and its array-API layer (which touches ``numpy.f2py``), none of
which truepix's kernels call. That import was 0.18 s of the CPU of a fresh process's
first ``decolorize`` (0.8-0.9 s; numba's disk cache warm, one thread, 2-core machine).

:func:`light_blas_probe` answers numba's question with the same extension module,
loaded from its file on its own (5 ms), while numba's target imports
``numba.np.arraymath``; then it takes the name back out of ``sys.modules``, so that a
later ``import scipy.linalg`` runs as ever (Cython hands back the module it made; numba
compiling ``np.dot`` imports it as usual). Wherever anything is not as expected (no
SciPy, ``scipy.linalg`` or numba's array math already imported, another layout) it
does nothing and numba asks SciPy itself.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import sys
import threading

__all__ = ["light_blas_probe"]

_NAME = "scipy.linalg.cython_blas"
_LOCK = threading.Lock()


def light_blas_probe() -> None:
    """Import ``numba.np.arraymath`` with ``scipy.linalg.cython_blas`` loaded alone
    (see the module), once; nothing when either is imported already."""
    with _LOCK:
        if "numba.np.arraymath" in sys.modules or "scipy.linalg" in sys.modules:
            return
        try:
            import scipy  # (numba imports it already)

            folder = os.path.join(os.path.dirname(scipy.__file__), "linalg")
            paths = [os.path.join(folder, "cython_blas" + suffix)
                     for suffix in importlib.machinery.EXTENSION_SUFFIXES]  # fmt: skip
            path = next((p for p in paths if os.path.isfile(p)), None)
            if path is None or _NAME in sys.modules:
                return
            spec = importlib.util.spec_from_file_location(_NAME, path)
            if spec is None or spec.loader is None:
                return
            module = importlib.util.module_from_spec(spec)
            sys.modules[_NAME] = module
            try:
                spec.loader.exec_module(module)
                importlib.import_module("numba.np.arraymath")  # (its _check_blas finds it)
            finally:
                if sys.modules.get(_NAME) is module and "scipy.linalg" not in sys.modules:
                    del sys.modules[_NAME]
        except Exception:  # (numba asks SciPy itself, as without this probe)
            return
