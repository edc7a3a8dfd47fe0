"""Readings that must not be confidently wrong: each figure here was once read off at confidence 1.

The rule they check: a range given with confidence >= 0.9 is within 0.5% of
the span (in the norm's own terms); otherwise the confidence says so, and
``attrs["doubts"]`` says why.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib import colors as mcolors
from PIL import Image

import truepix as tp
from tests.figures.conftest import iou, save, smooth_field
from truepix.figures._axes import fit_ticks
from truepix.figures._labels import Tick


def _screenshot(png: bytes, scale: float) -> bytes:
    """The figure as a screenshot shown at another zoom: resampled by Pillow (bicubic)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.resize((round(image.width * scale), round(image.height * scale)))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _share_off(panel, vmin: float, vmax: float, forward=lambda v: v) -> float:
    """How far the range read is from the true one, as a share of the span in the norm's terms."""
    lo, hi = forward(np.float64(vmin)), forward(np.float64(vmax))
    return max(abs(forward(np.float64(panel.vmin)) - lo), abs(forward(np.float64(panel.vmax)) - hi)) / abs(hi - lo)


def _confident_means_right(panel, share: float) -> None:
    assert panel.confidence < 0.9 or share <= 0.005, (panel.confidence, share, panel.data.attrs["doubts"])


def test_symlog_ends_take_the_labels_values():
    data = np.sign(smooth_field(30, 45, 3)) * 10 ** (np.abs(smooth_field(30, 45, 3)) * 2)
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    norm = mcolors.SymLogNorm(1.0, vmin=-100, vmax=100)
    bar = fig.colorbar(ax.imshow(data, norm=norm, cmap="RdBu_r"))
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    # the ends stand on the -10^2 and 10^2 labels: their values, not the fit's (-101.4 once)
    assert panel.norm == "symlog" and (panel.vmin, panel.vmax) == (norm.vmin, norm.vmax)
    assert panel.confidence >= 0.9


def test_twoslope_screenshot_at_three_quarters():
    data = smooth_field(30, 45, 4) * 30.0
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    norm = mcolors.TwoSlopeNorm(0.0, -10.0, 30.0)
    bar = fig.colorbar(ax.imshow(data, norm=norm, cmap="RdBu_r"))
    panel = tp.read_figure(_screenshot(save(fig, [ax], [bar]).png, 0.75)).panels[0]
    assert panel.norm == "twoslope"
    share = _share_off(panel, norm.vmin, norm.vmax)
    assert share <= 0.005  # 0.51% off at confidence 1 once
    _confident_means_right(panel, share)


def test_contourf_bar_whose_end_steps_are_missed_is_doubted():
    data = smooth_field(40, 60, 0) * 5.0
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    filled = ax.contourf(data, levels=20, cmap="viridis")
    ax.contour(data, colors="k", levels=10)
    bar = fig.colorbar(filled)
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    share = _share_off(panel, filled.levels[0], filled.levels[-1])
    _confident_means_right(panel, share)
    if share > 0.005:
        assert "past its" in panel.data.attrs["doubts"]


def test_a_gradient_in_a_plot_is_not_a_confident_bar():
    # matplotlib's interpolation comparison: three stacked images of a smooth field, no colorbar
    grid = np.arange(100).reshape(5, 20) / 100.0 + np.random.default_rng(0).uniform(0, 0.05, (5, 20))
    fig, axes = plt.subplots(3, 1, figsize=(6.4, 4.8), dpi=100)
    for ax, method in zip(axes, ["nearest", "bilinear", "bicubic"], strict=True):
        ax.imshow(grid, interpolation=method, aspect="auto")
        ax.set_ylabel(method)
    made = save(fig, list(axes), [])
    for panel in tp.read_figure(made.png).panels:
        if panel.colorbar is not None:
            assert panel.confidence < 0.9, panel.data.attrs


