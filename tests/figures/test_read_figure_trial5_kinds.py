"""Kinds of input the fifth user trial found read wrong, each drawn once with matplotlib.

Units written on every label (``250 K``, ``20 km``, ``200 m``) are units, not
SI prefixes; a rectangular extension (``extendrect``) is not gradient; a gray
copy of a color figure decodes through its bar's grays at their places; a
PowerNorm bar is not taken for log; thick long tick marks are no dashes;
another bar's end is no unread offset text; a figure pasted on a dark slide
is read on its own paper; wrong-typed calibration values and blank pictures
get one-line errors.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from click.testing import CliRunner
from matplotlib.colors import PowerNorm
from matplotlib.ticker import FuncFormatter
from PIL import Image

import truepix as tp
from tests.figures.conftest import iou, save, smooth_field
from truepix.errors import InputError
from truepix.figures._axes import fit_ticks
from truepix.figures._labels import Tick


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def kelvin():
    """Units on every label: a colorbar in kelvin, x in km, y in metres."""
    fig, ax = plt.subplots(figsize=(6, 4), dpi=80)
    field = (smooth_field(12, 20, 3) + 1.0) * 30.0 + 250.0
    mesh = ax.pcolormesh(np.linspace(0, 100, 21), np.linspace(0, 600, 13), field, cmap="plasma", vmin=250, vmax=310)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f} km"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f} m"))
    bar = fig.colorbar(mesh, format=FuncFormatter(lambda v, _: f"{v:.0f} K"))
    return save(fig, [ax], [bar]).png


def test_a_unit_on_every_label_is_a_unit_not_a_prefix(kelvin):
    panel = tp.read_figure(kelvin).panels[0]
    assert abs(panel.vmin - 250) < 0.3 and abs(panel.vmax - 310) < 0.3, (panel.vmin, panel.vmax)
    assert panel.data.attrs["units"] == "K"
    x, y = panel.data.x.values, panel.data.y.values
    assert abs(x[0] - 2.5) < 0.5 and abs(x[-1] - 97.5) < 0.5, x[[0, -1]]
    assert abs(y[0] - 575) < 3 and abs(y[-1] - 25) < 3, y[[0, -1]]  # top row first
    assert panel.data.x.attrs["units"] == "km" and panel.data.y.attrs["units"] == "m"


def test_max_error_follows_a_range_given_by_calibration(kelvin):
    found = tp.read_figure(kelvin).panels[0].data.attrs["max_error"]
    given = tp.read_figure(kelvin, calibration={"panels": [{"colorbar": {"vmin": 0.0, "vmax": 6.0}}]}).panels[0]
    assert given.vmin == 0.0 and given.vmax == 6.0
    assert 0.05 * found < given.data.attrs["max_error"] < 0.2 * found, (found, given.data.attrs["max_error"])


def test_prefixes_that_change_along_an_axis_stay_prefixes():
    """EngFormatter's zero has no prefix and its prefixes change: ``0``, ``500 m``, ``1``; ``$0k`` … is thousands."""
    texts = [("0", 0.0), ("500 m", 0.5), ("1", 1.0), ("1.5", 1.5)]
    ticks = [Tick(text, tp_value, 100.0 - 40 * k, (0, 0, 1, 1), True, 1.0) for k, (text, tp_value) in enumerate(texts)]
    assert fit_ticks(ticks) is not None and [t.value for t in ticks] == [0.0, 0.5, 1.0, 1.5]
    dollars = [Tick(f"${v}k", v * 1e3, 100.0 - 40 * k, (0, 0, 1, 1), True, 1.0) for k, v in enumerate((0, 50, 100))]
    assert fit_ticks(dollars) is not None and [t.value for t in dollars] == [0.0, 50000.0, 100000.0]


def test_one_label_whose_unit_the_ocr_dropped_keeps_the_others_units():
    texts = [("250", 250.0), ("260 K", 260e3), ("270 K", 270e3), ("280 K", 280e3)]
    ticks = [Tick(text, value, 100.0 - 40 * k, (0, 0, 1, 1), True, 1.0) for k, (text, value) in enumerate(texts)]
    assert fit_ticks(ticks) is not None and [t.value for t in ticks] == [250.0, 260.0, 270.0, 280.0]


