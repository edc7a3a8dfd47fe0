"""Textures whose ridges share a level keep their data; strokes drawn over them stay flagged.

skimage's brick is a field whose light mortar runs between the bricks as thin lines at one
level: its jumps (``_jumps``) took it for a stroke's ink, and viridis / jet / magma / turbo /
coolwarm decoded it with 6-13 % holes under JPEG q50-q95, WebP and AVIF. A stroke lies on
one field, whose two sides across it are close; the mortar lies between two bricks, whose
levels differ (``_grains``). Inputs made as users make them: ``cmap(field, bytes=True)``
saved by Pillow, and matplotlib figures saved as JPEG.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest
from skimage import data

from tests.color._photographs import encoded, nearest_bins, stroked_figure
from truepix import decolorize

mpl.use("Agg")

SIZE = 256


def _texture(name: str, size: int = 512) -> np.ndarray:
    field = getattr(data, name)()[:size, :size].astype(np.float64)
    return (field - field.min()) / np.ptp(field)


#: main before ``_grains`` (holes): brick viridis q75 12.7 %, magma q90 13.6 %, jet WebP
#: 8.1 %, turbo q50 and coolwarm q75 6-7 %; grass and gravel none
@pytest.mark.parametrize(
    ("name", "cmap", "fmt", "quality"),
    [("brick", "viridis", "JPEG", 75), ("brick", "magma", "JPEG", 90),
     ("brick", "jet", "WEBP", 80), ("brick", "turbo", "JPEG", 50),
     ("brick", "coolwarm", "JPEG", 75), ("grass", "viridis", "JPEG", 75),
     ("gravel", "jet", "WEBP", 80)],
)  # fmt: skip
def test_texture_keeps_its_data(name, cmap, fmt, quality):
    field = _texture(name)
    picture = encoded(mpl.colormaps[cmap](field, bytes=True)[..., :3], fmt, quality)
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002
    error = np.abs(np.nan_to_num(values, nan=1.0) - field).mean()
    assert error <= 1.1 * np.abs(nearest_bins(picture, cmap) - field).mean()


#: flagged share of the stroke pixels (40 DN or more from the figure without them), the
#: same before and after ``_grains``: red over brick on turbo 82.5 %, RdBu_r 92.5 %,
#: RdYlBu 81.8 %; over the camera on coolwarm 94.8 %, turbo 87.5 %
@pytest.mark.parametrize(
    ("name", "cmap", "low"),
    [("brick", "turbo", 0.75), ("brick", "RdBu_r", 0.85), ("brick", "RdYlBu", 0.75),
     ("camera", "coolwarm", 0.85), ("camera", "turbo", 0.8)],
)  # fmt: skip
def test_red_strokes_over_a_texture_stay_flagged(name, cmap, low):
    field = _texture(name, SIZE)
    drawn = stroked_figure(field, cmap, "red", None).astype(int)
    clean = stroked_figure(field, cmap, None, None).astype(int)
    mask = np.abs(drawn - clean).max(-1) >= 40
    values = decolorize(stroked_figure(field, cmap, "red", 75), cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values[mask]).mean() >= low


@pytest.mark.parametrize("cmap", ["viridis", "turbo", "RdBu_r", "RdYlBu"])
def test_brick_figure_without_strokes_keeps_its_data(cmap):
    """The same figures with no strokes (main before ``_grains``: 5.6-6.4 % holes)."""
    values = decolorize(stroked_figure(_texture("brick", SIZE), cmap, None, 75), cmap=cmap,
                        vmin=0, vmax=1)  # fmt: skip
    assert np.isnan(values).mean() <= 0.002
