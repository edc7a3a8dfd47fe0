"""Colorbars of every kind found beside their plot, and none taken from inside a plot.

Each figure is one that fooled the finder: a stepped bar in a small JPEG,
heatmaps whose rows of cells passed for bars, a bicubic imshow taken for a
wide horizontal bar, a bar with no outline and white tick marks inside it
(plotnine's style).
"""

from __future__ import annotations

import io
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from tests.figures.conftest import iou, jpeg_of, save, smooth_field


def _heatmap_field(shape: tuple[int, int], seed: int) -> np.ndarray:
    # rows of a random walk: neighbouring cells close, rows apart (seaborn's own examples)
    return np.random.default_rng(seed).normal(size=shape).cumsum(axis=1)


def _bar_of_a_small_jpeg(draw, *, location: str, dpi: int, font_size: float, figsize: tuple[float, float]):
    """Draw one plot (``draw(ax)`` returns its mappable) with a bar at ``location``, save it
    as JPEG q75 and read it: the bar found is the drawn one (IoU >= 0.8, same orientation)."""
    with plt.rc_context({"font.size": font_size}):
        fig, ax = plt.subplots(figsize=figsize, dpi=dpi)
        bar = fig.colorbar(draw(ax), ax=ax, location=location)
        made = save(fig, [ax], [bar])
    panel = tp.read_figure(jpeg_of(made.png)).panels[0]
    box, orientation = made.bars[0]
    assert panel.colorbar is not None and panel.colorbar.orientation == orientation
    assert iou(panel.colorbar.bbox, box) >= 0.8, (panel.colorbar.bbox, box)
    return panel.colorbar


@pytest.mark.parametrize(("cmap", "dpi", "location"), [("jet", 72, "bottom"), ("viridis", 72, "right"), ("RdBu_r", 100, "bottom")])
def test_stepped_bar_in_a_small_jpeg_keeps_every_step(cmap, dpi, location):
    # JPEG rings inside each step near the bar's outline and blurs its boundaries over
    # more pixels than antialiasing: the finder kept only the last steps of the bar
    def draw(ax):
        yy, xx = np.mgrid[0:20, 0:30]
        return ax.contourf(xx, yy, smooth_field(20, 30, 3), levels=np.linspace(-1, 1, 9), cmap=cmap)

    bar = _bar_of_a_small_jpeg(draw, location=location, dpi=dpi, font_size=6, figsize=(5.5, 4.2))
    assert len(bar.colors) == 8  # one color per level interval


def _seaborn_like(cmap: str, seed: int):
    """A heatmap as seaborn draws one: pcolormesh cells, no spines, a bar without an outline."""
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    mesh = ax.pcolormesh(_heatmap_field((16, 20), seed), cmap=cmap)
    ax.invert_yaxis()
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = fig.colorbar(mesh, ax=ax)
    bar.outline.set_visible(False)
    return save(fig, [ax], [bar])


def _check_heatmap(made) -> None:
    reading = tp.read_figure(made.png)
    assert len(reading.panels) == 1
    panel = reading.panels[0]
    assert iou(panel.bbox, made.axes[0]) >= 0.9, (panel.bbox, made.axes[0])
    assert panel.colorbar is not None and panel.colorbar.orientation == "vertical"
    assert iou(panel.colorbar.bbox, made.bars[0][0]) >= 0.8, (panel.colorbar.bbox, made.bars[0][0])


@pytest.mark.parametrize(("cmap", "seed"), [("magma", 7), ("RdBu_r", 8), ("coolwarm", 9)])
def test_rows_of_heatmap_cells_are_not_bars(cmap, seed):
    # a row of cells is a strip of one color across with colors changing along it; it
    # has more cells beside it, where a bar has its outline or the background
    _check_heatmap(_seaborn_like(cmap, seed))


@pytest.mark.parametrize("cmap", ["rocket", "vlag"])
def test_seaborn_heatmap_bar_is_found(seaborn, cmap):
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    with warnings.catch_warnings():
        # seaborn 0.13 copies its colormap with set_bad, which matplotlib deprecates
        warnings.filterwarnings("ignore", category=PendingDeprecationWarning, module="seaborn")
        seaborn.heatmap(_heatmap_field((20, 20), 7), cmap=cmap, ax=ax, center=0 if cmap == "vlag" else None)
    mesh = ax.collections[0]
    _check_heatmap(save(fig, [ax], [mesh.colorbar]))