def test_evenly_stepped_labels_at_power_places_are_not_read_as_log():
    values = [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    places = 50.0 + 400.0 * (np.array(values) / 100.0) ** 0.3
    ticks = [Tick(f"{v:.0f}", v, float(p), (0, 0, 1, 1), True, 1.0) for v, p in zip(values, places, strict=True)]
    fit = fit_ticks(ticks)
    assert fit is None or fit.scale.scale != "log"


def test_a_powernorm_bar_is_read_as_power():
    fig, ax = plt.subplots(figsize=(5, 4.5), dpi=80)
    mesh = ax.pcolormesh((smooth_field(30, 40, 4) + 1.0) * 50.0, cmap="inferno", norm=PowerNorm(0.3, 0, 100))
    bar = fig.colorbar(mesh, orientation="horizontal")
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    assert panel.norm == "power", (panel.norm, panel.vmin, panel.vmax)
    assert abs(panel.vmin) < 0.5 and abs(panel.vmax - 100) < 0.5, (panel.vmin, panel.vmax)


def test_a_rectangular_extension_is_not_part_of_the_gradient():
    fig, ax = plt.subplots(figsize=(6, 4), dpi=80)
    image = ax.imshow(smooth_field(30, 40, 6) * 7 + 7, cmap="viridis", vmin=0, vmax=10)
    bar = fig.colorbar(image, extend="max", extendrect=True, extendfrac=0.1)
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    assert abs(panel.vmin) < 0.05 and abs(panel.vmax - 10) < 0.05, (panel.vmin, panel.vmax)
    assert panel.cmap == "viridis"
    assert "past its high end" not in panel.data.attrs["doubts"]


def test_a_gray_copy_of_a_color_figure_decodes_through_its_bar():
    fig, ax = plt.subplots(figsize=(6, 4), dpi=80)
    field = (smooth_field(15, 20, 8) + 1.0) * 10.0
    mesh = ax.pcolormesh(field, cmap="viridis", vmin=0, vmax=20)
    bar = fig.colorbar(mesh)
    color = Image.open(io.BytesIO(save(fig, [ax], [bar]).png)).convert("RGB")
    panel = tp.read_figure(_png(color.convert("L"))).panels[0]
    assert panel.grid == (15, 20)
    error = np.abs(panel.data.values - field[::-1])
    assert np.nanmedian(error) < 2 * 20 / 256, np.nanmedian(error)  # two bins of the map
    assert np.nanmax(error) <= panel.data.attrs["max_error"], (np.nanmax(error), panel.data.attrs["max_error"])


def test_thick_long_tick_marks_are_no_dashes():
    """600 dpi draws tick marks 7 px thick and 29 long: as marks, not as a minus after each label."""
    fig, ax = plt.subplots(figsize=(6, 4), dpi=80)
    image = ax.imshow(smooth_field(16, 16, 9), cmap="turbo")
    ax.tick_params(width=6, length=22)  # 7 px thick, 24 px long at 80 dpi
    bar = fig.colorbar(image)
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    assert panel.x.scale is not None and panel.y.scale is not None
    assert not any(t.text.rstrip().endswith("-") for t in panel.y.ticks), [t.text for t in panel.y.ticks]


def test_another_bars_end_is_no_unread_offset():
    fig, axes = plt.subplots(2, 1, figsize=(4, 6), dpi=80, layout="constrained")
    bars = []
    for ax, (lo, hi) in zip(axes, ((0.0, 1.0), (1000.0, 5000.0)), strict=True):
        image = ax.imshow(smooth_field(12, 16, 2) * (hi - lo) / 2 + (hi + lo) / 2, cmap="cividis", vmin=lo, vmax=hi)
        bars.append(fig.colorbar(image, ax=ax))
    lower = tp.read_figure(save(fig, list(axes), bars).png).panels[1]
    assert abs(lower.vmin - 1000) < 20 and abs(lower.vmax - 5000) < 20, (lower.vmin, lower.vmax)
    assert "offset" not in lower.data.attrs["doubts"], lower.data.attrs["doubts"]


def test_a_figure_pasted_on_a_dark_slide_is_read_on_its_own_paper():
    fig, ax = plt.subplots(figsize=(6, 4), dpi=80)
    image = ax.imshow(smooth_field(20, 20, 1) * 30 + 30, cmap="viridis", vmin=0, vmax=60)
    made = save(fig, [ax], [fig.colorbar(image)])
    figure = Image.open(io.BytesIO(made.png)).convert("RGB")
    slide = Image.new("RGB", (figure.width + 120, figure.height + 120), (20, 40, 90))
    slide.paste(figure, (60, 60))
    panel = tp.read_figure(_png(slide)).panels[0]
    truth = tuple(v + 60 for v in made.axes[0])
    assert iou(panel.bbox, truth) > 0.95, (panel.bbox, truth)
    assert abs(panel.vmin) < 0.5 and abs(panel.vmax - 60) < 0.5


def test_a_wrong_typed_calibration_value_is_one_line():
    with pytest.raises(InputError, match=r"expected a number for panels\[0\]\.colorbar\.vmin, got 'low'"):
        tp.read_figure(np.full((40, 40, 3), 255, np.uint8), calibration={"panels": [{"colorbar": {"vmin": "low"}}]})
    with pytest.raises(InputError, match="grid"):
        tp.read_figure(np.full((40, 40, 3), 255, np.uint8), calibration='{"panels": [{"grid": [2.5, 3]}]}')


def test_the_cli_fails_on_a_picture_with_no_plot(tmp_path):
    from truepix.cli.main import cli

    blank = tmp_path / "blank.png"
    Image.new("RGB", (200, 150), "white").save(blank)
    result = CliRunner().invoke(cli, ["read-figure", str(blank), "-o", str(tmp_path / "out.nc")])
    assert result.exit_code == 1
    assert "no plot area found" in result.output and "blank" in result.output
    assert not (tmp_path / "out.nc").exists()
