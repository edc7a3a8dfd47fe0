"""Strokes over a resampled picture do not set its automatic threshold.

A matplotlib figure as a new user makes it (truepix issue 11): ``imshow`` of a
128x128 field in an axes 160 px wide (drawn 1.25x; matplotlib's default
antialiasing blends neighbours), one-pixel gray contour lines and a gray label,
saved as PNG. The strokes' antialiased edges lie within MAX_THRESHOLD of magma and
filled the 99th percentile of the residuals: the threshold went from the stroke-free
figure's 13 DN to 40, and the edges nearest the map became data.
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np

from tests.color._photographs import blob_field, saved_rgb
from truepix import Decolorizer

matplotlib.use("Agg")

_SIZE = 128
_MOVED = 10  # DN: a stroke pixel is one the strokes moved this far


@functools.cache
def _figure(strokes: bool) -> np.ndarray:
    import matplotlib.pyplot as plt

    data = blob_field(_SIZE, 3)
    figure = plt.figure(figsize=(2.0, 2.0), dpi=100)
    axes = figure.add_axes((0.1, 0.1, 0.8, 0.8))
    axes.imshow(data, cmap="magma", vmin=0.0, vmax=1.0)
    if strokes:
        axes.contour(data, levels=[0.3, 0.5, 0.7], colors="0.5", linewidths=1.0)
        axes.text(10, 20, "T = 25 K", color="0.5", fontsize=9)
    axes.set_xlim(-0.5, _SIZE - 0.5)
    axes.set_ylim(_SIZE - 0.5, -0.5)
    return saved_rgb(figure)


def test_strokes_do_not_raise_the_threshold() -> None:
    plain, drawn = _figure(False), _figure(True)
    moved = np.abs(drawn.astype(int) - plain.astype(int)).max(axis=-1)
    inside = np.zeros(moved.shape, dtype=bool)
    inside[22:178, 22:178] = True  # within the axes, off its frame
    strokes, untouched = (moved >= _MOVED) & inside, (moved == 0) & inside
    assert strokes.sum() > 5000
    reference = Decolorizer("magma", vmin=0.0, vmax=1.0).decode(plain)
    result = Decolorizer("magma", vmin=0.0, vmax=1.0).decode(drawn)
    # 13.4 -> 40 DN before; 11.9 and 12.8 now
    assert reference.noise > 0.0
    assert abs(result.threshold - reference.threshold) <= 3.0
    holes = np.isnan(result.values)
    assert holes[strokes].mean() >= 0.5  # 45.0 % before, 52.3 % now
    assert holes[untouched].mean() <= 0.002
    assert np.isnan(reference.values)[inside].mean() <= 0.002
