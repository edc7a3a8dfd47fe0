"""A discrete map's JPEG'd fields: no figure's margin, and JPEG at high quality.

Spectral's 5 colors on scikit-image's moon (256^2, Pillow JPEG q75): its middle color
(255, 255, 191) came out as 196-198 blue, 6 DN past the colors' box in speckle over
the textured field, and was taken for a margin (``_fills``): 2.6 % of the all-data
picture NaN. A margin is one solid area (``_solid_fills``); the speckle is none.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

from truepix import Decolorizer
from truepix.color._decolorize._solid_fills import SOLID_PIXELS, solid_fills


def _jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _moon() -> np.ndarray:
    """scikit-image's moon, 256^2, in [0, 1] with half a gray level of seeded dither."""
    from skimage import data
    from skimage.transform import resize

    image = resize(data.moon() / 255.0, (256, 256), order=1, anti_aliasing=True)
    dither = np.random.default_rng(4).uniform(-0.5, 0.5, image.shape) / 255.0
    return np.clip(image + dither, 0.0, 1.0)


def test_jpeg_shifted_discrete_field_is_data() -> None:
    cmap = plt.get_cmap("Spectral", 5)
    rgb = np.ascontiguousarray(cmap(_moon(), bytes=True)[..., :3])
    picture = _jpeg(rgb, 75)
    blue = picture[..., 2].astype(int)
    shifted = (picture[..., 0] >= 254) & (picture[..., 1] >= 254) & (blue > 191 + 4)
    assert shifted.sum() > 0.01 * shifted.size  # (the kind: a field past the box's margin)
    values = Decolorizer(cmap, vmin=0, vmax=1).values(picture)
    assert np.isnan(values).mean() <= 0.002


def test_margin_is_solid_speckle_is_not() -> None:
    picture = np.full((64, 96, 3), 120, dtype=np.uint8)
    picture[:8] = 255  # a margin's band: one solid piece
    rng = np.random.default_rng(0)
    speckle = rng.random((56, 96)) < 0.1  # lone pixels: no piece of SOLID_PIXELS
    picture[8:][speckle] = (250, 20, 20)
    fills = np.array([[[255] * 3] * 2, [[250, 20, 20]] * 2], dtype=np.uint8)
    kept = solid_fills(picture, fills)
    assert kept.tolist() == [[[255] * 3] * 2]
    assert speckle.sum() > SOLID_PIXELS


def test_high_quality_jpeg_of_three_colors_is_jpeg() -> None:
    # (Spectral's 3 colors on the moon at q95: luma detail 1.0499, under the old
    # LUMA_DETAIL 1.05, read as no JPEG: 1.37 % NaN; ``_plan.LUMA_DETAIL``)
    cmap = plt.get_cmap("Spectral", 3)
    picture = _jpeg(np.ascontiguousarray(cmap(_moon(), bytes=True)[..., :3]), 95)
    values = Decolorizer(cmap, vmin=0, vmax=1).values(picture)
    assert np.isnan(values).mean() <= 0.002
