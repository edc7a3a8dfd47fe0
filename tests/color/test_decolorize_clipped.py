"""Thin data under 4:2:0 chroma that left the RGB cube: the clipped model (``_clipped``).

OpenCV pictures (``cv2.applyColorMap``, JPEG'd by ``cv2.imencode`` at its default
quality 95) of a terrain field with a one-pixel ramp strip along an edge -- the
value v in entry v, as a legend row or column drawn into the picture. 4:2:0 gives the
strip its neighbours' chroma; on maps of saturated colors (hot, autumn, spring, cool)
libjpeg's RGB then passes 255 and clips, and JPEG's model, which compares Y Cb Cr,
found the strip 20-60 DN off: holes in the data (trial 45: hot 0.22 %, t06).
"""

from __future__ import annotations

import os

import cv2
import matplotlib as mpl
import numpy as np
import pytest

import truepix as tp
from truepix.color._decolorize._clipped import clipped_distance


def _terrain() -> np.ndarray:
    """matplotlib's Jacksboro DEM, 256^2 from its middle, stretched to 0-255 (uint8)."""
    path = os.path.join(mpl.get_data_path(), "sample_data", "jacksboro_fault_dem.npz")
    with np.load(path) as data:
        dem = data["elevation"].astype(np.float64)
    low, high = np.percentile(dem, [0.5, 99.5])
    height, width = dem.shape
    top, left = (height - 256) // 2, (width - 256) // 2
    crop = dem[top : top + 256, left : left + 256]
    return np.round(np.clip((crop - low) / (high - low), 0.0, 1.0) * 255).astype(np.uint8)


def _cv2_jpeg(values: np.ndarray, name: str) -> np.ndarray:
    bgr = cv2.applyColorMap(values, getattr(cv2, f"COLORMAP_{name.upper()}"))
    ok, buffer = cv2.imencode(".jpg", bgr)  # OpenCV's default: quality 95, 4:2:0
    assert ok
    return np.ascontiguousarray(cv2.imdecode(buffer, cv2.IMREAD_COLOR)[..., ::-1])


@pytest.mark.parametrize("name", ["hot", "autumn"])
def test_a_ramp_strip_beside_terrain_leaves_no_holes(name: str) -> None:
    """hot: 0.22 % holes (the strip's 95 pixels and 51 beside them), autumn 0.09 %;
    now none, the values no worse than the nearest table color's."""
    values = _terrain()
    values[0, :] = np.arange(256)  # the ramp along the top row
    picture = _cv2_jpeg(values, name)
    decoded = tp.decolorize(picture, cmap=f"opencv:{name}", vmin=0, vmax=255)
    assert np.isnan(decoded).mean() <= 0.0005
    table = cv2.applyColorMap(np.arange(256, dtype=np.uint8)[:, None], getattr(
        cv2, f"COLORMAP_{name.upper()}"))[:, 0, ::-1].astype(np.float64)  # fmt: skip
    nearest = np.argmin(((picture[..., None, :] - table) ** 2).sum(axis=-1), axis=-1)
    filled = np.nan_to_num(decoded, nan=-255.0)
    assert np.mean(np.abs(filled - values)) <= np.mean(np.abs(nearest - values.astype(int)))


def test_clipped_distance_fits_a_clipped_pixel_and_only_such() -> None:
    """Four pixels of one 2x2 block whose model chroma is red's: a pixel whose red was
    clipped is within a DN or two of the clipped model; one with no saturated channel,
    and a white one (its green and blue far from the model's), are not explained."""
    ycc = np.array([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5],
                    [0.5, -0.418688, -0.081312]])  # fmt: skip
    u, v = -30.0, 90.0  # the block's chroma: an orange-red's
    luma = 180.0
    unclipped = np.array([luma + 1.402 * v, luma - 0.344136 * u - 0.714136 * v, luma + 1.772 * u])
    clipped = np.round(np.clip(unclipped, 0, 255))
    assert unclipped[0] > 255 + 40  # R past the cube
    pixels = np.array([clipped, [120.0, 110.0, 100.0], [255.0, 255.0, 255.0], clipped])
    chroma, row = np.array([[u, v]]), np.ones(1, dtype=np.int32)
    out = np.empty(4)
    clipped_distance(pixels, 1.0, 2, np.arange(4), chroma, row, ycc, 0.0, 255.0, out)
    assert out[0] <= 2.0 and out[3] <= 2.0
    assert np.isinf(out[1])  # no saturated channel
    assert out[2] > 40.0  # white: saturated, but its chroma is not the block's
