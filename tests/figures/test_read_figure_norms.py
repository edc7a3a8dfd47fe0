"""Colorbar norms and label formats a new user's figures were read wrong on.

Each test draws a figure of one kind with matplotlib (the oracle: the norm
that drew it) and checks the rule that failed on it:

* a TwoSlopeNorm whose centre is no tick (``vcenter=1`` between ticks
  0, 2, ..., 10): the label on the short half is not outvoted by a line
  through the others -- the bar is two-slope;
* a LogNorm spanning less than two decades labels its minor ticks
  ``2×10¹``: the ``×10ⁿ`` is part of the label, and bare mantissas are no
  reading at all;
* a log bar labelled at two powers of ten only (LogNorm(1, 10)) is checked
  by its minor tick marks;
* decimal commas (``0,5``) are read, thousands separators (``1,000``) still;
* an AsinhNorm bar is read as asinh, with its ``linear_width``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import numpy as np
import pytest
from matplotlib import colors as mcolors

import truepix as tp
from tests.figures.conftest import jpeg_of, save
from truepix.figures import _labels
from truepix.figures._scale import fit_scale


def _figure(norm, cmap="viridis", *, formatter=None, seed=0, dpi=100):
    """A 16 x 20 array drawn through ``norm`` (cells as imshow's nearest), its colorbar, and the array."""
    field = np.asarray(norm.inverse(np.random.default_rng(seed).uniform(0, 1, size=(16, 20))), dtype=np.float64)
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=dpi)
    image = ax.imshow(field, extent=(0, 10, 0, 8), origin="lower", cmap=cmap, norm=norm, interpolation="nearest", aspect="auto")
    bar = fig.colorbar(image)
    if formatter is not None:
        bar.ax.yaxis.set_major_formatter(formatter)
        ax.xaxis.set_major_formatter(formatter)
        ax.yaxis.set_major_formatter(formatter)
    return save(fig, [ax], [bar]), field


def _in_norm_terms(norm, panel, share=0.005):
    """vmin and vmax within ``share`` of the span, measured by the norm that drew the bar."""
    found = np.ma.filled(norm(np.array([panel.vmin, panel.vmax]), clip=False), np.nan)
    return bool(np.all(np.abs(found - np.array([0.0, 1.0])) <= share))


def _cells_right(norm, panel, field, share=0.01):
    """Share of the cells whose value, through the norm, lies within ``share`` of the drawn one."""
    values = np.asarray(panel.data.values, dtype=np.float64)[::-1]  # origin="lower": rows bottom up
    assert values.shape == field.shape
    error = np.abs(np.ma.filled(norm(values, clip=False), np.nan) - np.ma.filled(norm(field), np.nan))
    return float(np.mean(error <= share))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("vcenter", "vmin", "vmax", "cmap"),
    [(1.0, 0.0, 10.0, "coolwarm"), (1.0, -10.0, 10.0, "RdBu_r"), (1e-6, 0.0, 1e-5, "PuOr_r")],  # the last with an offset text
)
def test_twoslope_bar_whose_centre_is_no_tick(vcenter, vmin, vmax, cmap):
    # TwoSlopeNorm(vcenter=1, vmin=0, vmax=10) ticks 0, 2, ..., 10: only "0" stands below the
    # centre, and a line through 2..10 called it misread (read linear -8..10 at 0.83)
    norm = mcolors.TwoSlopeNorm(vcenter=vcenter, vmin=vmin, vmax=vmax)
    made, field = _figure(norm, cmap)
    panel = tp.read_figure(made.png).panels[0]
    assert panel.norm == "twoslope", (panel.norm, panel.vmin, panel.vmax)
    assert (panel.vmin, panel.vmax) == (vmin, vmax)
    assert panel.value_scale.values[1] == pytest.approx(vcenter, abs=0.005 * (vmax - vmin))
    assert all(t.inlier for t in panel.colorbar_axis.ticks if t.value is not None)
    assert _cells_right(norm, panel, field) >= 0.99


