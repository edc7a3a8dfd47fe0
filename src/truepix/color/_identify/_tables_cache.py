"""A disk cache of the identification tables, so a new process does not rebuild them.

Building them loads every catalog map (some 800, most through the ``cmap``
package and matplotlib: about 0.3 s), which every process that identifies a
colormap or reads a figure would pay on its first call. Like numba's caches the
file lives in the package's ``__pycache__``; a folder that cannot be written
just means every process builds the tables, as without a cache.

The key covers everything the tables depend on: the versions of truepix,
matplotlib and ``cmap``; the source of the modules that build them and the
catalog's data files; every catalog name; and the table of every map in
matplotlib's registry, which users extend (a map registered under a new name,
of any colors, changes the key).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import sys
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from truepix.io._atomic import write_atomic

__all__ = ["FOLDER", "key", "read", "write"]

FOLDER = Path(__file__).parent / "__pycache__"
_PREFIX = "identify_tables."
_ARRAYS = ("luts", "rounded", "sizes", "cluster")


def key(all_names: list[str]) -> str:
    """The cache key of the tables built from the catalog names ``all_names``.

    Examples
    --------
    >>> from truepix.color._catalog import names
    >>> len(key(names()))
    32
    """
    import cmap
    import matplotlib

    import truepix
    from truepix.color import _catalog, _matlab

    digest = hashlib.sha256()
    for version in (truepix.__version__, matplotlib.__version__, cmap.__version__):
        digest.update(version.encode() + b"\0")
    builders = [_catalog, _matlab] + [
        importlib.import_module(f"truepix.color._identify.{name}")
        for name in ("_match", "_candidate_tables", "_clusters")
    ]
    for module in (*builders, sys.modules[__name__]):
        digest.update(Path(str(module.__file__)).read_bytes())
    for data in sorted(resources.files("truepix.color").joinpath("data").iterdir(), key=str):
        if data.is_file():
            digest.update(data.read_bytes())
    digest.update("\0".join(all_names).encode())
    for name in sorted(set(_catalog._matplotlib_names())):
        digest.update(name.encode() + _catalog.get(name).lut_bytes.tobytes())
    return digest.hexdigest()[:32]


def read(
    cache_key: str, *, folder: Path = FOLDER, prefix: str = _PREFIX
) -> dict[str, Any] | None:
    """The tables' fields stored under ``cache_key``, or None (none, or unreadable);
    ``prefix`` names the kind of tables (``_discrete``'s sets have their own).

    Examples
    --------
    >>> import tempfile
    >>> read("0" * 32, folder=Path(tempfile.mkdtemp())) is None
    True
    """
    path = folder / f"{prefix}{cache_key}.npz"
    try:
        with np.load(path, allow_pickle=False) as stored:
            counts = stored["alias_counts"]
            flat = [str(name) for name in stored["aliases"]]
            ends = np.cumsum(counts)
            return {
                "names": tuple(str(name) for name in stored["names"]),
                "aliases": tuple(
                    tuple(flat[end - count : end])
                    for count, end in zip(counts.tolist(), ends.tolist(), strict=True)
                ),
                "turned": frozenset(str(name) for name in stored["turned"]),
                **{field: np.array(stored[field]) for field in _ARRAYS},
            }
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None


def write(
    cache_key: str, fields: dict[str, Any], *, folder: Path = FOLDER, prefix: str = _PREFIX
) -> None:
    """Store the tables' fields under ``cache_key`` (atomically); stale keys are removed.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> tables = {"names": ("a",), "aliases": (("b", "c"),), "turned": frozenset({"c"}),
    ...           "luts": np.zeros((1, 2, 3), np.int32), "rounded": np.zeros((1, 2, 3), np.int32),
    ...           "sizes": np.array([2]), "cluster": np.array([0])}
    >>> write("1" * 32, tables, folder=folder)
    >>> read("1" * 32, folder=folder)["aliases"]
    (('b', 'c'),)
    """
    arrays = {
        "names": np.array(fields["names"], dtype=str),
        "aliases": np.array([name for group in fields["aliases"] for name in group], dtype=str),
        "alias_counts": np.array([len(group) for group in fields["aliases"]], dtype=np.int64),
        "turned": np.array(sorted(fields["turned"]), dtype=str),
        **{field: np.asarray(fields[field]) for field in _ARRAYS},
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{prefix}{cache_key}.npz"
        write_atomic(target, lambda stream: np.savez(stream, **arrays), overwrite=True)
    except OSError:
        return  # a read-only install: every process builds the tables
    for stale in folder.glob(f"{prefix}*.npz"):
        if stale.name != f"{prefix}{cache_key}.npz":
            with contextlib.suppress(OSError):
                stale.unlink()
