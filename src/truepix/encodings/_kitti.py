"""The KITTI benchmark's 16-bit PNG conventions for depth and optical flow.

- ``kitti-depth``: uint16 gray, ``d = v / 256`` metres, ``v = 0`` invalid.
- ``kitti-flow``: uint16 RGB, ``u = (R - 2**15) / 64``, ``v = (G - 2**15) / 64``,
  ``B = 1`` valid, ``0`` invalid.

NaN is the invalid marker on both sides. A depth of 0 (or below 1/256 m) is
refused rather than silently turned into "invalid".
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
from truepix.errors import ShapeError

__all__ = ["KITTI_DEPTH", "KITTI_FLOW"]


class KittiDepthEncoding(BaseEncoding):
    """Depth in metres as KITTI's uint16 gray PNG (``v / 256``, 0 = invalid).

    Examples
    --------
    >>> d = np.array([[1.5, np.nan, 80.0]], dtype=np.float32)
    >>> encoded = KITTI_DEPTH.encode(d)
    >>> encoded.samples.tolist()
    [[384, 0, 20480]]
    >>> KITTI_DEPTH.decode(encoded.samples, encoded.params, dtype=d.dtype, shape=d.shape).tolist()
    [[1.5, nan, 80.0]]
    """

    name: ClassVar[str] = "kitti-depth"
    summary: ClassVar[str] = "KITTI depth, uint16 v/256 m, 0 = invalid"
    stored_dtype: ClassVar[str | None] = "uint16"  # a KITTI file is 16-bit, whatever the depths
    domain: ClassVar[tuple[float, float]] = (1.0 / 256.0, 65535.0 / 256.0)

    def _encode(self, array: np.ndarray, options: EncodeOptions, /) -> Encoded:
        out_dtype = self.output_dtype(array.dtype)
        if array.ndim != 2:
            msg = f"expected a 2-D depth map for encoding {self.name!r}, got shape {array.shape}"
            raise ShapeError(msg)
        depth = np.asarray(array, dtype=np.float64)
        invalid = np.isnan(depth)
        low, high = self.domain
        hint = "mark invalid pixels with NaN, or pass clip=True"
        if count_clipped(
            depth, low, high, clip=options.clip, encoding=self.name, unit=" m", hint=hint
        ):
            depth = np.clip(depth, low, high)
        codes = np.rint(np.where(invalid, 0.0, depth) * 256.0)
        samples = np.clip(codes, 0, 65535).astype(np.uint16)
        samples[invalid] = 0
        return Encoded(
            samples, {"scale": 1.0 / 256.0}, 1.0 / 512.0 + rounding_slack(high, out_dtype)
        )

    def decode_foreign(self, samples: np.ndarray, /) -> np.ndarray:
        """Depth (float64, NaN = invalid) from a KITTI uint16 gray PNG."""
        check_foreign(samples, encoding=self.name, dtype="uint16", channels=(1,))
        return self.decode(samples, {}, dtype=np.dtype(np.float64), shape=samples.shape[:2])

    def _decode(
        self, samples: np.ndarray, params: dict[str, Any], dtype: np.dtype, shape: Shape, /
    ) -> np.ndarray:
        codes = samples.reshape(shape)
        depth = codes / 256.0
        depth[codes == 0] = np.nan
        return depth.astype(float_output_dtype(dtype), copy=False)


class KittiFlowEncoding(BaseEncoding):
    """Optical flow (H, W, 2) in pixels as KITTI's uint16 RGB PNG.

    Examples
    --------
    >>> flow = np.array([[[1.25, -3.0], [np.nan, 0.0]]])
    >>> encoded = KITTI_FLOW.encode(flow)
    >>> encoded.samples.tolist()
    [[[32848, 32576, 1], [0, 0, 0]]]
    >>> KITTI_FLOW.decode(encoded.samples, encoded.params, dtype=flow.dtype, shape=flow.shape).tolist()
    [[[1.25, -3.0], [nan, nan]]]
    """

    name: ClassVar[str] = "kitti-flow"
    summary: ClassVar[str] = "KITTI flow, uint16 RGB (v-2^15)/64 px, B = valid"
    stored_dtype: ClassVar[str | None] = "uint16"
    domain: ClassVar[tuple[float, float]] = (-512.0, 32767.0 / 64.0)

    def _encode(self, array: np.ndarray, options: EncodeOptions, /) -> Encoded:
        out_dtype = self.output_dtype(array.dtype)
        if array.ndim != 3 or array.shape[2] != 2:
            msg = f"expected flow of shape (H, W, 2) for encoding {self.name!r}, got shape {array.shape}"
            raise ShapeError(msg)
        flow = np.asarray(array, dtype=np.float64)
        invalid = np.isnan(flow[..., 0]) | np.isnan(flow[..., 1])
        low, high = self.domain
        hint = "mark invalid pixels with NaN, or pass clip=True"
        if count_clipped(
            flow, low, high, clip=options.clip, encoding=self.name, unit=" px", hint=hint
        ):
            flow = np.clip(flow, low, high)
        codes = np.rint(np.where(invalid[..., None], 0.0, flow) * 64.0 + 32768.0)
        samples = np.zeros((*flow.shape[:2], 3), dtype=np.uint16)
        samples[..., :2] = np.clip(codes, 0, 65535)
        samples[..., 2] = ~invalid
        samples[invalid] = 0
        return Encoded(
            samples, {"scale": 1.0 / 64.0}, 1.0 / 128.0 + rounding_slack(512.0, out_dtype)
        )

    def decode_foreign(self, samples: np.ndarray, /) -> np.ndarray:
        """Flow (H, W, 2) float64, NaN where invalid, from a KITTI uint16 RGB PNG."""
        check_foreign(samples, encoding=self.name, dtype="uint16", channels=(3,))
        return self.decode(samples, {}, dtype=np.dtype(np.float64), shape=(*samples.shape[:2], 2))

    def _decode(
        self, samples: np.ndarray, params: dict[str, Any], dtype: np.dtype, shape: Shape, /
    ) -> np.ndarray:
        rgb = samples.reshape(*shape[:2], 3)
        flow = (rgb[..., :2].astype(np.float64) - 32768.0) / 64.0
        flow[rgb[..., 2] == 0] = np.nan
        return flow.astype(float_output_dtype(dtype), copy=False)


KITTI_DEPTH = KittiDepthEncoding()
KITTI_FLOW = KittiFlowEncoding()
