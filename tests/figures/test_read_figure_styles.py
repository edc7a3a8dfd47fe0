"""read_figure on figures drawn with matplotlib's style sheets (``plt.style.use``).

Each style broke a rule the reader had assumed: white grid lines over the
data cut strips that looked like bars (ggplot, seaborn, bmh, Solarize_Light2),
no dark spines or outlines (the plot area is the colored extent; a bar's
outline in the background's color hides its end rows), light text on a dark
figure (dark_background), tick marks drawn inward (classic). The truth comes from matplotlib: the axes' window
extents, the limits and the norm's vmin/vmax.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import truepix as tp
from tests.figures.conftest import iou, save

# (style, plot kind): each pair failed before (no range read, a strip of the plot
# taken for the bar, the plot area cut at a grid line or swallowing the bar)
CASES = [
    ("ggplot", "imshow"),
    ("ggplot", "pcolormesh"),
    ("seaborn-v0_8", "imshow"),
    ("seaborn-v0_8-whitegrid", "imshow"),
    ("dark_background", "imshow"),
    ("dark_background", "pcolormesh"),
    ("bmh", "pcolormesh"),
    ("Solarize_Light2", "imshow"),
    # tick marks drawn inward, labels centred with their descent (va="center"): read from
    # the labels' centres the y axis stood ~2 px high; the inward marks locate it. The
    # first mark lies 3 px from the top spine, which runs the whole depth inside the frame
    ("classic", "imshow"),
]
# no tick marks; a thick outline in the figure's gray hides the bar's ends. Its y axis,
# read from label centres alone, is still ~3 px off at the ends: corners not checked
RANGE_ONLY = [("fivethirtyeight", "pcolormesh")]


def _styled(style: str, kind: str):
    y, x = np.mgrid[0:1:60j, 0:1:80j]
    field = np.sin(3 * x) * np.cos(2 * y)  # -1 .. 1
    with plt.style.context(style):
        fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
        if kind == "imshow":
            image = ax.imshow(10 * field + 10, cmap="viridis", vmin=0, vmax=20)
        else:
            image = ax.pcolormesh(
                np.linspace(0, 8, 81), np.linspace(0, 6, 61), 10 * field, cmap="magma", vmin=-10, vmax=10
            )
        bar = fig.colorbar(image, ax=ax)
        made = save(fig, [ax], [bar])
    return made, (image.norm.vmin, image.norm.vmax)


@pytest.mark.parametrize(("style", "kind"), CASES + RANGE_ONLY)
def test_styled_figure_is_read(style, kind):
    made, (vmin, vmax) = _styled(style, kind)
    reading = tp.read_figure(made.png)
    assert len(reading.panels) == 1, [p.bbox for p in reading.panels]
    panel = reading.panels[0]
    assert iou(panel.bbox, made.axes[0]) > 0.95, (panel.bbox, made.axes[0])
    assert panel.colorbar is not None, reading.colorbars
    assert panel.colorbar.orientation == made.bars[0][1]
    assert iou(panel.colorbar.bbox, made.bars[0][0]) > 0.8, (panel.colorbar.bbox, made.bars[0][0])
    span = vmax - vmin
    assert panel.vmin is not None and panel.vmax is not None, panel.data.attrs["doubts"]
    assert abs(panel.vmin - vmin) <= 0.005 * span and abs(panel.vmax - vmax) <= 0.005 * span, (panel.vmin, panel.vmax)
    if (style, kind) in RANGE_ONLY:
        return
    # the values at the plot area's edges, from the axes' tick labels, within a pixel's worth
    left, top, right, bottom = made.axes[0]
    x0, x1, y0, y1 = made.limits[0]
    for axis, ends, values in ((panel.x, (left, right), (x0, x1)), (panel.y, (bottom, top), (y0, y1))):
        assert axis.scale is not None, [t.text for t in axis.ticks]
        worth = abs(values[1] - values[0]) / abs(ends[1] - ends[0])
        found = axis.scale.value(np.array(ends))
        np.testing.assert_allclose(found, values, atol=worth)
