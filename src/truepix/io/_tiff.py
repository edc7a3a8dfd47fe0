"""TIFF through tifffile: every dtype natively, the record in a private tag.

The record is ASCII JSON in tag 65301 (the private, reusable range), so it
neither collides with ImageDescription (which ImageJ and tifffile use for
their own metadata) nor is lost when other tools rewrite the description.
Reading checks that every strip or tile lies inside the file and that the
declared size is one the compressed data can hold, before decoding.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any, BinaryIO

import numpy as np
import tifffile

from truepix.errors import CorruptFileError, InputError
from truepix.io._limits import check_decoded_size

__all__ = ["TAG", "TiffInfo", "read", "write"]

TAG = 65301
# most a codec can expand its input; None: no bound we can rely on beyond the absolute cap
_MAX_RATIO: dict[int, int | None] = {1: 1, 8: 1032, 32946: 1032, 32773: 64, 5: 4096}
_CODECS = ("zstd", "deflate", "lzw", "lzma", "none")
_DEFAULT = ("deflate", 1)


@dataclass(frozen=True)
class TiffInfo:
    """What was learned from a TIFF's header without decoding pixels."""

    shape: tuple[int, ...]
    dtype: np.dtype
    record: str | None
    pages: int
    compression: str


def _corrupt(what: str, got: str) -> CorruptFileError:
    return CorruptFileError(f"expected {what}, got {got}; the TIFF file is damaged or not a TIFF")


def _compression(compression: int | str | None) -> tuple[str | None, int | None]:
    if compression is None:
        return _DEFAULT
    if isinstance(compression, str):
        name = compression.lower()
        if name not in _CODECS:
            msg = f"expected a TIFF compression in {_CODECS} or a level, got {compression!r}"
            raise InputError(msg)
        return (None, None) if name == "none" else (name, None)
    if isinstance(compression, int) and not isinstance(compression, bool) and 0 <= compression <= 9:
        return (None, None) if compression == 0 else ("deflate", compression)
    msg = f"expected a TIFF compression level in 0..9 or a codec name, got {compression!r}"
    raise InputError(msg)


def write(
    path: str | os.PathLike[str] | BinaryIO,
    samples: np.ndarray,
    *,
    record: str,
    compression: int | str | None,
) -> None:
    """Write samples (H, W) or (H, W, C) of any numeric dtype with the record tag."""
    codec, level = _compression(compression)
    options: dict[str, Any] = {"metadata": None, "extratags": [(TAG, "s", 0, record, True)]}
    if codec is not None:
        options["compression"] = codec
        if level is not None:
            options["compressionargs"] = {"level": level}
        kind, size = samples.dtype.kind, samples.dtype.itemsize
        if (kind in "iu" and size <= 4) or kind == "f":
            options["predictor"] = True
    channels = samples.shape[2] if samples.ndim == 3 else 1
    if samples.ndim == 3:
        options["planarconfig"] = "contig"
    if channels in (3, 4) and samples.dtype in (np.uint8, np.uint16):
        options["photometric"] = "rgb"
        if channels == 4:
            options["extrasamples"] = ("unassalpha",)
    else:
        options["photometric"] = "minisblack"
    tifffile.imwrite(path, samples, **options)


def _check_extent(tif: tifffile.TiffFile, size: int) -> tuple[int, int]:
    """Declared decoded bytes of the first series and its compressed bytes; all inside the file."""
    series = tif.series[0]
    compressed = 0
    for page in series.pages:
        if page is None:
            continue
        for offset, count in zip(page.dataoffsets, page.databytecounts, strict=True):
            if offset + count > size:
                got = f"data up to byte {offset + count} of a {size}-byte file (truncated)"
                raise _corrupt("strips and tiles inside the file", got)
            compressed += count
    return math.prod(series.shape) * series.dtype.itemsize, compressed


def read(
    path: str | os.PathLike[str], *, header_only: bool = False
) -> tuple[np.ndarray | None, TiffInfo]:
    """Read a TIFF's first series (and the truepix record, if any)."""
    size = os.path.getsize(path)
    try:
        with tifffile.TiffFile(path) as tif:
            if not tif.pages or not tif.series:
                raise _corrupt("at least one image", "none")
            first = tif.pages.first
            tag = first.tags.get(TAG)
            record = tag.value if tag is not None and isinstance(tag.value, str) else None
            series = tif.series[0]
            declared, compressed = _check_extent(tif, size)
            ratio = _MAX_RATIO.get(int(first.compression))
            if ratio is None:
                check_decoded_size(declared, what="TIFF")
            else:
                check_decoded_size(declared, what="TIFF", compressed=compressed, ratio=ratio)
            info = TiffInfo(
                shape=tuple(series.shape),
                dtype=np.dtype(series.dtype),
                record=record,
                pages=len(tif.pages),
                compression=first.compression.name.lower(),
            )
            if header_only:
                return None, info
            pixels = first.asarray() if record is not None else series.asarray()
    except (CorruptFileError, InputError):
        raise
    except (
        Exception
    ) as exc:  # tifffile raises TiffFileError, ValueError, struct.error ... on bad files
        if isinstance(exc, OSError) and not isinstance(exc, tifffile.TiffFileError):
            raise
        raise _corrupt("a readable TIFF", f"{type(exc).__name__}: {exc}") from exc
    return pixels, info
