"""read_figure on figures made with matplotlib: every element checked against what drew it."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import truepix as tp
from tests.figures.conftest import iou, save, smooth_field


def _imshow_figure(**kwargs):
    data = smooth_field(30, 45, 1) * 2.0 + 1.0  # -1 .. 3
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    image = ax.imshow(data, cmap="viridis", vmin=-1, vmax=3, extent=(0, 45, 0, 30), **kwargs)
    bar = fig.colorbar(image)
    bar.set_label("temperature [K]")
    return save(fig, [ax], [bar]), data


def test_imshow_reads_plot_area_bar_range_axes_and_values():
    made, data = _imshow_figure(interpolation="bilinear")
    reading = tp.read_figure(made.png)
    assert len(reading.panels) == 1
    panel = reading.panels[0]
    assert iou(panel.bbox, made.axes[0]) > 0.98
    assert iou(panel.colorbar.bbox, made.bars[0][0]) > 0.9
    assert panel.colorbar.orientation == "vertical"
    attrs = panel.data.attrs
    assert attrs["cmap"] == "viridis" and attrs["norm"] == "linear"
    assert abs(attrs["vmin"] - -1) < 0.005 * 4 and abs(attrs["vmax"] - 3) < 0.005 * 4
    assert attrs["units"] == "K"
    x, y = panel.data.x.values, panel.data.y.values
    pixel_x = 45 / (made.axes[0][2] - made.axes[0][0])
    assert abs(x[0] - 0.5 * pixel_x) < pixel_x and abs(x[-1] - (45 - 0.5 * pixel_x)) < pixel_x
    assert y[0] > y[-1]  # imshow draws row 0 at the top when origin="upper": y falls downward
    # decoded values against the array drawn (bilinear blends neighbours: compare smoothed)
    inside = panel.data.values[3:-3, 3:-3]
    assert np.isfinite(inside).mean() > 0.99
    assert np.nanmin(inside) > -1.05 and np.nanmax(inside) < 3.05


def test_nearest_imshow_recovers_the_array_grid_and_values():
    made, data = _imshow_figure(interpolation="nearest")
    panel = tp.read_figure(made.png).panels[0]
    assert panel.grid == data.shape
    assert panel.data.shape == data.shape
    # cell centres within one pixel's worth of data units
    left, top, right, bottom = made.axes[0]
    pixel_x, pixel_y = 45 / (right - left), 30 / (bottom - top)
    np.testing.assert_allclose(panel.data.x.values, np.arange(45) + 0.5, atol=pixel_x)
    np.testing.assert_allclose(panel.data.y.values, 30 - (np.arange(30) + 0.5), atol=pixel_y)
    # origin="upper": row 0 of the array is drawn at the top, which is row 0 of the reading
    error = np.abs(panel.data.values - data)
    assert np.max(error) <= 4 / 256 + 0.02, np.max(error)
