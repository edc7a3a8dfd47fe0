"""A discrete map's field JPEG moved outside the map's box is no figure's margin.

Spectral's 5 colors on scikit-image's moon (256^2, Pillow JPEG q75): its middle color
(255, 255, 191) came out as 196-198 blue, 6 DN past the colors' box in speckle over
the textured field, and was taken for a margin (``_fills``): 2.6 % of the all-data
picture NaN (2.7 % at q50). A spread fill must be a solid area (``_solid_fills``);
the speckle is none. A render's fills in one exact color stay fills however thin
(contour lines: ``test_decolorize_repeated_strokes.py``).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from tests.color._photographs import encoded, moon_256
from truepix import Decolorizer
from truepix.color._decolorize._solid_fills import SOLID_PIXELS, SPREAD, solid_fills, spread


@pytest.mark.parametrize("quality", [75, 50])  # (main ae477181: 2.58 %, 2.67 % NaN)
def test_jpeg_shifted_discrete_field_is_data(quality: int) -> None:
    cmap = plt.get_cmap("Spectral", 5)
    rgb = np.ascontiguousarray(cmap(moon_256(), bytes=True)[..., :3])
    picture = encoded(rgb, "JPEG", quality)
    blue = picture[..., 2].astype(int)
    shifted = (picture[..., 0] >= 253) & (picture[..., 1] >= 253) & (blue > 191 + 4)
    assert shifted.sum() > 0.01 * shifted.size  # (the kind: a field past the box's margin)
    values = Decolorizer(cmap, vmin=0, vmax=1).values(picture)
    assert np.isnan(values).mean() <= 0.002


def test_exact_lines_and_solid_areas_are_fills_speckle_is_not() -> None:
    rng = np.random.default_rng(0)
    picture = np.full((64, 96, 3), 120, dtype=np.uint8)
    picture[:8] = 255 - rng.integers(0, 2, (8, 96, 3))  # a JPEG'd margin: spread, solid
    picture[20::8, 8:] = 40  # lines of one exact color: one pixel wide, no solid area
    speckle = (rng.random((64, 96)) < 0.1) & (np.arange(64)[:, None] >= 10)
    speckle &= picture[..., 0] == 120
    picture[speckle] = np.array([250, 20, 20]) - rng.integers(0, 2, (speckle.sum(), 3))
    fills = np.array(
        [[[254] * 3, [255] * 3], [[40] * 3] * 2, [[249, 19, 19], [250, 20, 20]]], dtype=np.uint8
    )  # fmt: skip
    assert spread(picture[speckle]) >= SPREAD and spread(picture[:8].reshape(-1, 3)) >= SPREAD
    assert speckle.sum() > SOLID_PIXELS and (picture[..., 0] == 40).sum() > SOLID_PIXELS
    kept = solid_fills(picture, fills)
    assert kept.tolist() == fills[:2].tolist()
