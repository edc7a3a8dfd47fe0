"""Elevation as 24-bit RGB: Mapbox ``terrain-rgb`` and Mapzen/AWS ``terrarium``.

Both store a 24-bit code ``c = R*65536 + G*256 + B`` and decode with
``h = offset + c * scale``:

- terrain-rgb: ``h = -10000 + (R*256*256 + G*256 + B) * 0.1``
- terrarium:   ``h = (R*256 + G + B/256) - 32768``

so any reader that knows the public formula decodes truepix's files. Neither
has an invalid marker: NaN is refused. Unlike the popular encoders, the whole
domain is checked (not only the range's width), so -10001 m is an error rather
than a wrapped 1,667,720 m.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from truepix.encodings._base import (
    BaseEncoding,
    Encoded,
    EncodeOptions,
    Shape,
    check_foreign,
    count_clipped,
    float_output_dtype,
    rounding_slack,
)
from truepix.errors import EncodingDomainError, ShapeError

__all__ = ["TERRAIN_RGB", "TERRARIUM"]

_TOP = (1 << 24) - 1


class Rgb24Encoding(BaseEncoding):
    """``h = offset + (R*65536 + G*256 + B) * scale`` in an 8-bit RGB picture.

    Examples
    --------
    >>> h = np.array([[-10000.0, 0.0, 8848.86]])
    >>> encoded = TERRAIN_RGB.encode(h)
    >>> encoded.samples[0, 1].tolist()
    [1, 134, 160]
    >>> TERRAIN_RGB.decode(encoded.samples, encoded.params, dtype=h.dtype, shape=h.shape)[0, 2]
    np.float64(8848.900000000001)
    >>> TERRAIN_RGB.encode(np.array([[-10001.0]]))
    Traceback (most recent call last):
    ...
    truepix.errors.EncodingDomainError: expected values in [-10000, 1667721.5] m for encoding 'terrain-rgb', got 1 of 1 outside (min -10001, max -10001); pass clip=True to clip them
    """

    stored_dtype: ClassVar[str | None] = "uint8"

    offset: ClassVar[float]
    scale: ClassVar[float]

    @property
    def domain(self) -> tuple[float, float]:
        """The heights the encoding can hold, in metres."""
        return (self.offset, self.offset + _TOP * self.scale)

    def _encode(self, array: np.ndarray, options: EncodeOptions, /) -> Encoded:
        out_dtype = self.output_dtype(array.dtype)
        if array.ndim != 2:
            msg = (
                f"expected a 2-D elevation grid for encoding {self.name!r}, got shape {array.shape}"
            )
            raise ShapeError(msg)
        heights = np.asarray(array, dtype=np.float64)
        if np.isnan(heights).any():
            count = int(np.count_nonzero(np.isnan(heights)))
            msg = (
                f"expected no NaN for encoding {self.name!r} (it has no invalid marker), "
                f"got {count} NaN; fill them first or use encoding='exact'"
            )
            raise EncodingDomainError(msg)
        low, high = self.domain
        if count_clipped(heights, low, high, clip=options.clip, encoding=self.name, unit=" m"):
            heights = np.clip(heights, low, high)
        codes = np.rint((heights - self.offset) / self.scale)
        codes = np.clip(codes, 0, _TOP).astype(np.uint32)
        samples = np.empty((*heights.shape, 3), dtype=np.uint8)
        samples[..., 0] = codes >> 16
        samples[..., 1] = (codes >> 8) & 0xFF
        samples[..., 2] = codes & 0xFF
        params = {"offset": self.offset, "scale": self.scale}
        max_error = self.scale / 2 + rounding_slack(max(abs(low), abs(high)), out_dtype)
        return Encoded(samples, params, max_error)

    def decode_foreign(self, samples: np.ndarray, /) -> np.ndarray:
        """Heights (float64) from an RGB(A) uint8 picture another tool wrote (alpha ignored)."""
        check_foreign(samples, encoding=self.name, dtype="uint8", channels=(3, 4))
        rgb = np.ascontiguousarray(samples[..., :3])
        return self.decode(rgb, {}, dtype=np.dtype(np.float64), shape=rgb.shape[:2])

    def _decode(
        self, samples: np.ndarray, params: dict[str, Any], dtype: np.dtype, shape: Shape, /
    ) -> np.ndarray:
        rgb = samples.reshape(*shape, 3).astype(np.float64)
        codes = rgb[..., 0] * 65536.0 + rgb[..., 1] * 256.0 + rgb[..., 2]
        heights = self.offset + codes * self.scale
        return heights.astype(float_output_dtype(dtype), copy=False)


class TerrainRgbEncoding(Rgb24Encoding):
    """Mapbox Terrain-RGB: ``h = -10000 + (R*256*256 + G*256 + B) * 0.1``."""

    name: ClassVar[str] = "terrain-rgb"
    summary: ClassVar[str] = "Mapbox elevation, 0.1 m steps"
    offset: ClassVar[float] = -10000.0
    scale: ClassVar[float] = 0.1


class TerrariumEncoding(Rgb24Encoding):
    """Terrarium: ``h = (R*256 + G + B/256) - 32768``."""

    name: ClassVar[str] = "terrarium"
    summary: ClassVar[str] = "Terrarium elevation, 1/256 m steps"
    offset: ClassVar[float] = -32768.0
    scale: ClassVar[float] = 1.0 / 256.0


TERRAIN_RGB = TerrainRgbEncoding()
TERRARIUM = TerrariumEncoding()
