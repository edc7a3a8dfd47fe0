"""read_figure on figures made with matplotlib: every element checked against what drew it."""

from __future__ import annotations

import io
import json

import matplotlib
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
    # one column per pixel of the plot area, those under the frame's lines too (NaN):
    # the first and last centres lie half a pixel inside its edges (x = 0 and 45; here the
    # edges fall on pixel centres, and the frame's lines say which of those is inside)
    left, right = made.axes[0][0], made.axes[0][2]
    pixel_x = 45 / (right - left)
    assert abs(x[0] - pixel_x / 2) <= pixel_x and abs(x[-1] - (45 - pixel_x / 2)) <= pixel_x
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


def _span_close(found, true, span, share=0.005):
    return found is not None and abs(found - true) <= share * span


def test_pcolormesh_cells_horizontal_bar_and_y_up():
    rng = np.random.default_rng(3)
    cells = rng.uniform(-50, 50, (12, 16))
    fig, ax = plt.subplots(figsize=(6, 5), dpi=90)
    mesh = ax.pcolormesh(np.arange(17) * 10.0, np.arange(13) * 2.0, cells, cmap="RdBu_r", vmin=-50, vmax=50)
    bar = fig.colorbar(mesh, orientation="horizontal")
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.colorbar.orientation == "horizontal"
    assert iou(panel.colorbar.bbox, made.bars[0][0]) > 0.8
    assert _span_close(panel.vmin, -50, 100) and _span_close(panel.vmax, 50, 100)
    assert panel.grid == cells.shape
    # pcolormesh puts row 0 at the bottom: y rises upward, the reading's rows run top-down
    assert panel.data.y.values[0] > panel.data.y.values[-1]
    np.testing.assert_allclose(panel.data.y.values[::-1], np.arange(12) * 2.0 + 1.0, atol=0.1)
    np.testing.assert_allclose(panel.data.x.values, np.arange(16) * 10.0 + 5.0, atol=0.5)
    error = np.abs(panel.data.values[::-1] - cells)
    assert np.max(error) <= panel.data.attrs["max_error"]


def test_contourf_stepped_bar_returns_steps_and_boundaries():
    yy, xx = np.mgrid[0:40, 0:50]
    field = np.sin(xx / 8.0) * np.cos(yy / 7.0)
    levels = np.linspace(-1, 1, 9)
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    filled = ax.contourf(xx, yy, field, levels=levels, cmap="viridis")
    bar = fig.colorbar(filled)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    found = panel.colorbar
    assert found is not None and found.boundaries is not None
    assert len(found.colors) == len(levels) - 1
    # the steps' colors are those contourf drew: viridis at the levels' middles, as Agg rounds them
    expected = plt.get_cmap("viridis")(filled.norm((levels[:-1] + levels[1:]) / 2))[:, :3]
    assert np.abs(found.colors / 255.0 - expected).max() <= 2 / 255
    np.testing.assert_allclose(found.boundaries, np.linspace(0, 1, 9), atol=0.01)
    assert _span_close(panel.vmin, -1, 2) and _span_close(panel.vmax, 1, 2)
    # each decoded pixel is the middle of its level's interval
    values = panel.data.values[5:-5, 5:-5]
    middles = (levels[:-1] + levels[1:]) / 2
    finite = values[np.isfinite(values)]
    assert np.isfinite(values).mean() > 0.95
    assert np.abs(finite[:, None] - middles[None]).min(axis=1).max() < 0.01


@pytest.mark.parametrize("extend", ["both", "max"])
def test_bar_with_extend_triangles_and_contour_lines_across(extend):
    yy, xx = np.mgrid[0:40, 0:50]
    field = 3 * np.sin(xx / 9.0 + 0.4) * np.cos(yy / 8.0 + 0.2)
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    image = ax.imshow(field, cmap="plasma", vmin=-2, vmax=2)
    lines = ax.contour(field, levels=[-1, 0, 1], colors="k")
    bar = fig.colorbar(image, extend=extend)
    bar.add_lines(lines)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.colorbar is not None and panel.colorbar.orientation == "vertical"
    assert panel.cmap == "plasma"
    assert _span_close(panel.vmin, -2, 4) and _span_close(panel.vmax, 2, 4)


def test_log_norm_labels_read_as_powers_of_ten():
    yy, xx = np.mgrid[0:30, 0:40]
    field = 10.0 ** (-1 + 4 * (xx + yy) / 68.0)
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    image = ax.imshow(field, cmap="magma", norm=matplotlib.colors.LogNorm(0.1, 1000))
    bar = fig.colorbar(image)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.norm == "log" and panel.data.attrs["norm"] == "log"
    assert abs(np.log10(panel.vmin) - -1) < 0.005 * 4 and abs(np.log10(panel.vmax) - 3) < 0.005 * 4
    inside = panel.data.values[4:-4, 4:-4]
    assert np.nanmin(inside) >= 0.09 and np.nanmax(inside) <= 1100


