"""JPEG'd figures: weak cores that string into a stroke stay annotations (``_jpeg._strung``).

A core far from any clearly foreign one is taken for JPEG's miss on texture
(``_jpeg._alone``), unless the picture holds a stroke strung of cores. These are
matplotlib's own strokes -- ``contour`` lines and ``ax.text`` on an axes-filling
``imshow``, saved by ``savefig(format="jpg")`` at quality 75 -- in colors whose cores are
weak: black on jet (antialiased over a varying field: a long structure whose luma
varies) and gray on viridis (short structures of one luma). Without the rule both
come back as data (26.6 % and 0 % of the stroke pixels flagged).
"""

from __future__ import annotations

import functools
import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp

matplotlib.use("Agg")


@functools.cache
def _figure(cmap: str, color: str | None, jpeg: bool) -> np.ndarray:
    y, x = np.mgrid[0:300, 0:400]
    data = 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)
    fig = plt.figure(figsize=(4, 3), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.imshow(data, cmap=cmap, vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if color is not None:
        ax.contour(data, levels=[0.25, 0.5, 0.75], colors=[color], linewidths=1.0)
        ax.text(30, 60, "T = 25.0 K", color=color, fontsize=12)
        ax.text(200, 220, "max 3.2 m/s", color=color, fontsize=10)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="jpg" if jpeg else "png", pil_kwargs={"quality": 75} if jpeg else {})
    plt.close(fig)
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize(
    ("cmap", "color", "flagged"),
    [("jet", "black", 0.75), ("viridis", "#808080", 0.60)],  # measured 79.8, 65.3 %
)
def test_matplotlib_strokes_of_weak_cores_stay_flagged(cmap: str, color: str, flagged: float) -> None:
    clean = _figure(cmap, None, jpeg=False).astype(float)
    moved = np.sqrt(((_figure(cmap, color, jpeg=False) - clean) ** 2).sum(axis=-1))
    stroke, untouched = moved > 12, moved == 0
    lost = np.isnan(tp.decolorize(_figure(cmap, color, jpeg=True), cmap=cmap, vmin=0, vmax=1))
    assert lost[stroke].mean() >= flagged
    assert lost[untouched].mean() <= 0.02  # measured 1.76 and 1.45 %


@pytest.mark.parametrize("cmap", ["jet", "viridis"])
def test_the_same_figure_without_strokes_has_no_holes(cmap: str) -> None:
    values = tp.decolorize(_figure(cmap, None, jpeg=True), cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002
