"""What :func:`truepix.io.info` reports: :class:`ImageInfo`."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["ImageInfo", "info_from_record"]


@dataclass(frozen=True)
class ImageInfo:
    """What a file holds and how faithfully :func:`load` returns it.

    Attributes
    ----------
    path : str
        The file.
    format : str
        ``"png"``, ``"tiff"``, ``"jxl"`` or ``"webp"``.
    foreign : bool
        True for files truepix did not write; :func:`load` returns their stored samples.
    encoding : str or None
        The encoding name (None for foreign files).
    dtype, shape
        dtype and shape of the array :func:`load` returns.
    exact : bool
        True when :func:`load` returns the saved array bit for bit. For a foreign
        file: True only when its codec is lossless (see ``lossless``).
    max_error : float
        Guaranteed bound on ``|load(path) - saved|`` (0.0 when exact); NaN for a
        foreign file whose codec is lossy or may be (the original is unknown).
    params : dict
        The encoding's parameters (``vmin``, ``vmax``, ``bits`` ...).
    layout : str or None
        How samples sit in the picture: ``"native"`` (viewable), ``"bool255"`` or ``"planes"``.
    stored_dtype, stored_shape
        The picture's own samples, as any other image reader sees them.
    checksum : str or None
        CRC-32 of the stored samples, verified by :func:`load`.
    file_size : int
        Bytes on disk.
    writer : str or None
        The truepix version that wrote the file.
    palette : tuple of tuple of int, or None
        A palette image's colors, one ``(R, G, B)`` or ``(R, G, B, A)`` per index
        (8-bit for PNG, 16-bit for a TIFF ColorMap); None for other images.
    axes : str or None
        TIFF: tifffile's axes of the series, e.g. ``"TZCYX"`` or ``"YXS"``.
    n_series : int
        TIFF: how many series the file holds (``series=`` picks one).
    lossless : bool or None
        Whether the file's codec stores samples exactly: True for PNG, truepix's
        files and lossless TIFF codecs; False for lossy ones (JPEG in TIFF, lossy
        WebP, JPEG XL coded in XYB); None when the codec may be either and the file
        does not say simply (JPEG XL in its own colour space, JPEG 2000, JPEG XR,
        WebP or LERC in TIFF).
    """

    path: str
    format: str
    foreign: bool
    encoding: str | None
    dtype: np.dtype
    shape: tuple[int, ...]
    exact: bool
    max_error: float
    params: dict[str, Any] = field(default_factory=dict)
    layout: str | None = None
    stored_dtype: np.dtype | None = None
    stored_shape: tuple[int, ...] | None = None
    checksum: str | None = None
    file_size: int = 0
    writer: str | None = None
    palette: tuple[tuple[int, ...], ...] | None = None
    axes: str | None = None
    n_series: int = 1
    lossless: bool | None = True

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serializable dict of every field (dtypes as strings)."""
        data = asdict(self)
        data["dtype"] = self.dtype.str
        data["stored_dtype"] = None if self.stored_dtype is None else self.stored_dtype.str
        data["shape"] = list(self.shape)
        data["stored_shape"] = None if self.stored_shape is None else list(self.stored_shape)
        data["max_error"] = None if math.isnan(self.max_error) else self.max_error  # strict JSON
        return data


def info_from_record(path: Path, format: str, record: dict[str, Any], size: int) -> ImageInfo:
    return ImageInfo(
        path=str(path),
        format=format,
        foreign=False,
        encoding=record["encoding"],
        dtype=np.dtype(record["dtype"]),
        shape=tuple(record["shape"]),
        exact=record["exact"],
        max_error=float(record["max_error"]),
        params=dict(record["params"]),
        layout=record["layout"],
        stored_dtype=np.dtype(record["stored"]["dtype"]),
        stored_shape=tuple(record["stored"]["shape"]),
        checksum=record["stored"]["crc32"],
        file_size=size,
        writer=record["writer"],
    )
