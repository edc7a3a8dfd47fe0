"""Tick labels, scales and calibration, on figures made with matplotlib's savefig (default settings).

Each test reproduces a kind of failure a new user met: labels taken from the
wrong axis, a neighbour's label taken for an offset text, scales other than
linear (log hexbin, TwoSlopeNorm, SymLogNorm), a confidence that did not
flag a poor fit, and calibration JSON that did not read back the same.
"""

from __future__ import annotations

import functools
import io

import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pytest
from matplotlib import colors as mcolors

import truepix as tp
import truepix.figures as tf
from tests.figures.conftest import iou, save, smooth_field


def _close(found, true, span, share=0.005):
    return found is not None and abs(found - true) <= share * span


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def test_horizontal_bar_below_keeps_its_own_labels_not_the_x_axis():
    # x labels 0..60 (7) above the bar outnumber the bar's own 0.0..1.0 (6) below it
    field = smooth_field(30, 40, 2) * 0.5 + 0.5
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    image = ax.imshow(field, cmap="viridis", vmin=0, vmax=1, extent=(0, 65, 0, 30), aspect="auto")
    bar = fig.colorbar(image, location="bottom")
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.colorbar.orientation == "horizontal" and iou(panel.colorbar.bbox, made.bars[0][0]) > 0.8
    assert _close(panel.vmin, 0, 1) and _close(panel.vmax, 1, 1)
    # every label the bar read lies below it; the x axis kept its own
    assert all(t.box[1] >= panel.colorbar.bbox[3] for t in panel.colorbar_axis.ticks)
    assert [t.value for t in panel.colorbar_axis.ticks] == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    x0, x1 = panel.x.scale.value(np.array([panel.bbox[0], panel.bbox[2]]))
    assert abs(x0 - 0) < 0.5 and abs(x1 - 65) < 0.5


def test_horizontal_contourf_bar_below_with_even_levels():
    yy, xx = np.mgrid[0:40, 0:50]
    field = np.sin(xx / 8.0) * np.cos(yy / 7.0)
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    filled = ax.contourf(xx, yy, field, levels=np.linspace(-1, 1, 11), cmap="RdBu_r")
    bar = fig.colorbar(filled, orientation="horizontal")
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.colorbar.boundaries is not None
    assert _close(panel.vmin, -1, 2) and _close(panel.vmax, 1, 2)


def test_contourf_bar_labels_stand_on_its_tick_marks():
    # the bar's colors end a pixel before its outline: the tick marks are past both
    yy, xx = np.mgrid[0:40, 0:50]
    field = np.sin(xx / 8.0) * np.cos(yy / 7.0) * 50 + 50
    fig, ax = plt.subplots()
    filled = ax.contourf(xx, yy, field, levels=np.linspace(0, 100, 11), cmap="viridis")
    bar = fig.colorbar(filled)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    ticks = panel.colorbar_axis.ticks
    drawn = bar.ax.get_yticks()
    assert len(ticks) == len(drawn) and all(t.snapped and t.inlier for t in ticks)
    assert _close(panel.vmin, 0, 100) and _close(panel.vmax, 100, 100)
    assert panel.confidence == 1.0


def test_log_bar_label_beside_the_x_axis_end_is_not_its_offset_text():
    # imshow keeps the aspect: the bar is taller than the plot, its "10⁻²" sits beside the x axis' end
    yy, xx = np.mgrid[0:30, 0:40]
    field = 10.0 ** (-2 + 4 * (xx + yy) / 68.0)
    fig, ax = plt.subplots()
    image = ax.imshow(field, cmap="magma", norm=mcolors.LogNorm(0.01, 100))
    bar = fig.colorbar(image)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.x.offset is None
    left, _, right, _ = made.axes[0]
    found = panel.x.scale.value(np.array([left, right]))
    worth = 40 / (right - left)
    np.testing.assert_allclose(found, ax.get_xlim(), atol=worth)
    assert panel.norm == "log" and _close(np.log10(panel.vmin), -2, 4) and _close(np.log10(panel.vmax), 2, 4)


