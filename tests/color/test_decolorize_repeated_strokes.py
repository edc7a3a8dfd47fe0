"""Strokes drawn in one exact color over a resampled figure are flagged (``_repeats``).

The common heatmap figure (truepix issue 11): ``imshow`` of a 128x128 field in an
axes 1.24x its size (matplotlib's default antialiasing blends neighbours), contour
lines one point wide and two labels in one color, saved as PNG. Gray lies within
the hull of the map colors around it on turbo and magma: the local hull took most
of the strokes' pixels for data. The strokes' fully covered pixels repeat their one
exact color hundreds of times, which the field's off-map blends never do; their
antialiased edges lie between that color and the field beside them.
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest

from tests.color._photographs import blob_field, saved_rgb
from truepix import Decolorizer

matplotlib.use("Agg")

_SIZE = 128
_MOVED = 10  # DN: a stroke pixel is one the strokes moved this far


@functools.cache
def _figure(cmap: str, color: str | None) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    import matplotlib.pyplot as plt

    data = blob_field(_SIZE, 5)
    # axes 0.8 x 2.0 in x 100 dpi = 160 px for 128 pixels: drawn 1.25x
    figure = plt.figure(figsize=(2.0, 2.0), dpi=100)
    axes = figure.add_axes((0.1, 0.1, 0.8, 0.8))
    axes.imshow(data, cmap=cmap, vmin=0.0, vmax=1.0)
    if color is not None:
        axes.contour(data, levels=5, colors=color, linewidths=1.0)
        axes.text(10, 30, "Label 42", color=color, fontsize=12)
        axes.text(15, 110, "T = 3.1 km", color=color, fontsize=9)
    axes.set_xlim(-0.5, _SIZE - 0.5)
    axes.set_ylim(_SIZE - 0.5, -0.5)
    box = axes.get_window_extent()
    picture = saved_rgb(figure)
    height = picture.shape[0]
    inner = (
        int(np.ceil(box.x0)) + 1, int(np.ceil(height - box.y1)) + 1,
        int(box.x1) - 1, int(height - box.y0) - 1,
    )  # fmt: skip
    return picture, inner


#: flagged share of the stroke pixels: before (main, 4847b70) -> with ``_repeats``
@pytest.mark.parametrize(
    ("cmap", "color", "flagged"),
    [
        ("magma", "0.5", 0.85),  # 0.510 -> 0.912
        ("turbo", "0.5", 0.75),  # 0.201 -> 0.838
        ("turbo", "black", 0.82),  # 0.765 -> 0.878
    ],
)
def test_strokes_in_one_color_are_flagged(cmap: str, color: str, flagged: float) -> None:
    plain, (x0, y0, x1, y1) = _figure(cmap, None)
    drawn, _ = _figure(cmap, color)
    moved = np.abs(drawn.astype(int) - plain.astype(int)).max(axis=-1)
    inside = np.zeros(moved.shape, dtype=bool)
    inside[y0:y1, x0:x1] = True  # within the axes, off its frame
    strokes, untouched = (moved >= _MOVED) & inside, (moved == 0) & inside
    assert strokes.sum() > 2000
    reference = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(plain)
    result = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(drawn)
    holes = np.isnan(result.values)
    assert holes[strokes].mean() >= flagged
    assert holes[untouched].mean() <= 0.002  # the data the strokes left alone
    assert np.isnan(reference.values)[inside].mean() <= 0.002  # the stroke-free figure
