"""How encoded samples become the picture a format stores, and back (see :mod:`._layout`)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from truepix.errors import ShapeError, UnsupportedDtypeError
from truepix.io import _png, _webp
from truepix.io._layout import (
    FOLD_WIDTH,
    fold,
    from_planes,
    narrow_dtype,
    native_shape,
    tiff_shape,
    to_planes,
    to_planes_shape,
    unfold,
)

__all__ = ["c_strided", "from_layout", "lay_out"]


def lay_out(samples: np.ndarray, format: str) -> tuple[str, np.ndarray]:
    """Choose the layout of the encoded samples in the picture and build the picture.

    The dtype decides the stored depth, never the values; arrays keep their frames
    (see :func:`~truepix.io._layout.native_shape`). The picture has C-order strides
    (imagecodecs refuses a numpy "contiguous" view whose length-1 axis has stride 0).
    """
    layout, picture = _lay_out(samples, format)
    return layout, c_strided(picture)


def c_strided(array: np.ndarray) -> np.ndarray:
    """The array itself if its strides are C order's, else a C-ordered copy."""
    strides, step = [], array.itemsize
    for size in reversed(array.shape):
        strides.append(step)
        step *= size
    if array.strides == tuple(reversed(strides)):
        return array
    return array.copy(order="C")


def _lay_out(samples: np.ndarray, format: str) -> tuple[str, np.ndarray]:
    if format == "tiff":
        return _tiff_layout(samples)
    shape = native_shape(samples.shape)
    if format == "webp":
        return _webp_layout(samples, shape)
    if samples.dtype.kind == "b":
        return _fit("bool255", samples.reshape(shape).view(np.uint8) * np.uint8(255), samples)
    if format == "jxl" and samples.dtype.kind == "f" and samples.dtype.itemsize <= 4:
        # float16 widened: exact (float16 is a subset of float32), and libjxl's own
        # float16 path loses NaN and subnormals
        target: np.dtype | None = np.dtype(np.float32)
    else:
        target = narrow_dtype(samples)
    if target is None:
        return _png_planes(samples)
    return _fit("native", samples.reshape(shape).astype(target, copy=False), samples)


def _fit(layout: str, picture: np.ndarray, samples: np.ndarray) -> tuple[str, np.ndarray]:
    """A picture with a side past what PNG readers accept: gray is rewrapped, in its depth."""
    if max(picture.shape[:2]) <= _png.MAX_SIDE:
        return layout, picture
    if picture.ndim == 3:
        return _png_planes(samples)
    return _folded(layout, picture, count=samples.size, unit="samples")


def _folded(
    layout: str, picture: np.ndarray, *, count: int, unit: str
) -> tuple[str, np.ndarray]:
    """``picture`` rewrapped to fit PNG's largest side, or refused (``.tif`` has no limit)."""
    folded = fold(picture)
    if folded.shape[0] > _png.MAX_SIDE:
        msg = (
            f"expected an array of at most {_png.MAX_SIDE * FOLD_WIDTH} {unit} for PNG or "
            f"JPEG XL, got {count}; save it as .tif"
        )
        raise ShapeError(msg)
    return layout, folded


def _tiff_layout(samples: np.ndarray) -> tuple[str, np.ndarray]:
    """Every dtype natively, frames as pages; extended precision (float128, complex256,
    which no TIFF reader decodes, nor tifffile's predictors) as byte planes."""
    dtype, shape = samples.dtype, tiff_shape(samples.shape)
    if dtype.kind == "b":
        return "bool255", samples.reshape(shape).view(np.uint8) * np.uint8(255)
    if (dtype.kind == "f" and dtype.itemsize > 8) or (dtype.kind == "c" and dtype.itemsize > 16):
        return "planes", to_planes(samples)
    return "native", samples.reshape(shape).astype(dtype.newbyteorder("="), copy=False)


def _webp_layout(samples: np.ndarray, shape: tuple[int, ...]) -> tuple[str, np.ndarray]:
    """WebP holds uint8 RGB(A): a gray picture goes into R = G = B."""
    channels = shape[2] if len(shape) == 3 else 1
    if samples.dtype != np.uint8 or channels not in (1, 3, 4):
        msg = (
            f"expected uint8 gray, RGB or RGBA samples for WebP, got {samples.dtype} with "
            f"{channels} channel(s); save exact data of any dtype as .png, .tif or .jxl"
        )
        raise UnsupportedDtypeError(msg)
    if max(shape[:2]) > _webp.MAX_SIDE:
        msg = f"expected sides of at most {_webp.MAX_SIDE} pixels for WebP, got {shape[:2]}"
        raise ShapeError(msg)
    if channels == 1:
        return "rgb-gray", np.repeat(samples.reshape(*shape[:2], 1), 3, axis=2)
    return "native", samples.reshape(shape)


def _png_planes(samples: np.ndarray) -> tuple[str, np.ndarray]:
    planes = to_planes(samples)
    if max(planes.shape) <= _png.MAX_SIDE:
        return "planes", planes
    return _folded("planes", planes, count=samples.nbytes, unit="bytes")


def from_layout(record: dict[str, Any], pixels: np.ndarray) -> np.ndarray:
    samples_dtype = np.dtype(record["samples"]["dtype"])
    samples_shape = tuple(record["samples"]["shape"])
    if record["layout"] == "planes":
        planes_shape = to_planes_shape(samples_dtype, samples_shape)
        if pixels.shape != planes_shape:
            pixels = unfold(pixels, planes_shape)
        return from_planes(pixels, samples_dtype, samples_shape)
    if record["layout"] == "rgb-gray":
        return np.ascontiguousarray(pixels[..., 0]).reshape(samples_shape)
    if pixels.size != math.prod(samples_shape):  # rewrapped by _fit
        pixels = pixels.reshape(-1)[: math.prod(samples_shape)]
    if record["layout"] == "bool255":
        return (pixels != 0).reshape(samples_shape)
    return pixels.reshape(samples_shape)