@pytest.mark.parametrize("dpi", [72, 100])
def test_log_hexbin_bar_is_read_as_log(dpi):
    points = np.random.default_rng(0).normal(size=(20000, 2))
    fig, ax = plt.subplots(figsize=(5, 4), dpi=dpi)
    cells = ax.hexbin(points[:, 0], points[:, 1], gridsize=20, bins="log", cmap="viridis")
    fig.colorbar(cells)
    vmin, vmax = cells.norm.vmin, cells.norm.vmax
    panel = tp.read_figure(_png(fig)).panels[0]
    assert panel.norm == "log"
    span = np.log10(vmax / vmin)
    assert _close(np.log10(panel.vmin), np.log10(vmin), span) and _close(np.log10(panel.vmax), np.log10(vmax), span)


def _decoded_against(panel, field):
    """Decoded pixels against the imshow'd array (default extent: cell k spans k - 0.5 .. k + 0.5).

    Pixels within a fifth of a cell of a cell's edge are left out (antialiasing), and so are
    the two outermost rows and columns: the frame (NaN) and its antialiased fringe.
    """
    x, y = panel.data.x.values, panel.data.y.values
    column, row = np.rint(x).astype(int), np.rint(y).astype(int)
    away = (np.abs(x - column) < 0.3)[None, :] & (np.abs(y - row) < 0.3)[:, None]
    away[[0, 1, -2, -1], :] = away[:, [0, 1, -2, -1]] = False
    inside = away & ((column >= 0) & (column < field.shape[1]))[None, :] & ((row >= 0) & (row < field.shape[0]))[:, None]
    true = field[np.clip(row, 0, field.shape[0] - 1)[:, None], np.clip(column, 0, field.shape[1] - 1)[None, :]]
    assert inside.mean() > 0.2
    return panel.data.values[inside], true[inside]


def test_twoslope_norm_bar_is_read_piecewise_linear():
    yy, xx = np.mgrid[0:30, 0:40]
    field = (xx - 10.0) + 0.2 * yy  # -10 .. 35.8, centre 0 not at the middle of the range
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    image = ax.imshow(field, cmap="RdBu_r", norm=mcolors.TwoSlopeNorm(0.0, -10.0, 36.0), interpolation="nearest")
    fig.colorbar(image)
    reading = tp.read_figure(_png(fig))
    panel = reading.panels[0]
    assert panel.norm == "twoslope" and panel.data.attrs["norm"] == "twoslope"
    assert _close(panel.vmin, -10, 46) and _close(panel.vmax, 36, 46)
    assert panel.value_scale.values[1] == 0.0  # the centre, at the colormap's middle
    found, true = _decoded_against(panel, field)
    assert np.isfinite(found).all() and np.abs(found - true).max() <= panel.data.attrs["max_error"]
    assert panel.calibration()["colorbar"]["vcenter"] == 0.0
    # the report paints the plot again through the same two slopes: the colors drawn come back
    from truepix.figures._report import rerender

    r0, r1, c0, c1 = panel.interior
    again = rerender(reading)[r0 + 2 : r1 - 2, c0 + 2 : c1 - 2].astype(int)
    drawn = reading.image[r0 + 2 : r1 - 2, c0 + 2 : c1 - 2].astype(int)
    assert np.median(np.abs(again - drawn).max(axis=2)) <= 2


def test_symlog_norm_bar_is_read_linear_near_zero_log_outside():
    yy, xx = np.mgrid[0:30, 0:40]
    field = np.sinh((xx - 20) / 2.9) * 1.0 + 0.0 * yy
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    norm = mcolors.SymLogNorm(linthresh=1.0, vmin=-1000, vmax=1000)
    image = ax.imshow(field, cmap="RdBu_r", norm=norm, interpolation="nearest")
    fig.colorbar(image)
    panel = tp.read_figure(_png(fig)).panels[0]
    assert panel.norm == "symlog" and panel.value_scale.linthresh == 1.0
    # the range in the norm's own terms (1 px moves a log-part end by 5%)
    found_ends = norm(np.array([panel.vmin, panel.vmax]))
    assert np.abs(found_ends - [0.0, 1.0]).max() <= 0.005
    # decoded values against the drawn ones, in the norm's own (symlog) terms: within 3 colors
    found, true = _decoded_against(panel, field)
    inside = np.abs(true) <= 1000
    assert np.isfinite(found).all()
    assert np.abs(norm(found) - norm(true))[inside].max() < 3 / 256


