"""read_figure's geometry on figures that fooled it: glyphs, screenshots, interpolated imshow, alpha bars."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pytest

import truepix as tp
from tests.figures.conftest import iou, save, smooth_field
from truepix.synthetic import fractal_field


def _overlaps(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def test_tick_labels_and_titles_are_not_colorbars():
    # the demo's figure: tick labels beside the plot and the bar ("1500", "250") were
    # read as short gray horizontal bars, and the panel took the nearest of them
    field = 1500 + 3000 * fractal_field((192, 256), seed=11)
    fig, ax = plt.subplots(figsize=(5.2, 3.6), dpi=100)
    image = ax.imshow(field, cmap="turbo", vmin=1500, vmax=4500, interpolation="nearest")
    ax.set_title("someone's heatmap")
    bar = fig.colorbar(image, ax=ax, label="depth [m]")
    made = save(fig, [ax], [bar])
    reading = tp.read_figure(made.png)
    assert len(reading.panels) == 1
    panel = reading.panels[0]
    assert all(_overlaps(b.bbox, made.bars[0][0]) for b in reading.colorbars), reading.colorbars
    assert iou(panel.colorbar.bbox, made.bars[0][0]) > 0.8
    assert panel.cmap == "turbo"
    assert abs(panel.vmin - 1500) <= 15 and abs(panel.vmax - 4500) <= 15


@pytest.mark.parametrize("dpi", [72, 150])
def test_serif_title_without_a_bar_reports_no_bar(dpi):
    matplotlib.rcParams.update({"font.family": "DejaVu Serif"})
    try:
        fig, ax = plt.subplots(figsize=(5, 4), dpi=dpi)
        ax.imshow(smooth_field(30, 40, 2), cmap="viridis")
        ax.set_title("Illumination, lateral field (serif)", fontsize=18)
        ax.set_xlabel("distance III [mm]", fontsize=14)
        made = save(fig, [ax], [])
    finally:
        matplotlib.rcParams.update({"font.family": matplotlib.rcParamsDefault["font.family"]})
    reading = tp.read_figure(made.png)
    assert reading.colorbars == []
    assert [p.colorbar for p in reading.panels] == [None]