def test_offset_text_scales_the_labels():
    yy, xx = np.mgrid[0:30, 0:40]
    field = 1e-6 + 2e-6 * xx / 39.0
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    image = ax.imshow(field, cmap="viridis", vmin=1e-6, vmax=3e-6)
    bar = fig.colorbar(image)  # labels 1.00 .. 3.00, and "1e-6" above the bar
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.colorbar_axis.offset == ("scale", 1e-6)
    assert _span_close(panel.vmin, 1e-6, 2e-6) and _span_close(panel.vmax, 3e-6, 2e-6)


def test_a_misread_label_is_outvoted():
    yy, xx = np.mgrid[0:30, 0:40]
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    image = ax.imshow(xx * 1.0, cmap="viridis", vmin=0, vmax=40)
    bar = fig.colorbar(image, ticks=[0, 10, 20, 30, 40])
    # the label of 30 says 80: a wrong label must not move the range
    bar.ax.set_yticklabels(["0", "10", "20", "80", "40"])
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    ticks = panel.colorbar_axis.ticks
    assert [t.value for t in ticks if not t.inlier] == [80.0]
    assert _span_close(panel.vmin, 0, 40) and _span_close(panel.vmax, 40, 40)


def test_two_panels_with_two_bars():
    yy, xx = np.mgrid[0:20, 0:30]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.5), dpi=100)
    a = left.imshow(xx * 1.0, cmap="viridis", vmin=0, vmax=30)
    b = right.imshow(yy * 5.0, cmap="inferno", vmin=0, vmax=100)
    bars = [fig.colorbar(a, ax=left), fig.colorbar(b, ax=right)]
    made = save(fig, [left, right], bars)
    reading = tp.read_figure(made.png)
    assert len(reading.panels) == 2
    first, second = reading.panels
    assert first.bbox[0] < second.bbox[0]  # left to right
    assert iou(first.colorbar.bbox, made.bars[0][0]) > 0.8
    assert iou(second.colorbar.bbox, made.bars[1][0]) > 0.8
    assert (first.cmap, second.cmap) == ("viridis", "inferno")
    assert _span_close(first.vmax, 30, 30) and _span_close(second.vmax, 100, 100)


def test_figure_without_a_bar_reports_none():
    yy, xx = np.mgrid[0:20, 0:30]
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    ax.imshow(np.sin(xx / 5.0) * yy, cmap="viridis")
    made = save(fig, [ax], [])
    reading = tp.read_figure(made.png)
    assert reading.colorbars == []
    assert len(reading.panels) == 1 and reading.panels[0].colorbar is None
    attrs = reading.panels[0].data.attrs
    # without a bar the values are positions along the identified colormap
    assert attrs["cmap"] == "viridis" and attrs["vmin"] is None
    assert attrs["units"] == "fraction of the colormap"


def test_jpeg_figure_and_path_input(tmp_path):
    from PIL import Image

    made, _ = _imshow_figure(interpolation="bilinear")
    path = tmp_path / "figure.jpg"
    Image.open(io.BytesIO(made.png)).convert("RGB").save(path, quality=75)
    panel = tp.read_figure(path).panels[0]
    assert panel.colorbar is not None and not panel.colorbar.exact
    assert panel.cmap == "viridis"
    assert _span_close(panel.vmin, -1, 4) and _span_close(panel.vmax, 3, 4)


def test_calibration_overrides_one_thing_and_keeps_the_rest():
    made, data = _imshow_figure(interpolation="nearest")
    found = tp.read_figure(made.png)
    calibration = found.calibration
    calibration["panels"][0]["colorbar"]["vmin"] = -2.0
    calibration["panels"][0]["colorbar"]["vmax"] = 6.0
    again = tp.read_figure(made.png, calibration=json.dumps(calibration))
    panel = again.panels[0]
    assert (panel.vmin, panel.vmax) == (-2.0, 6.0)
    assert panel.grid == found.panels[0].grid
    np.testing.assert_allclose(panel.data.x.values, found.panels[0].data.x.values, atol=1e-3)
    # values follow the new range: a linear map of the old ones
    before = found.panels[0]
    fraction = (before.data.values - before.vmin) / (before.vmax - before.vmin)
    np.testing.assert_allclose(panel.data.values, -2 + fraction * 8, atol=1e-9)


def test_bad_input_gets_clear_errors():
    with pytest.raises(tp.errors.UnknownFormatError, match="expected a PNG, JPEG, WebP or TIFF"):
        tp.read_figure(b"not a picture")
    with pytest.raises(tp.errors.InputError, match="calibration"):
        tp.read_figure(np.full((50, 50, 3), 255, np.uint8), calibration="{not json")
    with pytest.raises(tp.errors.InputError, match="version"):
        tp.read_figure(np.full((50, 50, 3), 255, np.uint8), calibration={"truepix_calibration": 9})
    assert tp.read_figure(np.full((50, 50, 3), 255, np.uint8)).panels == []


def test_missing_ocr_engine_names_the_install_command(monkeypatch):
    import importlib.util

    from truepix.figures import _ocr

    real = importlib.util.find_spec
    monkeypatch.setattr(_ocr, "_STATE", {})
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "rapidocr" else real(name, *a))
    with pytest.raises(tp.errors.MissingDependencyError, match=r'pip install "truepix\[figures\]"'):
        _ocr.recognize(np.full((10, 20), 255, np.uint8))