def test_confidence_follows_the_tick_fit():
    _, xx = np.mgrid[0:30, 0:40]

    def bar_with(ticks, labels):
        fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
        image = ax.imshow(xx * 1.0, cmap="viridis", vmin=0, vmax=40)
        bar = fig.colorbar(image, ticks=ticks)
        bar.ax.set_yticklabels(labels)
        return tp.read_figure(_png(fig)).panels[0]

    good = bar_with([0, 10, 20, 30, 40], ["0", "10", "20", "30", "40"])
    misread = bar_with([0, 10, 20, 30, 40], ["0", "10", "20", "80", "40"])
    two = bar_with([0, 40], ["0", "40"])
    assert good.confidence == 1.0
    # one label of five outvoted: the reading holds, but is not sure
    assert misread.colorbar_axis.agreement == 0.8 and misread.confidence <= 0.8
    # two labels check nothing against each other
    assert two.confidence <= 0.5
    residuals = misread.colorbar_axis.residuals
    wrong = [t.value for t in misread.colorbar_axis.ticks].index(80.0)
    assert residuals.shape == (5,) and residuals[wrong] > 10 and np.all(np.delete(residuals, wrong) < 1.5)


def test_labels_rounded_by_their_formatter_do_not_lower_the_confidence():
    # PercentFormatter writes 12.5 as "12%": labels off their ticks by their own rounding
    _, xx = np.mgrid[0:30, 0:40]
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    image = ax.imshow(xx * 1.25, cmap="viridis", vmin=0, vmax=50)
    bar = fig.colorbar(image, ticks=[0, 12.5, 25, 37.5, 50])
    bar.ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(decimals=0))
    panel = tp.read_figure(_png(fig)).panels[0]
    assert [t.text for t in panel.colorbar_axis.ticks] == ["50%", "38%", "25%", "12%", "0%"]
    assert panel.colorbar_axis.residual > 1.5  # the rounding shows in the fit ...
    assert panel.confidence == 1.0  # ... and is no reason to doubt it
    assert _close(panel.vmin, 0, 50) and _close(panel.vmax, 50, 50)


def test_axis_scale_refuses_a_log_scale_over_zero_with_a_truepix_error():
    from truepix.figures._scale import AxisScale

    with pytest.raises(tp.errors.InputError, match=r"expected values > 0 on a log scale, got \(0.0, 10.0\)"):
        AxisScale("log", (0.0, 1.0), (0.0, 10.0))
    with pytest.raises(ValueError, match="expected"):
        AxisScale("cubic", (0.0, 1.0), (0.0, 10.0))
    calibration = {"panels": [{"colorbar": {"norm": "log", "vmin": 0.0, "vmax": 10.0}}]}
    made = _imshow_with_bar()
    with pytest.raises(tp.errors.InputError, match="log scale"):
        tp.read_figure(made, calibration=calibration)


@functools.cache  # one figure for the tests that read it
def _imshow_with_bar() -> bytes:
    field = smooth_field(20, 30, 4)
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    image = ax.imshow(field, cmap="viridis", vmin=-1, vmax=1, interpolation="nearest")
    fig.colorbar(image)
    return _png(fig)


@functools.cache  # one figure for the tests that read it
def _contourf_custom() -> bytes:
    yy, xx = np.mgrid[0:40, 0:50]
    field = np.sin(xx / 8.0) * np.cos(yy / 7.0)
    colors = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"]
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    filled = ax.contourf(xx, yy, field, levels=np.linspace(-1.2, 1.2, 7), colors=colors)
    fig.colorbar(filled)
    return _png(fig)