def test_stacked_interpolated_imshows_without_a_bar_report_none():
    # matplotlib's image_interps: a bicubic imshow of a 5x20 array changes smoothly down
    # each column, which the noise-tolerant search chained into one "run" across a wide
    # horizontal bar
    data = np.arange(100, dtype=np.float64).reshape(5, 20)
    fig, axes = plt.subplots(3, 1, figsize=(6.4, 4.8), dpi=100)
    for ax, interpolation in zip(axes, ["nearest", "bilinear", "bicubic"], strict=True):
        ax.imshow(data, interpolation=interpolation, aspect="auto")
    made = save(fig, list(axes), [])
    reading = tp.read_figure(made.png)
    assert reading.colorbars == []
    assert [p.colorbar for p in reading.panels] == [None] * len(reading.panels)


def test_bar_without_outline_and_white_ticks_inside_is_found():
    # plotnine's legend bar: no outline, white tick marks drawn into its sides
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    image = ax.imshow(smooth_field(24, 30, 5), cmap="viridis", interpolation="nearest")
    bar = fig.colorbar(image, ax=ax, shrink=0.4)
    bar.outline.set_visible(False)
    bar.ax.tick_params(direction="in", color="white", length=5, width=1.5, left=True, right=True)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.colorbar is not None
    assert iou(panel.colorbar.bbox, made.bars[0][0]) >= 0.8, (panel.colorbar.bbox, made.bars[0][0])


def test_frameless_heatmap_without_a_bar_is_one_panel_with_no_bar():
    # seaborn's heatmap(cbar=False) of a confusion matrix: no spines, no colorbar, numbers
    # in the cells; nothing marked the plot area, so no panel was reported at all
    counts = np.random.default_rng(4).integers(0, 40, (8, 8)) + np.diag(np.full(8, 150))
    fig, ax = plt.subplots(figsize=(3.5, 3.5), dpi=100)
    ax.pcolormesh(counts, cmap="Blues")
    ax.invert_yaxis()
    for (row, column), count in np.ndenumerate(counts):
        ax.text(column + 0.5, row + 0.5, str(count), ha="center", va="center", fontsize=7)
    for spine in ax.spines.values():
        spine.set_visible(False)
    made = save(fig, [ax], [])
    reading = tp.read_figure(made.png)
    assert reading.colorbars == []
    assert len(reading.panels) == 1 and reading.panels[0].colorbar is None
    assert iou(reading.panels[0].bbox, made.axes[0]) >= 0.9, (reading.panels[0].bbox, made.axes[0])


@pytest.mark.parametrize(
    ("kind", "cmap", "location", "dpi", "font_size"),
    [
        ("imshow", "gray", "bottom", 72, 10),  # exact rows of a gray bar: a thinner bar inside
        ("pcolormesh", "gray", "left", 100, 8),  # ... or only part of its length
        ("contourf", "jet", "left", 100, 6),  # chroma bleeds past the tick-free side
        ("contourf", "coolwarm", "right", 72, 8),  # light middle steps close in color
    ],
)
def test_bars_in_small_jpegs_are_found_whole(kind, cmap, location, dpi, font_size):
    def draw(ax):
        field = smooth_field(24, 32, 11)
        if kind == "imshow":
            return ax.imshow(field, cmap=cmap, aspect="auto", interpolation="nearest")
        if kind == "pcolormesh":
            return ax.pcolormesh(field, cmap=cmap)
        return ax.contourf(field, levels=9, cmap=cmap)

    _bar_of_a_small_jpeg(draw, location=location, dpi=dpi, font_size=font_size, figsize=(5.6, 4.2))


def test_bar_of_a_downscaled_seaborn_heatmap_is_a_bar(seaborn, tmp_path):
    # a 0.75x screenshot: the bar's edge columns blend its colors with the white beside
    # it, which the grid-line rule took for the plot going on past a line (no bar, and
    # three bogus panels)
    fig, ax = plt.subplots(figsize=(9, 6), dpi=100)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=PendingDeprecationWarning, module="seaborn")
        seaborn.heatmap(np.round(np.random.default_rng(1).normal(10, 4, (8, 12)), 1), ax=ax)
    made = save(fig, [ax], [ax.collections[0].colorbar])
    picture = Image.open(io.BytesIO(made.png))
    small = picture.resize((round(picture.width * 0.75), round(picture.height * 0.75)), Image.LANCZOS)
    small.save(tmp_path / "shot.png")
    reading = tp.read_figure(tmp_path / "shot.png")
    assert len(reading.panels) == 1, [p.bbox for p in reading.panels]
    panel = reading.panels[0]
    scaled = lambda box: tuple(0.75 * v for v in box)  # noqa: E731
    assert iou(panel.bbox, scaled(made.axes[0])) > 0.9, (panel.bbox, scaled(made.axes[0]))
    # found (its light end, blended with the white past it, comes out a few pixels short)
    assert panel.colorbar is not None and iou(panel.colorbar.bbox, scaled(made.bars[0][0])) > 0.7
