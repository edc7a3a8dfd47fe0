"""White and black text over maps that end near white or black, saved as JPEG.

A new user's figure (issue 11, Deliver 1; trial 43's repro_white_text_magma.py): rows of
white text over a magma ``imshow``, ``savefig`` PNG then Pillow JPEG q90 / q75. The ink
is the map's own light end: JPEG's 4:2:0 model explains the text as data near it (0 %
flagged before ``_end_inks``, 90 % of the text decoded 40-90 % of the range off). The
oracle for the text's pixels: the same figure drawn without it; its strong pixels are
those more than 60 DN from that.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest
from scipy.ndimage import binary_dilation

from tests.color._photographs import photo_jpeg, pillow_jpeg, saved_rgb
from truepix.color._decolorize._api import decolorize

mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SIZE = 320


def _figure(cmap: str, color: str | None) -> np.ndarray:
    """A smooth field drawn with ``cmap``, six rows of text in ``color`` unless None (PNG)."""
    y, x = np.mgrid[0:SIZE, 0:SIZE] / SIZE
    field = 0.5 + 0.5 * np.sin(6 * x) * np.cos(4 * y)
    fig = plt.figure(figsize=(SIZE / 100, SIZE / 100), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.imshow(field, cmap=cmap, vmin=0, vmax=1, interpolation="nearest")
    if color is not None:
        for row, top in enumerate(range(30, SIZE, 45)):
            ax.text(10 + (row * 37) % 120, top, "T = 12.5 K  p<0.01", color=color, fontsize=11)
    return saved_rgb(fig, dpi=100)


@pytest.mark.parametrize(
    ("cmap", "color"), [("magma", "white"), ("inferno", "white"), ("magma", "black")]
)
@pytest.mark.parametrize("quality", [90, 75])
def test_end_ink_text_flagged(cmap: str, color: str, quality: int) -> None:
    """The text's strong pixels come back NaN (measured: 94.2-97.2 %); the field 3-4 px
    beside the text keeps its values (measured: 0.00-0.12 % lost)."""
    clean = _figure(cmap, None).astype(int)
    drawn = _figure(cmap, color)
    differs = np.abs(drawn.astype(int) - clean).max(axis=-1)
    strong = differs > 60
    inked = binary_dilation(differs > 4, iterations=2)
    beside = binary_dilation(inked, iterations=2) & ~inked
    values = decolorize(pillow_jpeg(drawn, quality), cmap=cmap, vmin=0.0, vmax=1.0)
    assert np.isnan(values[strong]).mean() >= 0.9
    assert np.isnan(values[beside]).mean() <= 0.01


@pytest.mark.parametrize("cmap", ["magma", "inferno", "hot"])
@pytest.mark.parametrize("name", ["camera", "astronaut", "moon"])
def test_end_ink_photographs_whole(cmap: str, name: str) -> None:
    """JPEG'd photographs in maps that end near white and black: their thin light and
    dark lines carry the map's chroma, not a gray's; no pixel comes back NaN."""
    values = decolorize(photo_jpeg(name, cmap, quality=75), cmap=cmap, vmin=0.0, vmax=1.0)
    assert not np.isnan(values).any()
