"""What the page accepts: bounded bodies, formats told by their bytes, sizes checked before decoding.

Nothing here trusts the client: uploads carry no file name, the kind of file is
read from its first bytes, and a picture's declared size is checked against
the limits :func:`truepix.load` uses (:mod:`truepix.io._limits`) before any
pixel is decoded.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from truepix.errors import CorruptFileError, InputError, UnknownFormatError
from truepix.io._checked import FIGURE_KINDS, check_figure, describe, sniff
from truepix.io._limits import check_decoded_size

__all__ = [
    "FIGURE_KINDS",
    "UploadTooLargeError",
    "check_figure",
    "describe",
    "load_npy",
    "sniff",
]

# file suffix the server gives each kind (never the client's name)
SUFFIXES = {"png": ".png", "jpeg": ".jpg", "webp": ".webp", "tiff": ".tif", "jxl": ".jxl",
            "npy": ".npy"}  # fmt: skip


class UploadTooLargeError(InputError):
    """An upload over the server's byte limit."""


def load_npy(path: Path) -> np.ndarray:
    """Read an uploaded ``.npy`` after checking its declared size against the limits.

    Raises
    ------
    UnknownFormatError
        Not a ``.npy`` file.
    CorruptFileError
        A header numpy refuses, pickled objects, or fewer bytes than declared.
    DecompressionBombError
        A declared size past the limits :func:`truepix.load` uses.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.npy"
    >>> np.save(path, np.arange(3))
    >>> load_npy(path)
    array([0, 1, 2])
    """
    size = path.stat().st_size
    with path.open("rb") as file:
        head = file.read(16)
        if sniff(head) != "npy":
            msg = f"expected a .npy file written by numpy.save, got {describe(head)}"
            raise UnknownFormatError(msg)
        file.seek(0)
        try:
            version = np.lib.format.read_magic(file)
            read_header = {(1, 0): np.lib.format.read_array_header_1_0,
                           (2, 0): np.lib.format.read_array_header_2_0}[version]  # fmt: skip
            shape, _, dtype = read_header(file)
        except (ValueError, KeyError) as exc:
            msg = f"expected a .npy file with a version 1 or 2 header numpy reads, got {describe(head)}"
            raise CorruptFileError(msg) from exc
        data_offset = file.tell()
    declared = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    check_decoded_size(declared, what=".npy array")
    if declared > size - data_offset:
        msg = (
            f"expected {declared} bytes of {dtype} data for shape {tuple(shape)}, got "
            f"{size - data_offset}; the .npy file is truncated"
        )
        raise CorruptFileError(msg)
    try:
        mapped = np.load(path, mmap_mode="r", allow_pickle=False)
    except (ValueError, OSError) as exc:
        msg = f"expected a .npy file of numbers, got {size} bytes numpy refuses (object dtype or damaged)"
        raise CorruptFileError(msg) from exc
    array = np.array(mapped)
    del mapped  # closes the map so the temporary folder can be removed
    return array