def test_crowded_x_labels_are_split_at_their_ticks():
    data = smooth_field(40, 60, 0)
    fig, ax = plt.subplots(figsize=(7.2, 4), dpi=100)
    image = ax.imshow(data, extent=(0, 400000, 0, 40), aspect="auto", vmin=-1, vmax=1)
    ax.set_xticks(np.arange(0, 400001, 50000))  # labels 2-4 px apart: one glyph group
    bar = fig.colorbar(image)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    values = [t.value for t in panel.x.ticks if t.inlier]
    assert len(values) >= 7
    assert set(values) <= set(np.arange(0, 400001, 50000).astype(float))
    pixel_x = 400000 / (made.axes[0][2] - made.axes[0][0])
    assert abs(panel.data.x.values[0] - 0.5 * 400000 / 60) < pixel_x


def test_labels_drawn_over_each_other_are_not_read():
    data = smooth_field(40, 60, 0)
    fig, ax = plt.subplots(figsize=(5.3, 4), dpi=100)
    image = ax.imshow(data, extent=(0, 400000, 0, 40), aspect="auto", vmin=-1, vmax=1)
    ax.set_xticks(np.arange(0, 400001, 50000))  # "50000100000150000...": unreadable
    bar = fig.colorbar(image)
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    # no scale from a run of merged digits (it once gave x up to 1e36 at 0.38)
    if panel.x.scale is not None:
        assert abs(panel.data.x.values[-1] - 400000) < 0.05 * 400000


def _tick(text: str, position: float) -> Tick:
    from truepix.figures._numbers import parse_value

    return Tick(text, parse_value(text), position, (0, 0, 1, 1), True, 1.0)


def test_exponents_read_on_the_line_on_a_log_axis():
    # "10³" read with its exponent raised, "10²" and "10¹" with theirs on the line
    ticks = [_tick(t, p) for t, p in [("10^3", 40.0), ("102", 123.0), ("101", 206.0), ("10°", 289.0)]]
    fit = fit_ticks(ticks)
    assert fit is not None and fit.scale.scale == "log" and all(t.inlier for t in ticks)
    np.testing.assert_allclose(fit.scale.value([40.0, 289.0]), [1000.0, 1.0], rtol=1e-9)
    # "100 101 102 103" with no power beside them is a linear axis
    plain = fit_ticks([_tick(t, p) for t, p in [("103", 40.0), ("102", 123.0), ("101", 206.0), ("100", 289.0)]])
    assert plain is not None and plain.scale.scale == "linear"


def test_a_negative_exponent_read_on_the_line_makes_the_axis_log():
    # a log bar's "10⁻¹ 10⁰ 10¹ 10² 10³" read with every exponent on the line: "10-1" is no
    # number, only 10⁻¹, so the axis is log (it was read linear: 100 .. 103, confidently)
    ticks = [_tick(t, p) for t, p in [("10−1", 128.0), ("100", 325.0), ("101", 523.0), ("102", 721.0), ("103", 919.0)]]
    fit = fit_ticks(ticks)
    assert fit is not None and fit.scale.scale == "log" and all(t.inlier for t in ticks)
    np.testing.assert_allclose(fit.scale.value([128.0, 919.0]), [0.1, 1000.0], rtol=0.01)


def test_jpeg_plot_without_a_bar_gives_positions_along_its_colormap():
    data = smooth_field(40, 60, 0)
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    ax.imshow(data, cmap="jet")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="jpeg", pil_kwargs={"quality": 75})
    plt.close(fig)
    panel = tp.read_figure(buffer.getvalue()).panels[0]
    attrs = panel.data.attrs
    # not an all-NaN array handed back silently: the map named by the plot's own colors
    assert attrs["cmap"] == "jet" and attrs["vmin"] is None and panel.confidence == 0.0
    assert "no colorbar" in attrs["doubts"] and attrs["units"] == "fraction of the colormap"
    values = panel.data.values
    assert np.isfinite(values).mean() > 0.95
    # positions along jet follow the data drawn (matplotlib normalised it to its own range)
    drawn = (data - data.min()) / (data.max() - data.min())
    ny, nx = values.shape
    rows = ((np.arange(ny) + 0.5) * 40 / ny).astype(int)
    cols = ((np.arange(nx) + 0.5) * 60 / nx).astype(int)
    assert np.nanmedian(np.abs(values - drawn[np.ix_(rows, cols)])) < 0.05


