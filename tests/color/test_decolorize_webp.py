"""Lossy WebP pictures (Pillow): block-coded as JPEG is, and decoded as such.

WebP's lossy mode (VP8: 4x4 transforms in 16x16 macroblocks, 4:2:0 chroma) quantizes
a jet photograph's chroma so coarsely that 4:2:0's model explains it no better than
the map does, and the plan took it for a resampled picture: 4.3-4.6 % holes at q30-q70
(trial 41), its edges' chroma read as shrunk strokes. Its blocks and the luma detail
it keeps say what it is (``_plan.JPEG_BLOCKED_RATIO``). A hole counts as an error of
the full range; the baseline is the nearest table color (a k-d tree).
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

from tests.color._photographs import camera_256, imsave_rgb
from truepix.color._decolorize._api import Decolorizer

matplotlib.use("Agg")


# (this camera at q30 / q40: 5.1 / 4.8 % holes before, judged no JPEG; q50 up passed)
@pytest.mark.parametrize("quality", [30, 40, 70])
def test_lossy_webp_of_a_jet_photograph_is_data(quality: int) -> None:
    photograph = camera_256().astype(float)
    buffer = io.BytesIO()
    Image.fromarray(imsave_rgb(photograph, "jet")).save(buffer, "WEBP", quality=quality)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    result = Decolorizer("jet", vmin=0, vmax=255).decode(picture)
    holes = np.isnan(result.values)
    assert result.jpeg
    assert holes.mean() <= 0.002
    table = matplotlib.colormaps["jet"](np.arange(256), bytes=True)[:, :3].astype(float)
    nearest = cKDTree(table).query(picture.reshape(-1, 3).astype(float))[1]
    baseline = np.abs((nearest.reshape(holes.shape) + 0.5) * 255 / 256 - photograph)
    error = np.where(holes, 255.0, np.abs(result.values - photograph))
    assert error.mean() <= baseline.mean()
