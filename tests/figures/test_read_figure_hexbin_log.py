"""read_figure on a log-count hexbin: hexagons are no rectangular lattice.

``hexbin(bins="log")`` spreads the counts' colors so that neighbouring
hexagons rarely share one: no brick wall of paired half-hexagons shows, yet
the hexagons' sides stand on a lattice. Their slanted sides, staggered from
row to row, cross that lattice's bands, so its edges do not line up: no grid
is reported, and the coordinates stay those of the pixels.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import truepix as tp
from tests.figures.conftest import pixels_inside, save


@pytest.fixture(scope="module")
def log_hexbin():
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=20000), rng.normal(size=20000)
    fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
    cells = ax.hexbin(x, y, gridsize=30, bins="log", cmap="inferno")
    bar = fig.colorbar(cells)
    made = save(fig, [ax], [bar])
    return made, tp.read_figure(made.png).panels[0]


def test_no_grid_on_hexagons(log_hexbin):
    _, panel = log_hexbin
    assert panel.grid is None
    assert panel.data.shape == pixels_inside(panel.bbox)


def test_pixel_coordinates_at_the_corners(log_hexbin):
    made, panel = log_hexbin
    left, top, right, bottom = made.axes[0]
    x0, x1, y0, y1 = made.limits[0]
    columns = panel.data.x.values
    first = np.floor(panel.bbox[0] - 0.5) + 1.5  # the centre of the first pixel inside the box
    expected = x0 + (first - left) / (right - left) * (x1 - x0)
    per_pixel = (x1 - x0) / (right - left)
    assert abs(columns[0] - expected) <= per_pixel
    assert abs(columns[-1] - (expected + (len(columns) - 1) * per_pixel)) <= 1.5 * per_pixel
