"""Rules about files that io, stacks, display and the command line share.

:data:`FORMATS`: the suffixes :func:`truepix.save` writes and :func:`truepix.load`
reads, and their format. :func:`read_numpy`: NumPy's own files (``.npy``,
one-array ``.npz``) read by one rule, damage refused in one line. numpy answers a damaged file with ``EOFError`` (an empty file: click then
prints a bare "Aborted!"), a ``ValueError`` that talks about pickles (a file
that is not a .npy at all) or ``zipfile.BadZipFile``; every truepix reader of
a user's .npy goes through :func:`read_numpy` and gets a
:class:`~truepix.errors.CorruptFileError` that names the file instead.
"""

from __future__ import annotations

import os
import zipfile
from typing import Any, Literal

import numpy as np

from truepix.errors import CorruptFileError, UnknownFormatError

__all__ = ["FORMATS", "read_numpy"]

# file suffix -> format
FORMATS: dict[str, str] = {
    ".png": "png",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".jxl": "jxl",
    ".webp": "webp",
}

_NPY_MAGIC = b"\x93NUMPY"
_ZIP_MAGIC = b"PK\x03\x04"


def _refuse(path: Any, reason: str) -> CorruptFileError:
    msg = f"expected a NumPy .npy/.npz file, got {os.fspath(path)!r} ({reason})"
    return CorruptFileError(msg)


def read_numpy(path: Any, /, *, mmap_mode: Literal["r"] | None = None) -> np.ndarray:
    """The array of a ``.npy`` file, or of a ``.npz`` archive that holds one.

    Parameters
    ----------
    path : str or path-like
        The file; numpy's format is told by its first bytes, not its name.
    mmap_mode : {None, "r"}
        ``"r"``: a read-only memory map of a ``.npy`` (ignored for ``.npz``).

    Returns
    -------
    numpy.ndarray
        The stored array (never object dtype: pickles are refused).

    Raises
    ------
    CorruptFileError
        Empty, truncated, not a NumPy file, or holding Python objects.
    UnknownFormatError
        A ``.npz`` that holds more than one array.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> np.save(folder / "a.npy", np.arange(3))
    >>> read_numpy(folder / "a.npy")
    array([0, 1, 2])
    >>> _ = (folder / "empty.npy").write_bytes(b"")
    >>> read_numpy(folder / "empty.npy")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    truepix.errors.CorruptFileError: expected a NumPy .npy/.npz file, got '.../empty.npy' (an empty file)
    """
    with open(path, "rb") as handle:  # a missing file stays FileNotFoundError
        head = handle.read(len(_NPY_MAGIC))
    if not head:
        raise _refuse(path, "an empty file")
    if not head.startswith((_NPY_MAGIC, _ZIP_MAGIC)):
        raise _refuse(path, f"it starts {head!r}")
    try:
        if head.startswith(_NPY_MAGIC):
            array: np.ndarray = np.load(path, mmap_mode=mmap_mode, allow_pickle=False)
            return array
        # an archive: opened here so a damaged one leaves no file open behind numpy
        with open(path, "rb") as handle, np.load(handle, allow_pickle=False) as archive:
            if len(archive.files) != 1:
                msg = f"expected one array in {os.fspath(path)!r}, got {archive.files}; save it as .npy"
                raise UnknownFormatError(msg)
            return np.asarray(archive[archive.files[0]])
    except (ValueError, EOFError, zipfile.BadZipFile) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise _refuse(path, reason) from None
