"""Figures read wrong, or not at all, in the third new-user trial: each drawn here as a user draws it.

A wrong range at high confidence is the worst outcome; each test checks the
range (or what is read) and that the confidence does not overstate it.
"""

from __future__ import annotations

import io

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pytest

import truepix as tp
from tests._needs import need_module
from tests.figures.conftest import iou, jpeg_of, save


def _within(found: float, truth: float, span: float, share: float = 0.005) -> bool:
    return abs(found - truth) <= share * span


@pytest.fixture(scope="module")
def annotated_heatmap(seaborn):
    # seaborn's bar has no outline: in a JPEG its lightest rows (YlOrRd's pale yellow)
    # ring against the paper more than the bar's old growth rule allowed, so the box
    # stopped at the "5" label and the range was read from 5 (confidence 0.18)
    sns = seaborn
    cells = np.random.default_rng(3).uniform(0, 38, (8, 12))
    fig, ax = plt.subplots(figsize=(8, 6), dpi=90)
    sns.heatmap(cells, cmap="YlOrRd", vmin=0, vmax=40, annot=True, fmt=".1f", ax=ax)
    made = save(fig, [ax], [ax.collections[0].colorbar])
    return made, tp.read_figure(jpeg_of(made.png)).panels[0]


def test_a_jpeg_seaborn_bar_fading_into_the_paper_is_read_to_its_lowest_label(annotated_heatmap):
    made, panel = annotated_heatmap
    attrs = panel.data.attrs
    assert iou(panel.colorbar.bbox, made.bars[0][0]) >= 0.8
    assert _within(attrs["vmin"], 0.0, 40.0) and _within(attrs["vmax"], 40.0, 40.0)
    assert 0.0 in [tick.value for tick in panel.colorbar_axis.ticks if tick.inlier]
    assert panel.grid == (8, 12)


@pytest.fixture(scope="module")
def unlabelled_bars():
    # no cbar.set_label: the OCR read CJK or the other axis's tick labels where the label
    # would stand ("會套會层" as a y label, "-10-505" as the x label, at confidence 1.0)
    out = []
    rng = np.random.default_rng(1)
    for orientation, family, jpeg in (("vertical", "DejaVu Serif", True), ("horizontal", "DejaVu Sans", False)):
        with plt.rc_context({"font.family": family}):
            fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
            image = ax.imshow(rng.normal(size=(30, 40)).cumsum(axis=1), cmap="magma")
            ax.set_xlabel("distance (km)")
            bar = fig.colorbar(image, orientation=orientation)
            made = save(fig, [ax], [bar])
        picture = jpeg_of(made.png) if jpeg else made.png
        out.append(tp.read_figure(picture).panels[0])
    return out


@pytest.mark.parametrize("which", [0, 1])
def test_a_bar_with_no_label_gives_no_units_and_keeps_the_axis_labels(unlabelled_bars, which):
    attrs = unlabelled_bars[which].data.attrs
    assert attrs["units"] == ""
    assert attrs["x_label"].endswith("(km)")  # the serif JPEG's loses "distance" (another question)
    assert attrs["y_label"] == ""


@pytest.mark.parametrize(
    ("text", "confidence", "label"),
    [("value [units]", 0.95, True), ("x", 0.55, True), ("[%]", 0.9, True), ("會套會层", 0.9, False),
     ("。", 0.6, False), ("-10-505", 0.98, False), ("0 5 10 15 20 x 25", 0.91, False), ("le6", 0.9, False),
     ("ooggou", 0.42, False)],
)
def test_ocr_output_is_a_label_only_when_it_looks_like_one(text, confidence, label):
    from truepix.figures._axis_label import looks_like_label

    assert looks_like_label(text, confidence) is label


@pytest.fixture(scope="module")
def uneven_contourf():
    # contourf with uneven levels draws its steps evenly but colors each at its middle
    # value: the steps' colors sit at 0.01, 0.03, 0.07, 0.15, 0.3, 0.7 of the map, which no
    # even spread of places matched -- the map was named "custom" (range right, 0.8)
    yy, xx = np.mgrid[0:60, 0:80]
    z = 50 * np.exp(-((xx - 40) ** 2 + (yy - 30) ** 2) / 600.0)
    out = {}
    # (PNG: in a JPEG the low steps, under 20 DN apart, merge into one -- another question)
    for cmap in ("viridis", "plasma"):
        fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
        contours = ax.contourf(z, levels=[0, 1, 2, 5, 10, 20, 50], cmap=cmap)
        made = save(fig, [ax], [fig.colorbar(contours)])
        out[cmap] = tp.read_figure(made.png).panels[0]
    return out