@functools.cache  # one figure for the tests that read it
def _twoslope() -> bytes:
    _, xx = np.mgrid[0:30, 0:40]
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    image = ax.imshow(xx - 10.0, cmap="RdBu_r", norm=mcolors.TwoSlopeNorm(0.0, -10.0, 30.0))
    fig.colorbar(image)
    return _png(fig)


@functools.cache  # one figure for the tests that read it
def _contourf_uneven() -> bytes:
    yy, xx = np.mgrid[0:40, 0:50]
    field = 60 * (np.sin(xx / 9.0) * np.cos(yy / 8.0) + 1) / 2
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    filled = ax.contourf(xx, yy, field, levels=UNEVEN, cmap="viridis")
    fig.colorbar(filled)
    return _png(fig)


UNEVEN = [0, 1, 2, 5, 10, 20, 40, 60]


@functools.cache  # a figure's first reading, asserted by several tests; nothing changes a reading
def _read(figure: bytes) -> tp.figures.FigureReading:
    return tp.read_figure(figure)


def test_contourf_with_uneven_levels_reads_each_boundary():
    # levels 0, 1, 2, 5 ... 60 are drawn evenly spaced on the bar: no line through the labels
    panel = _read(_contourf_uneven()).panels[0]
    assert panel.colorbar.boundaries is not None and panel.norm == "boundaries"
    assert (panel.vmin, panel.vmax) == (0.0, 60.0)
    steps = np.unique(panel.data.values[np.isfinite(panel.data.values)])
    middles = (np.array(UNEVEN[:-1]) + np.array(UNEVEN[1:])) / 2.0
    np.testing.assert_allclose(steps, middles, atol=1e-9)
    # every label decides its own piece: never high confidence
    assert 0.5 <= panel.confidence < 0.9


def test_boundary_norm_bar_reads_each_boundary():
    bounds = [-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0]
    field = smooth_field(24, 32, 3) * 2.8
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    norm = mcolors.BoundaryNorm(bounds, 256)
    image = ax.pcolormesh(field, cmap="RdBu_r", norm=norm)
    fig.colorbar(image)
    panel = tp.read_figure(_png(fig)).panels[0]
    assert panel.colorbar.boundaries is not None and panel.norm == "boundaries"
    assert (panel.vmin, panel.vmax) == (-3.0, 3.0)
    # each cell: the middle of the step matplotlib drew it in
    index = np.clip(np.searchsorted(bounds, field, side="right") - 1, 0, len(bounds) - 2)
    middles = (np.array(bounds[:-1]) + np.array(bounds[1:])) / 2.0
    # per screen pixel (the grid finder merges rows of equal steps: that is geometry's to fix)
    steps = np.unique(panel.pixel_values[np.isfinite(panel.pixel_values)])
    np.testing.assert_allclose(steps, np.unique(middles[index]), atol=1e-9)
    assert panel.confidence < 0.9


def test_even_contourf_levels_stay_linear():
    panel = _read(_contourf_custom()).panels[0]
    assert panel.norm == "linear" and _close(panel.vmin, -1.2, 2.4) and _close(panel.vmax, 1.2, 2.4)


@pytest.mark.parametrize(
    "make", [_imshow_with_bar, _contourf_custom, _twoslope, _contourf_uneven],
    ids=["nearest", "stepped-custom", "twoslope", "stepped-uneven"],
)  # fmt: skip
def test_calibration_round_trips(make):
    figure = make()
    found = _read(figure)
    again = tp.read_figure(figure, calibration=found.calibration)
    from_json = tp.read_figure(figure, calibration=found.to_json())
    for reading in (again, from_json):
        assert reading.calibration == found.calibration
        for first, second in zip(found.panels, reading.panels, strict=True):
            assert (first.cmap, first.norm, first.vmin, first.vmax, first.grid) == (
                second.cmap, second.norm, second.vmin, second.vmax, second.grid,
            )  # fmt: skip
            np.testing.assert_array_equal(first.data.values, second.data.values)
            np.testing.assert_array_equal(first.data.x.values, second.data.x.values)
            np.testing.assert_array_equal(first.data.y.values, second.data.y.values)
    if make is _contourf_custom:
        assert found.panels[0].cmap in ("custom", "colorbar") and found.panels[0].colorbar.boundaries is not None


