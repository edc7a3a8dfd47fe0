"""read_figure on cells under a style's grid lines (ggplot, seaborn-v0_8, bmh).

The styles draw grid lines at the ticks, over the image: here over every
other cell edge of an 18 x 24 imshow. A strip between a grid line and the
plot's edge is no colorbar; the lines' lattice (every other edge) and the
edges between them, half a spacing over, are one grid of 18 rows.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import truepix as tp
from tests.figures.conftest import save


@pytest.fixture(scope="module", params=["ggplot", "seaborn-v0_8", "bmh"])
def styled(request):
    field = np.add.outer(np.linspace(0, 1, 18), np.linspace(0, 1, 24)) * 3 - 1
    with plt.style.context(request.param):
        fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
        image = ax.imshow(field, cmap="viridis", vmin=-1, vmax=5, extent=(0, 24, 0, 18))
        bar = fig.colorbar(image, label="value")
        made = save(fig, [ax], [bar])
    return field, tp.read_figure(made.png)


def test_grid_and_range_under_grid_lines(styled):
    field, reading = styled
    assert len(reading.panels) == 1
    panel = reading.panels[0]
    assert panel.cmap == "viridis"
    assert abs(panel.vmin + 1.0) <= 0.03 and abs(panel.vmax - 5.0) <= 0.03
    assert panel.grid == (18, 24)
    # imshow's first row is drawn at the top, as the reading's first row
    assert np.nanmax(np.abs(panel.data.values - field)) <= 0.1
    y = panel.data.y.values
    assert abs(y[0] - 17.5) <= 0.1 and abs(y[-1] - 0.5) <= 0.1
