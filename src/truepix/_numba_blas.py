"""numba's BLAS check without importing ``scipy.linalg`` (0.13 s of a new process).

When numba first compiles or loads a kernel it imports ``numba.np.arraymath``,
which asks whether BLAS is there by importing ``scipy.linalg.cython_blas``: that
imports all of ``scipy.linalg`` (and, through scipy's ``array_api_compat``, numpy's
f2py), some 0.13 s of CPU in every new process, though no truepix kernel calls
BLAS. :func:`import_arraymath` imports ``numba.np.arraymath`` first, with the
check answered from the file system: the module is importable when its extension
file is in scipy's ``linalg`` folder. numba's answer is the same (its other check,
the integer width of scipy's BLAS, reads ``scipy.__config__`` and still runs), and
``scipy.linalg.cython_blas`` itself is imported as usual the first time a kernel
calls BLAS (numba's ``ensure_blas`` and its function-address lookup import it).

Examples
--------
>>> import_arraymath()
>>> import sys
>>> "numba.np.arraymath" in sys.modules
True
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import threading
import types
from pathlib import Path

__all__ = ["import_arraymath"]

_BLAS = "scipy.linalg.cython_blas"
_LOCK = threading.Lock()


def _blas_file_exists() -> bool:
    """Whether scipy's ``linalg/cython_blas`` extension file is installed (scipy's
    ``__init__`` is light: numba's own import has already imported it)."""
    try:
        spec = importlib.util.find_spec("scipy")
    except (ImportError, ValueError):
        return False
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    return any(
        (Path(folder) / "linalg" / f"cython_blas{suffix}").is_file()
        for folder in folders
        for suffix in suffixes
    )


def import_arraymath() -> None:
    """Import ``numba.np.arraymath`` with its BLAS check answered from the file system.

    Does nothing when it is imported already, or when scipy's BLAS module is imported
    or missing (numba then checks as it always does).
    """
    if "numba.np.arraymath" in sys.modules:
        return
    with _LOCK:
        if "numba.np.arraymath" in sys.modules or _BLAS in sys.modules:
            return
        if not _blas_file_exists():
            importlib.import_module("numba.np.arraymath")
            return
        stand_in = types.ModuleType(_BLAS, "stands in while numba checks that BLAS exists")
        sys.modules[_BLAS] = stand_in
        try:
            importlib.import_module("numba.np.arraymath")
        finally:
            if sys.modules.get(_BLAS) is stand_in:
                del sys.modules[_BLAS]
