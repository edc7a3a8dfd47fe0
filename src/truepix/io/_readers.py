"""One reader per format: a file's stored pixels (when asked), its record and what it holds.

Each reader checks its format's structure before decoding (see the codec modules)
and returns a :class:`Stored`. A ``dtype`` of None means the file was described
from its header and truepix record without decoding (JPEG XL, WebP), so only the
record says what the decoder would give; :func:`truepix.io.load` checks it then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from truepix.errors import MetadataError
from truepix.io import _jxl, _png, _webp
from truepix.io._metadata import decode_record, looks_like_record

__all__ = ["READERS", "Stored"]


@dataclass(frozen=True)
class Stored:
    """What one file holds, as its format's reader found it."""

    pixels: np.ndarray | None
    record: str | None
    dtype: np.dtype | None
    shape: tuple[int, ...]
    extra: dict[str, Any] = field(default_factory=dict)


def _check_no_stray_record(data: bytes, record: str | None, where: str) -> None:
    """A record outside its box or chunk (a damaged marker) is a damaged truepix file."""
    if record is None and looks_like_record(data):
        msg = (
            f"expected the truepix metadata record in {where}, got one whose marker was "
            "damaged; the file was altered after truepix wrote it"
        )
        raise MetadataError(msg)


def read_png(path: Path, *, pixels_too: bool, palette: str | None, series: int) -> Stored:
    data = path.read_bytes()
    parsed = _png.parse(data)
    pixels = _png.decode(data, parsed, palette=palette or "colors") if pixels_too else None
    shape = parsed.index_shape if palette == "indices" else parsed.shape
    colors = tuple(map(tuple, parsed.colors().tolist())) if parsed.palette else None
    extra = {"palette": colors, "lossless": True}
    return Stored(pixels, parsed.record, parsed.dtype, shape, extra)


def read_jxl(path: Path, *, pixels_too: bool, palette: str | None, series: int) -> Stored:
    data = path.read_bytes()
    parsed = _jxl.parse(data)
    _check_no_stray_record(data, parsed.record, "truepix's uuid box")
    if not pixels_too and parsed.record is not None:
        return Stored(None, parsed.record, None, (parsed.height, parsed.width))
    decoded = _jxl.decode(data, parsed)  # a foreign file's dtype is known once decoded
    extra = {"lossless": parsed.lossless}  # False for XYB samples, else None (see parse)
    return Stored(
        decoded if pixels_too else None, parsed.record, decoded.dtype, decoded.shape, extra
    )


def read_webp(path: Path, *, pixels_too: bool, palette: str | None, series: int) -> Stored:
    data = path.read_bytes()
    parsed = _webp.parse(data)
    record = parsed.record
    _check_no_stray_record(data, record, "the TPIX chunk")
    if not pixels_too and record is not None:
        return Stored(None, record, None, ())
    stored = decode_record(record)["stored"]["shape"] if record is not None else []
    # libwebp drops an opaque alpha channel; the record says it was there
    decoded = _webp.decode(data, channels=stored[2] if len(stored) == 3 else None)
    extra = {"lossless": parsed.lossless}
    return Stored(decoded if pixels_too else None, record, decoded.dtype, decoded.shape, extra)


def read_tiff(path: Path, *, pixels_too: bool, palette: str | None, series: int) -> Stored:
    from truepix.io import _tiff  # tifffile: imported for TIFF files only (0.03 s)

    pixels, tiff = _tiff.read(path, header_only=not pixels_too, series=series, palette=palette)
    extra = {"palette": tiff.palette, "axes": tiff.axes, "n_series": tiff.n_series}
    extra["lossless"] = tiff.lossless
    return Stored(pixels, tiff.record, tiff.dtype, tiff.shape, extra)


READERS: dict[str, Callable[..., Stored]] = {
    "png": read_png,
    "jxl": read_jxl,
    "webp": read_webp,
    "tiff": read_tiff,
}
