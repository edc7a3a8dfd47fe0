"""Antialiased edges of strokes that land on the map, on sharp renders (``_tables``).

Black text over jet's blues is ``(0, 0, b)`` at its edges: a color of jet's own
polyline, between two table entries. Decoded, it reads as a low value where the
field under it may be high. On a sharp render (``imshow`` of a field, saved as PNG)
such an edge is no table entry, and it touches the stroke's off-map core.
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest

from tests.color._photographs import saved_rgb
from truepix.color._decolorize._api import decolorize
from truepix.color._decolorize._tables import flag_edges, table_keys

matplotlib.use("Agg")


def _figure(name: str, annotated: bool) -> np.ndarray:
    """scikit-image's camera (200^2) drawn by ``imshow`` into a 400^2 px figure
    (nearest), with black text and a black line when ``annotated``: the PNG's RGB."""
    import matplotlib.pyplot as plt
    from skimage import data

    field = data.camera()[::2, ::2][:200, :200] / 255.0
    figure = plt.figure(figsize=(4, 4), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.imshow(field, cmap=name, vmin=0, vmax=1, interpolation="nearest")
    if annotated:
        axes.text(12, 80, "Elevation (m) 1234", color="black", fontsize=12)
        axes.text(20, 150, "T = 25.0 K", color="black", fontsize=9)
        axes.plot([8, 190], [170, 185], color="black", lw=1)
        axes.plot([30, 170], [20, 60], color="black", lw=1.5)
    axes.set_xlim(-0.5, 199.5)
    axes.set_ylim(199.5, -0.5)
    return saved_rgb(figure, dpi=100)


@functools.cache
def _pictures(name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(annotated picture, its annotation pixels, its clean pixels)."""
    clean, picture = _figure(name, False), _figure(name, True)
    change = np.abs(picture.astype(int) - clean).max(axis=-1)
    return picture, change >= 10, change == 0


# Share of the pixels the strokes change by 10 DN or more that come back NaN,
# measured with this very test, before -> after edges that are no table entry were
# flagged and a stroke's foreign edges were joined through its off-table core
# (magma and inferno's black text is 3-4 DN from their first color: its foreign
# edges were specks, the figure taken for a resampled one, the text for data):
# jet 0.903 -> 0.982, magma 0.0 -> 0.977, inferno 0.0 -> 0.980, hot 0.700 -> 0.880,
# seismic 0.728 -> 0.889; viridis 1.0 before and after. What stays is edges that
# happen to be table entries.
EDGE_BOUNDS = {
    "jet": 0.97, "magma": 0.96, "inferno": 0.96, "hot": 0.86, "seismic": 0.87, "viridis": 0.995,
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EDGE_BOUNDS))
def test_stroke_edges_on_the_map_are_flagged(name: str) -> None:
    picture, annotation, clean = _pictures(name)
    lost = np.isnan(decolorize(picture, cmap=name, vmin=0, vmax=1))
    assert lost[annotation].mean() >= EDGE_BOUNDS[name]
    assert not lost[clean].any()  # the field's own pixels, however close to a stroke


@pytest.mark.parametrize("name", ["jet", "seismic"])
def test_clean_figure_has_no_holes(name: str) -> None:
    assert not np.isnan(decolorize(_figure(name, False), cmap=name, vmin=0, vmax=1)).any()


def test_flag_edges_takes_no_table_pixels_touching_off_map_ones() -> None:
    table = matplotlib.colormaps["jet"](np.arange(256), bytes=True)[:, :3]
    keys = table_keys(table, table)[0]
    pixels = np.tile(table[40], (6, 8, 1))  # a field of one entry: (0, 28, 255)
    pixels[:, 3] = (0, 0, 0)  # a black line, column 3, off the map
    pixels[:, 2] = (0, 20, 180)  # its edge: no table entry
    pixels[:, 1] = (0, 18, 160)  # the edge's edge
    pixels[0, 4] = table[60]  # a table color beside the line stays
    values = np.where(np.all(pixels == 0, axis=-1), np.nan, 0.5)
    flag_edges(values, pixels, keys)
    expected = np.zeros((6, 8), bool)
    expected[:, 1:4] = True
    np.testing.assert_array_equal(np.isnan(values), expected)
