"""A discrete map's picture at high JPEG quality is read as JPEG (``_plan.LUMA_DETAIL``).

JPEG keeps a discrete map's flat fields nearly whole at q95: Spectral's 3 colors on
scikit-image's moon read a luma detail of 1.0499, under the old threshold 1.05, and
the picture decoded as no JPEG, 1.37 % of it NaN.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

from truepix import Decolorizer


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


def test_high_quality_jpeg_of_three_colors_is_jpeg() -> None:
    # (Spectral's 3 colors on the moon at q95: luma detail 1.0499, under the old
    # LUMA_DETAIL 1.05, read as no JPEG: 1.37 % NaN; ``_plan.LUMA_DETAIL``)
    cmap = plt.get_cmap("Spectral", 3)
    picture = _jpeg(np.ascontiguousarray(cmap(_moon(), bytes=True)[..., :3]), 95)
    values = Decolorizer(cmap, vmin=0, vmax=1).values(picture)
    assert np.isnan(values).mean() <= 0.002
