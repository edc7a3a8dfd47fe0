"""matplotlib's built-in colormap tables kept on disk, so a name needs no matplotlib import.

Reading ``"viridis"``'s table from matplotlib imports matplotlib (0.07-0.12 s of
CPU, more than an exact 1 MP decode takes warm). A new process that is given a
colormap *name* and has not imported matplotlib reads the table here instead;
the first process to read a name from matplotlib writes it. A process that has
imported matplotlib asks matplotlib, as before.

Only matplotlib's built-in maps are kept: they cannot be re-registered under
their names, so with matplotlib not imported nobody can have changed them. Their
tables depend on matplotlib's files (the key covers the files that draw them:
size and modification time) and on the ``image.lut`` setting of a
``matplotlibrc``: when a user's ``matplotlibrc`` exists (``$MATPLOTLIBRC``, the
working folder, ``$MPLCONFIGDIR`` or the config folder) matplotlib is asked. The
key covers numpy's version and truepix's code that builds the entries as well.
Like numba's caches the files live in the package's ``__pycache__``; a folder
that cannot be written just means every process imports matplotlib.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import sys
import zipfile
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from truepix.color._catalog import ColormapEntry

__all__ = ["FOLDER", "key", "matplotlib_entry", "read", "write"]

FOLDER = Path(__file__).parent / "__pycache__"
_PREFIX = "mpl_table."
# matplotlib's files that make its built-in maps (those that exist are keyed)
_MPL_FILES = (
    "__init__.py", "_version.py", "cm.py", "colors.py", "_cm.py", "_cm_listed.py",
    "mpl-data/matplotlibrc",
)  # fmt: skip
_ARRAYS = ("lut", "under", "over", "bad")


def _user_rc_exists() -> bool:
    """Whether a user's ``matplotlibrc`` may set ``image.lut`` (matplotlib's own search)."""
    places = [Path("matplotlibrc")]
    if os.environ.get("MATPLOTLIBRC"):
        base = Path(os.environ["MATPLOTLIBRC"])
        places += [base, base / "matplotlibrc"]
    if os.environ.get("MPLCONFIGDIR"):
        places.append(Path(os.environ["MPLCONFIGDIR"]) / "matplotlibrc")
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    places.append(Path(config) / "matplotlib" / "matplotlibrc")
    places.append(Path.home() / ".matplotlib" / "matplotlibrc")
    return any(place.is_file() for place in places)


def key() -> str | None:
    """The key of the tables this process's matplotlib would draw, or None: ask matplotlib
    (matplotlib imported already, a user's ``matplotlibrc``, or matplotlib not found).

    Examples
    --------
    >>> found = key()
    >>> found is None or len(found) == 32
    True
    """
    if "matplotlib" in sys.modules or _user_rc_exists():
        return None
    try:
        spec = importlib.util.find_spec("matplotlib")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0])
    digest = hashlib.sha256(np.__version__.encode() + b"\0" + str(folder).encode())
    for name in _MPL_FILES:
        with contextlib.suppress(OSError):
            stat = (folder / name).stat()
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    from truepix.color import _catalog

    for module in (_catalog, sys.modules[__name__]):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:32]


def _path(cache_key: str, name: str, folder: Path | None) -> Path:
    return (FOLDER if folder is None else folder) / f"{_PREFIX}{cache_key}.{name}.npz"


def read(cache_key: str, name: str, *, folder: Path | None = None) -> ColormapEntry | None:
    """The entry of built-in map ``name`` stored under ``cache_key`` in ``folder`` (None:
    :data:`FOLDER`), or None.

    Examples
    --------
    >>> import tempfile
    >>> read("0" * 32, "viridis", folder=Path(tempfile.mkdtemp())) is None
    True
    """
    from truepix.color._catalog import ColormapEntry

    try:
        with np.load(_path(cache_key, name, folder), allow_pickle=False) as stored:
            arrays = {field: np.array(stored[field], dtype=np.float64) for field in _ARRAYS}
            flags = stored["flags"].tolist()
            stored_name = str(stored["name"])
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None
    if stored_name != name:  # "Viridis" on a case-blind file system: not a built-in name
        return None
    lut = arrays.pop("lut")
    return ColormapEntry(
        name, lut, "matplotlib", cyclic=bool(flags[0]), discrete=bool(flags[1]), **arrays
    )


def matplotlib_entry(
    name: str, load: Callable[[str], ColormapEntry]
) -> ColormapEntry | None:  # fmt: skip
    """The entry of ``name`` when matplotlib knows it (else None): from disk when it is
    a built-in map stored there, else ``load(name)`` (from matplotlib), then stored.

    Examples
    --------
    >>> from truepix.color._catalog import _load_matplotlib
    >>> matplotlib_entry("viridis", _load_matplotlib).lut_bytes[0].tolist()
    [68, 1, 84, 255]
    >>> matplotlib_entry("no such map", _load_matplotlib) is None
    True
    """
    cache_key = key() if ":" not in name else None  # namespaced names: never built in
    if cache_key is not None:
        stored = read(cache_key, name)
        if stored is not None:
            return stored
    import matplotlib

    if name not in matplotlib.colormaps:
        return None
    entry = load(name)
    # user-registered maps are not stored: another process may not register them
    if cache_key is not None and name in getattr(matplotlib.colormaps, "_builtin_cmaps", ()):
        write(cache_key, entry)
    return entry


def write(cache_key: str, entry: Any, *, folder: Path | None = None) -> None:
    """Store ``entry`` (a built-in map's) under ``cache_key`` in ``folder`` (None:
    :data:`FOLDER`); other keys' files there go.

    Examples
    --------
    >>> import tempfile
    >>> from truepix.color._catalog import get
    >>> folder = Path(tempfile.mkdtemp())
    >>> write("1" * 32, get("magma"), folder=folder)
    >>> stored = read("1" * 32, "magma", folder=folder)
    >>> stored.lut.tobytes() == get("magma").lut.tobytes(), stored.discrete
    (True, False)
    """
    from truepix.io._atomic import write_atomic

    arrays = {field: np.asarray(getattr(entry, field)) for field in _ARRAYS}
    arrays["flags"] = np.array([entry.cyclic, entry.discrete], dtype=np.bool_)
    arrays["name"] = np.array(entry.name)
    target = _path(cache_key, entry.name, folder)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, lambda stream: np.savez(stream, **arrays), overwrite=True)
    except OSError:
        return  # a read-only install: every process imports matplotlib
    for stale in target.parent.glob(f"{_PREFIX}*.npz"):
        if not stale.name.startswith(f"{_PREFIX}{cache_key}."):
            with contextlib.suppress(OSError):
                stale.unlink()