@pytest.mark.parametrize("cmap", ["viridis", "plasma"])
def test_uneven_contourf_levels_name_the_map_they_sample(uneven_contourf, cmap):
    panel = uneven_contourf[cmap]
    attrs = panel.data.attrs
    assert attrs["cmap"] == cmap
    assert attrs["norm"] == "boundaries"
    assert (attrs["vmin"], attrs["vmax"]) == (0.0, 50.0)
    values = panel.data.values
    rows, columns = values.shape
    # the peak's step (20 .. 50) and a corner's (0 .. 1) give their middles
    assert np.nanmedian(values[rows // 2 - 3 : rows // 2 + 3, columns // 2 - 3 : columns // 2 + 3]) == pytest.approx(35.0)
    assert np.nanmedian(values[1:3, 1:3]) == pytest.approx(0.5)


@pytest.fixture(scope="module")
def plotnine_tiles():
    # plotnine draws its colorbar's tick marks inside the bar, across both edges, and none
    # outside: the labels stood at their glyphs' centres, 1-2 px off the ticks, and the range
    # came out -0.237 .. 0.985 for -0.227 .. 0.997 (0.8% of the span off)
    pd = need_module("pandas")
    p9 = need_module("plotnine")
    yy, xx = np.mgrid[0:10, 0:14]
    values = np.sin(xx / 4.0) * np.cos(yy / 5.0)
    frame = pd.DataFrame({"x": xx.ravel(), "y": yy.ravel(), "z": values.ravel()})
    plot = p9.ggplot(frame, p9.aes("x", "y", fill="z")) + p9.geom_tile() + p9.theme(figure_size=(6.4, 4.8), dpi=100)
    fig = plot.draw()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return values, tp.read_figure(buffer.getvalue()).panels[0]


def test_tick_marks_drawn_inside_a_plotnine_bar_place_its_labels(plotnine_tiles):
    values, panel = plotnine_tiles
    attrs = panel.data.attrs
    span = float(values.max() - values.min())
    # plotnine places the ticks to whole points and Agg snaps them to pixels: the range is read
    # within 0.5 % of the span on most such bars (a 14-figure sweep), else doubted
    right = _within(attrs["vmin"], float(values.min()), span) and _within(attrs["vmax"], float(values.max()), span)
    assert right or attrs["confidence"] < 0.9
    assert _within(attrs["vmin"], float(values.min()), span, 0.01) and _within(attrs["vmax"], float(values.max()), span, 0.01)
    ticks = [t for t in panel.colorbar_axis.ticks if t.value is not None]
    assert len(ticks) >= 4 and all(t.snapped and t.inlier for t in ticks)
    assert panel.grid == values.shape


@pytest.fixture(scope="module")
def crowded_asinh():
    # AsinhNorm(linear_width=0.5) over -10 .. 10 at 12 pt: the labels 10⁻¹, 0 and −10⁻¹
    # overlap and none is read; a line through ±10⁰ gave a linear -2.58 .. 2.56 at 0.5
    with plt.rc_context({"font.size": 12}):
        fig, ax = plt.subplots(figsize=(4.55, 3.5), dpi=100)
        cells = np.random.default_rng(5).normal(0, 10 / 3, (20, 30))
        image = ax.imshow(cells, norm=mcolors.AsinhNorm(linear_width=0.5, vmin=-10, vmax=10), cmap="RdBu_r")
        made = save(fig, [ax], [fig.colorbar(image)])
    return tp.read_figure(made.png).panels[0]


def test_overlapping_asinh_labels_give_the_best_reading_with_a_doubt(crowded_asinh):
    attrs = crowded_asinh.data.attrs
    assert attrs["norm"] == "asinh"
    # within 3% of the span in the norm's own terms (asinh of v / 0.5), not read exactly
    span = 2 * np.arcsinh(10 / 0.5)
    assert abs(np.arcsinh(attrs["vmin"] / 0.5) + np.arcsinh(10 / 0.5)) < 0.03 * span
    assert abs(np.arcsinh(attrs["vmax"] / 0.5) - np.arcsinh(10 / 0.5)) < 0.03 * span
    assert "overlap" in attrs["doubts"] and attrs["confidence"] <= 0.3


@pytest.fixture(scope="module")
def minor_labelled_log_bars():
    # LogNorm(20, 800) on a horizontal bar: matplotlib labels the minor ticks too
    # (2×10¹ 3×10¹ … 6×10²) and the labels overlap; "10¹6×10^I" read as 10160 made a
    # linear -3.4e4 .. 2.6e4 reading (confidence 0.19)
    out = {}
    cells = np.exp(np.random.default_rng(2).uniform(np.log(20), np.log(800), (20, 30)))
    for location in ("bottom", "top"):
        fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
        image = ax.imshow(cells, norm=mcolors.LogNorm(20, 800), cmap="viridis")
        made = save(fig, [ax], [fig.colorbar(image, location=location)])
        out[location] = tp.read_figure(made.png).panels[0]
    return out


@pytest.mark.parametrize("location", ["bottom", "top"])
def test_a_horizontal_log_bar_with_overlapping_minor_labels_is_read_from_its_tick_marks(minor_labelled_log_bars, location):
    attrs = minor_labelled_log_bars[location].data.attrs
    assert attrs["norm"] == "log"
    span = np.log10(800 / 20)
    assert abs(np.log10(attrs["vmin"] / 20)) < 0.005 * span and abs(np.log10(attrs["vmax"] / 800)) < 0.005 * span
    # one label read, the rest taken from the marks: doubted
    assert "tick marks" in attrs["doubts"] and attrs["confidence"] <= 0.3


@pytest.fixture(scope="module")
def small_serif_log_bar():
    # 8 pt DejaVu Serif at 72 dpi: the exponents are 4 px tall; 10² was read "10^日"
    # (three of six labels agreed, confidence 0.55)
    with plt.rc_context({"font.family": "DejaVu Serif", "font.size": 8}):
        fig, ax = plt.subplots(figsize=(5, 4), dpi=72)
        cells = np.exp(np.random.default_rng(4).uniform(np.log(1e-2), np.log(1e3), (20, 30)))
        image = ax.imshow(cells, norm=mcolors.LogNorm(1e-2, 1e3))
        made = save(fig, [ax], [fig.colorbar(image)])
    return tp.read_figure(made.png).panels[0]


def test_small_exponents_are_read_as_digits(small_serif_log_bar):
    attrs = small_serif_log_bar.data.attrs
    assert attrs["norm"] == "log"
    assert abs(np.log10(attrs["vmin"] / 1e-2)) < 0.005 * 5 and abs(np.log10(attrs["vmax"] / 1e3)) < 0.005 * 5
    exponents = [t.text.split("^", 1)[1] for t in small_serif_log_bar.colorbar_axis.ticks if "^" in t.text]
    assert exponents and all(set(e) <= set("0123456789-−") for e in exponents)
    assert sum(t.inlier and t.value is not None for t in small_serif_log_bar.colorbar_axis.ticks) >= 4


@pytest.fixture(scope="module")
def edged_mesh():
    # pcolormesh(edgecolors="k", linewidth=0.5) of 60 x 80 cells at 150 dpi: 5.8-pixel cells
    # framed by 1-pixel lines whose blends leave under a third of the plot on the map; no
    # profile showed the lattice and the grid was not recovered (one value per pixel)
    rng = np.random.default_rng(14)
    cells = rng.uniform(0, 1, (60, 80))
    fig, ax = plt.subplots(figsize=(5.5, 4.1), dpi=150)
    mesh = ax.pcolormesh(cells, cmap="RdBu_r", vmin=0, vmax=1, edgecolors="k", linewidth=0.5)
    made = save(fig, [ax], [fig.colorbar(mesh)])
    return cells, tp.read_figure(made.png).panels[0]


def test_thin_black_cell_edges_give_the_grid(edged_mesh):
    cells, panel = edged_mesh
    assert panel.grid == cells.shape
    found = panel.data.values[::-1]  # row 0 at the bottom, as pcolormesh draws it
    assert np.nanmax(np.abs(found - cells)) <= panel.data.attrs["max_error"] + 0.01
