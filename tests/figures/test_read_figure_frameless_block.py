"""read_figure on a heatmap with no colorbar and no frame (seaborn ``heatmap(cbar=False)``).

Dark cells of such a heatmap make rectangles of ink that look like frames;
with no bar to say which colors are data, the solid block the heatmap paints
is the one plot area, not a panel per dark cell.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import truepix as tp
from tests.figures.conftest import iou, save


@pytest.fixture(scope="module")
def heatmap_without_bar(seaborn):
    sns = seaborn
    cells = np.random.default_rng(0).random((8, 8))
    fig, ax = plt.subplots(figsize=(5, 5), dpi=100)
    sns.heatmap(cells, cmap="rocket", cbar=False, ax=ax)
    made = save(fig, [ax], [])
    return made, tp.read_figure(made.png)


def test_one_plot_area_the_block(heatmap_without_bar):
    made, reading = heatmap_without_bar
    assert len(reading.panels) == 1
    panel = reading.panels[0]
    assert iou(panel.bbox, made.axes[0]) >= 0.95
    assert panel.grid == (8, 8)
    assert panel.confidence == 0.0  # no bar: values are positions along the map