def test_calibration_and_report_have_public_names(tmp_path):
    figure = _imshow_with_bar()
    reading = _read(figure)
    path = tmp_path / "calibration.json"
    path.write_text(reading.to_json(), encoding="utf-8")
    assert tf.parse_calibration(path) == tf.parse_calibration(reading.to_json()) == reading.calibration["panels"]
    with pytest.raises(tp.errors.InputError, match="expected calibration JSON"):
        tf.parse_calibration("{not json")
    written = reading.write_report(tmp_path / "report.png")
    also = tf.write_report(reading, tmp_path / "report2.png")
    from PIL import Image

    with Image.open(written) as first, Image.open(also) as second:
        width, height = first.size
        assert second.size == (width, height)
    assert width > 2 * height  # the figure, drawn again, and the difference side by side


def test_jpeg_bar_ends_at_its_outline_not_at_a_dark_map_end_or_the_offset_text():
    # magma's black low end runs into the outline under JPEG; "1e-6" stands just above the top
    from PIL import Image

    _, xx = np.mgrid[0:20, 0:30]
    fig, ax = plt.subplots(figsize=(4.5, 3.4), dpi=72)
    image = ax.pcolormesh(1e-6 + 2e-6 * xx / 29.0, cmap="magma", vmin=1e-6, vmax=3e-6)
    fig.colorbar(image)
    out = io.BytesIO()
    Image.open(io.BytesIO(_png(fig))).convert("RGB").save(out, format="JPEG", quality=75)
    panel = tp.read_figure(out.getvalue()).panels[0]
    assert panel.colorbar_axis.offset == ("scale", 1e-6)
    assert _close(panel.vmin, 1e-6, 2e-6) and _close(panel.vmax, 3e-6, 2e-6)


def test_power_norm_bar_is_read_as_power_not_confidently_linear():
    # PowerNorm(0.5): 60, 80, 100 lie nearly on a line, 40, 20, 0 bend further and further
    # from it; read as linear, the range was wrong -- read as power, it is the drawn one
    _, xx = np.mgrid[0:30, 0:40]
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    image = ax.imshow(xx * 2.5, cmap="viridis", norm=mcolors.PowerNorm(0.5, 0, 100))
    fig.colorbar(image)
    panel = tp.read_figure(_png(fig)).panels[0]
    assert panel.norm == "power" and abs(panel.value_scale.gamma - 0.5) <= 0.015
    assert abs(panel.vmin) <= 0.5 and abs(panel.vmax - 100) <= 0.5
    assert not panel.colorbar_axis.curved


def test_uneven_steps_render_back_as_drawn(tmp_path):
    # the web page's re-rendering maps a boundaries bar's values back to their steps' colors
    from truepix.web._figure import FigureSession, difference_levels

    figure = _contourf_uneven()
    path = tmp_path / "uneven.png"
    path.write_bytes(figure)
    session = FigureSession(path, reading=_read(figure))
    differences = difference_levels(session, 0)
    assert np.nanmedian(differences) <= 3


def test_percent_labels_give_percent_units():
    # PercentFormatter(1.0) over data 0..0.5 shows 0%..50%: the values read are the
    # labels' numbers (0..50), so the units must say "%" (they were "")
    field = smooth_field(30, 40, 4) * 0.25 + 0.25
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    image = ax.imshow(field, cmap="cividis", vmin=0, vmax=0.5, interpolation="nearest")
    bar = fig.colorbar(image, format=matplotlib.ticker.PercentFormatter(1.0))
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert _close(panel.vmin, 0, 50) and _close(panel.vmax, 50, 50)
    assert panel.data.attrs["units"] == "%"
    # a labelled bar keeps its label's units
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    image = ax.imshow(field, cmap="cividis", vmin=0, vmax=0.5, interpolation="nearest")
    bar = fig.colorbar(image, format=matplotlib.ticker.PercentFormatter(1.0), label="cover [%]")
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    assert panel.data.attrs["units"] == "%"