def test_a_lone_label_past_the_centre_of_a_line_is_not_taken_alone():
    # the same labels with no tick marks to tell a two-slope bar from a misread label: doubted
    from truepix.figures._halves import other_slope
    from truepix.figures._model import AxisReading
    from truepix.figures._scale import AxisScale

    ticks = [_labels.Tick(str(v), float(v), p, (0, 0, 1, 1), True, 1.0, v > 0) for v, p in [(0, 200), (2, 90), (4, 70), (6, 50), (8, 30)]]
    reading = AxisReading(AxisScale("linear", (90, 30), (2, 8)), ticks, np.zeros(0))
    assert other_slope(reading, (200.0, 0.0)).scale.scale == "linear"
    assert "misread" in other_slope(reading, (200.0, 0.0)).guess
    # a mark on the far half with no label there: a linear bar whose labels were not read
    marked = AxisReading(reading.scale, ticks, np.array([30.0, 50, 70, 90, 110, 150, 200]))
    assert other_slope(marked, (200.0, 0.0)).scale.scale == "linear"


@pytest.mark.slow
@pytest.mark.parametrize("jpeg", [False, True])
def test_log_bar_labelled_on_its_minor_ticks(jpeg):
    # LogNorm(20, 800) labels 2×10¹ ... 6×10²: read without their ×10ⁿ, the range came out 100× low
    norm = mcolors.LogNorm(20.0, 800.0)
    made, field = _figure(norm)
    panel = tp.read_figure(jpeg_of(made.png) if jpeg else made.png).panels[0]
    assert panel.norm == "log"
    assert _in_norm_terms(norm, panel), (panel.vmin, panel.vmax)
    assert panel.confidence >= 0.9
    assert _cells_right(norm, panel, field) >= 0.95


@pytest.mark.slow
def test_log_mantissas_without_their_exponent_are_no_reading(monkeypatch):
    # the multiplication sign not found: "6", "4", "3", "2" (mantissas) are read apart from "×10²"
    monkeypatch.setattr(_labels, "_crosses", lambda binary, boxes, glyph: set())
    norm = mcolors.LogNorm(20.0, 800.0)
    panel = tp.read_figure(_figure(norm)[0].png).panels[0]
    right = panel.norm == "log" and _in_norm_terms(norm, panel)
    assert right or panel.confidence < 0.5, (panel.norm, panel.vmin, panel.vmax, panel.confidence)


@pytest.mark.slow
def test_log_bar_with_two_labels_is_checked_by_its_minor_ticks():
    # LogNorm(1, 10): "10⁰" and "10¹" alone checked nothing (confidence 0.5, though right)
    norm = mcolors.LogNorm(1.0, 10.0)
    made, field = _figure(norm)
    panel = tp.read_figure(made.png).panels[0]
    assert panel.norm == "log" and (panel.vmin, panel.vmax) == (1.0, 10.0)
    assert len(panel.colorbar_axis.minor) == 8 and panel.confidence >= 0.9
    assert _cells_right(norm, panel, field) >= 0.95


@pytest.mark.slow
@pytest.mark.parametrize("jpeg", [False, True])
def test_decimal_comma_labels(jpeg):
    # "0,2" and "1,5" (a comma-decimal locale): not read at all before
    norm = mcolors.Normalize(0.0, 1.0)
    comma = mticker.FuncFormatter(lambda v, _: f"{v:.1f}".replace(".", ","))
    made, field = _figure(norm, formatter=comma)
    panel = tp.read_figure(jpeg_of(made.png) if jpeg else made.png).panels[0]
    assert (panel.vmin, panel.vmax) == (0.0, 1.0)
    assert panel.confidence >= 0.9
    x = panel.x.scale.value(np.array([panel.bbox[0], panel.bbox[2]]))
    y = panel.y.scale.value(np.array([panel.bbox[3], panel.bbox[1]]))
    assert np.allclose(x, [0.0, 10.0], atol=0.05) and np.allclose(y, [0.0, 8.0], atol=0.05)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("formatter", "vmax", "texts"),
    [
        (mticker.StrMethodFormatter("{x:,.0f}"), 5000.0, "1,000"),  # thousands separators
        (mticker.FuncFormatter(lambda v, _: f"{v:.3f}".replace(".", ",")), 1.0, "0,200"),  # "1,000" is one here
    ],
)
def test_commas_in_groups_of_three(formatter, vmax, texts):
    norm = mcolors.Normalize(0.0, vmax)
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    image = ax.imshow(np.random.default_rng(3).uniform(0, vmax, (16, 20)), norm=norm, interpolation="nearest", aspect="auto")
    bar = fig.colorbar(image, format=formatter)
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    assert texts in [t.text for t in panel.colorbar_axis.ticks]
    assert (panel.vmin, panel.vmax) == (0.0, vmax)