def test_two_panels_in_a_screenshot_are_two_panels():
    data = smooth_field(40, 60, 0)
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    bars = [fig.colorbar(ax.imshow(data, cmap=cmap, vmin=-1, vmax=1), ax=ax) for ax, cmap in zip(axes, ["viridis", "magma"], strict=True)]
    made = save(fig, list(axes), bars)
    reading = tp.read_figure(_screenshot(made.png, 0.75))
    assert [p.data.attrs["cmap"] for p in reading.panels] == ["viridis", "magma"]
    for panel, box in zip(reading.panels, made.axes, strict=True):
        scaled = tuple(0.75 * v for v in box)
        assert iou(panel.bbox, scaled) > 0.9
        _confident_means_right(panel, _share_off(panel, -1.0, 1.0))


@pytest.mark.parametrize("gamma", [2.0, 0.3])
def test_power_norm_bar_is_read_with_its_gamma(gamma):
    # PowerNorm's evenly spaced labels stand at positions following x**gamma: no linear,
    # log, symlog or two-slope scale fits them; the bar was read as positions only
    data = smooth_field(40, 60, 0) * 50 + 50
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    norm = mcolors.PowerNorm(gamma, 0, 100)
    bar = fig.colorbar(ax.imshow(data, norm=norm, interpolation="nearest"))
    png = save(fig, [ax], [bar]).png
    reading = tp.read_figure(png)
    panel = reading.panels[0]
    assert panel.norm == "power" and panel.data.attrs["norm"] == "power"
    assert abs(panel.data.attrs["gamma"] / gamma - 1.0) <= 0.03
    assert abs(panel.vmin - 0.0) <= 0.5 and abs(panel.vmax - 100.0) <= 0.5
    assert panel.grid == data.shape
    # decoded cells against the array drawn, in the norm's own terms: within 3 colors
    assert np.abs(norm(panel.data.values) - norm(data)).max() < 3 / 256
    assert np.abs(panel.data.values - data).max() <= panel.data.attrs["max_error"]
    # the calibration keeps the exponent: read back with it, the same values
    again = tp.read_figure(png, calibration=reading.calibration).panels[0]
    assert again.data.attrs["gamma"] == panel.data.attrs["gamma"]
    np.testing.assert_array_equal(again.data.values, panel.data.values)


def test_contour_lines_over_the_bar_ends_are_doubted():
    # matplotlib's contour_colorbar test figure: Colorbar.add_lines draws levels over the bar's ends
    y, x = np.mgrid[-3:3:80j, -3:3:120j]
    z = 2.0 * np.exp(-(x**2) - y**2) - 2.0 * np.exp(-((x - 1) ** 2) - (y - 1) ** 2)
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    filled = ax.contourf(x, y, z, levels=np.arange(-1.8, 1.801, 0.2), cmap="RdBu", vmin=-0.6, vmax=0.6, extend="both")
    low = ax.contour(x, y, z, levels=np.arange(-2.2, -0.599, 0.2), colors=["y"], linestyles="solid", linewidths=2)
    high = ax.contour(x, y, z, levels=np.arange(0.6, 2.2, 0.2), colors=["c"], linewidths=2)
    bar = fig.colorbar(filled, ax=ax)
    bar.add_lines(low)
    bar.add_lines(high, erase=False)
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    if panel.vmin is not None:
        _confident_means_right(panel, _share_off(panel, -1.8, 1.8))


def test_contour_lines_on_white_with_no_bar_name_no_colormap():
    data = smooth_field(40, 60, 0) * 5.0
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    ax.contour(data, levels=10, cmap="viridis")  # a few colored lines on white paper, no bar
    panel = tp.read_figure(save(fig, [ax], []).png).panels[0]
    # the lines' few colors once matched a wrong map (cmasher:ocean, 0.82): no map, said so
    attrs = panel.data.attrs
    if attrs["cmap"] is None:
        assert "every value is NaN" in attrs["doubts"] and np.isnan(panel.data.values).all()
    else:
        assert attrs["cmap"] == "viridis"
    assert panel.confidence == 0.0
