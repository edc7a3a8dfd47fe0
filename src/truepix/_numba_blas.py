"""numba's BLAS check without importing ``scipy.linalg`` (0.13 s of a new process).

When numba first compiles or loads a kernel it imports ``numba.np.arraymath``,
which asks whether BLAS is there by importing ``scipy.linalg.cython_blas``: that
imports all of ``scipy.linalg`` (and, through scipy's ``array_api_compat``, numpy's
f2py), some 0.13 s of CPU in every new process, though no truepix kernel calls
BLAS. :func:`answer_blas_check` arranges that whenever ``numba.np.arraymath`` is
imported (by numba, on the first kernel; nothing is imported now), the check is
answered from the file system: the module is importable when its extension file
is in scipy's ``linalg`` folder. numba's answer is the same (its other check,
the integer width of scipy's BLAS, reads ``scipy.__config__`` and still runs), and
``scipy.linalg.cython_blas`` itself is imported as usual the first time a kernel
calls BLAS (numba's ``ensure_blas`` and its function-address lookup import it).

Examples
--------
>>> answer_blas_check()
>>> import numba, numpy as np, sys
>>> numba.njit(lambda a: a.sum())(np.ones(3))
3.0
>>> import numba.np.arraymath
>>> numba.np.arraymath._HAVE_BLAS
True
"""

from __future__ import annotations

import contextlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
import types
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

__all__ = ["answer_blas_check"]

_ARRAYMATH = "numba.np.arraymath"
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


@contextlib.contextmanager
def _blas_stand_in() -> Iterator[None]:
    """``scipy.linalg.cython_blas`` stands in ``sys.modules`` (when its file exists)."""
    if _BLAS in sys.modules or not _blas_file_exists():
        yield
        return
    stand_in = types.ModuleType(_BLAS, "stands in while numba checks that BLAS exists")
    sys.modules[_BLAS] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(_BLAS) is stand_in:
            del sys.modules[_BLAS]


class _Loader(importlib.abc.Loader):
    """``numba.np.arraymath``'s own loader, run with the stand-in in place."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        with _blas_stand_in():
            self._loader.exec_module(module)

    def __getattr__(self, name: str) -> Any:  # get_source, get_filename, ...
        return getattr(self._loader, name)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds ``numba.np.arraymath`` once, as the other finders do, with :class:`_Loader`."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:  # fmt: skip
        if fullname != _ARRAYMATH:
            return None
        _remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


def _remove(finder: _Finder) -> None:
    with _LOCK, contextlib.suppress(ValueError):
        sys.meta_path.remove(finder)


def answer_blas_check() -> None:
    """Have the next import of ``numba.np.arraymath`` answer its BLAS check from scipy's
    files. Imports nothing; does nothing once it is imported or already arranged."""
    with _LOCK:
        if _ARRAYMATH in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
            return
        sys.meta_path.insert(0, _Finder())