@pytest.mark.slow
@pytest.mark.parametrize(("width", "vmin", "vmax"), [(1.0, -100.0, 100.0), (10.0, -1000.0, 1000.0), (2.0, -20.0, 50.0)])
def test_asinh_bar_is_read_as_asinh(width, vmin, vmax):
    # AsinhNorm's bar (labels ±10^k and 0 by its AsinhLocator) was read as symlog, linear or two-slope
    norm = mcolors.AsinhNorm(linear_width=width, vmin=vmin, vmax=vmax)
    made, field = _figure(norm, "RdBu_r")
    reading = tp.read_figure(made.png)
    panel = reading.panels[0]
    assert panel.norm == "asinh", (panel.norm, panel.vmin, panel.vmax)
    assert panel.data.attrs["linear_width"] == pytest.approx(width, rel=0.15)
    assert _in_norm_terms(norm, panel), (panel.vmin, panel.vmax)
    assert _cells_right(norm, panel, field) >= 0.95
    # the calibration names it, and reads back the same
    again = tp.read_figure(made.png, calibration=reading.to_json()).panels[0]
    assert again.norm == "asinh" and np.allclose(again.data.values, panel.data.values, equal_nan=True)


def test_fit_scale_reads_asinh_positions_matplotlib_draws():
    from matplotlib.scale import AsinhTransform

    values = np.array([-100.0, -10.0, -1.0, 0.0, 1.0, 10.0, 100.0])
    u = AsinhTransform(2.0).transform_non_affine(values)
    positions = 400.0 - 350.0 * (u - u[0]) / (u[-1] - u[0])
    values_read = values.copy()
    values_read[2] = -7.0  # one misread label is outvoted still
    fit = fit_scale(positions, values_read)
    assert fit.scale.scale == "asinh" and fit.inliers.tolist() == [True, True, False, True, True, True, True]
    assert fit.scale.linear_width == pytest.approx(2.0, rel=0.02)
    assert np.allclose(fit.scale.value(positions[[0, -1]]), [-100.0, 100.0], rtol=1e-3)
    # symlog's own labels stay symlog
    symlog = mcolors.SymLogNorm(linthresh=1.0, vmin=-100.0, vmax=100.0)
    linear = np.array([-100.0, -10.0, -1.0, 0.0, 1.0, 10.0, 100.0])
    assert fit_scale(400.0 - 350.0 * symlog(linear), linear).scale.scale == "symlog"


@pytest.mark.slow
def test_labels_stand_where_their_ticks_were_drawn_beside_minor_ticks():
    # a log bar's major labels snap to their own ticks, never to a minor tick beside them
    # (a "10¹" whose major mark was missed took the 9×10⁰ minor mark 9 px away: range off 7%)
    plt.rcParams.update({"font.family": "DejaVu Serif", "font.size": 10})
    try:
        fig, ax = plt.subplots(figsize=(5.0, 3.8), dpi=200)
        rng = np.random.default_rng(7)
        hexes = ax.hexbin(rng.normal(size=3000), rng.normal(size=3000), gridsize=20, cmap="RdBu_r", norm=mcolors.LogNorm(0.01, 10.0))
        bar = fig.colorbar(hexes, ax=ax)
        fig.canvas.draw()
        height = fig.bbox.height
        drawn = {float(v): height - bar.ax.transData.transform((0.5, v))[1] for v in bar.ax.get_yticks() if 0.01 <= v <= 10.0}
        made = save(fig, [ax], [bar])
    finally:
        plt.rcdefaults()
    panel = tp.read_figure(jpeg_of(made.png)).panels[0]
    read = [t for t in panel.colorbar_axis.ticks if t.value in drawn]
    assert len(read) >= 3
    assert all(abs(t.position - drawn[t.value]) <= 2.0 for t in read), [(t.value, t.position, drawn[t.value]) for t in read]
