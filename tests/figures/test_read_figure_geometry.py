"""read_figure's geometry on figures that fooled it: glyphs, screenshots, interpolated imshow, alpha bars."""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from tests.figures.conftest import iou, pixels_inside, save, smooth_field
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


@pytest.mark.parametrize(("cmap", "alpha"), [("RdGy", 0.5), ("viridis", 0.7)])
def test_bar_drawn_with_alpha_is_its_map_blended_over_white(cmap, alpha):
    data = smooth_field(20, 30, 4) * 2.0  # -2 .. 2
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    image = ax.imshow(data, cmap=cmap, vmin=-2, vmax=2, alpha=alpha, interpolation="nearest")
    bar = fig.colorbar(image)
    made = save(fig, [ax], [bar])
    reading = tp.read_figure(made.png)
    panel = reading.panels[0]
    assert iou(panel.colorbar.bbox, made.bars[0][0]) > 0.8
    best = tp.identify_colormap(panel.colorbar, top=1)[0]
    assert best.name == cmap and not best.reversed
    assert abs(best.alpha - alpha) < 0.02 and best.background == (255.0, 255.0, 255.0)
    assert panel.cmap.startswith(cmap) and panel.grid == data.shape
    # decoded with the blended map: within a few of the map's bins (blending shrinks
    # the colors' steps by alpha, so neighbouring bins can share a byte)
    error = np.abs(panel.data.values - data)
    assert np.isfinite(panel.data.values).all()
    assert np.max(error) <= 4 * (4 / 256) / alpha, np.max(error)


@pytest.mark.parametrize(
    ("interpolation", "cmap", "factor"),
    [("nearest", "viridis", 0.5), ("nearest", "viridis", 0.75), ("bilinear", "magma", 0.75)],
)
def test_downscaled_screenshot_keeps_its_panel_and_bar(interpolation, cmap, factor):
    # a screenshot shrunk by a viewer (Pillow's bilinear resize): spines blend into the
    # data, rows of cells become thin gradients, a dark bar end merges with its outline
    field = np.add.outer(np.sin(np.linspace(0, 3, 40)), np.cos(np.linspace(0, 4, 60)))
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    image = ax.imshow(field, cmap=cmap, interpolation=interpolation, aspect="auto")
    ax.set_title("screenshot")
    bar = fig.colorbar(image)
    made = save(fig, [ax], [bar])
    picture = Image.open(io.BytesIO(made.png)).convert("RGB")
    size = (round(picture.width * factor), round(picture.height * factor))
    small = np.asarray(picture.resize(size, Image.BILINEAR))
    reading = tp.read_figure(small)
    scaled = [tuple(v * factor for v in box) for box in (made.axes[0], made.bars[0][0])]
    assert len(reading.panels) == 1
    panel = reading.panels[0]
    assert iou(panel.bbox, scaled[0]) > 0.9
    assert [b.orientation for b in reading.colorbars] == ["vertical"]
    assert iou(panel.colorbar.bbox, scaled[1]) > 0.8
    assert panel.cmap == cmap


@pytest.mark.parametrize(
    ("height", "interpolation"),
    [(1.9, "antialiased"), (2.95, "auto"), (3.1, "antialiased"), (2.95, "nearest")],
)
def test_small_imshow_gives_the_array_grid_or_pixels_never_a_wrong_grid(height, interpolation):
    # a 40 x 40 array in a small figure, matplotlib's default interpolation: above 3
    # pixels per cell Agg draws it nearest, below it blends the cells (no grid left).
    # The plot's and the colorbar's top spines, 9 px apart, were joined into one
    # line and the plot area took in the bar: 45 columns were found, or 36 rows.
    data = smooth_field(40, 40, 5)
    fig, ax = plt.subplots(figsize=(height * 1.3, height), dpi=72)
    image = ax.imshow(data, cmap="viridis", interpolation=interpolation)
    bar = fig.colorbar(image)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert iou(panel.bbox, made.axes[0]) > 0.95
    cell = (made.axes[0][3] - made.axes[0][1]) / 40
    if cell >= 3.0:
        assert panel.grid == (40, 40)
        assert np.abs(panel.data.values - data).max() < 2 * 2 / 256 + 0.02
    else:  # cells blended by antialiasing: one value per pixel, not a guessed grid
        assert panel.grid is None
        assert panel.data.shape == pixels_inside(panel.bbox)


def test_stepped_bar_with_contour_lines_across_its_steps_is_found_and_ranged():
    # matplotlib's contour_colorbar: contourf levels, more contour lines than levels
    # added to the bar (Colorbar.add_lines) so lines cross the middle of its steps
    x, y = np.meshgrid(np.linspace(-3, 5, 150), np.linspace(-3, 5, 120))
    z = np.cos(x) * np.sin(y)
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    filled = ax.contourf(x, y, z, levels=np.linspace(-2, 2, 9), cmap="RdBu", extend="both")
    lines = ax.contour(
        x, y, z, levels=np.linspace(-1.6, 1.6, 17), colors=["y"] * 8 + ["c"] * 9, linewidths=2
    )
    bar = fig.colorbar(filled)
    bar.add_lines(lines)
    made = save(fig, [ax], [bar])
    reading = tp.read_figure(made.png)
    panel = reading.panels[0]
    assert panel.colorbar is not None and panel.colorbar.boundaries is not None
    assert iou(panel.colorbar.bbox, made.bars[0][0]) > 0.8
    assert len(panel.colorbar.colors) == 8
    assert abs(panel.vmin - -2) <= 0.02 * 4 and abs(panel.vmax - 2) <= 0.02 * 4, (
        panel.vmin,
        panel.vmax,
    )


def test_ggplot_style_panel_without_frame_reads_its_axes():
    # plotnine/ggplot2: no spines, a gray panel with white grid lines, tick marks at the
    # panel's edge, data that stop short of it, a bar without an outline
    cells = smooth_field(9, 9, 6)
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    ax.set_facecolor("#EBEBEB")
    ax.grid(color="white")
    ax.set_axisbelow(True)
    for spine in ax.spines.values():
        spine.set_visible(False)
    mesh = ax.pcolormesh(np.arange(10) * 2.0, np.arange(10) * 2.0, cells, cmap="viridis")
    ax.set_xlim(-1, 19)
    ax.set_ylim(-1, 19)
    bar = fig.colorbar(mesh, shrink=0.3)
    bar.outline.set_visible(False)
    made = save(fig, [ax], [bar])
    reading = tp.read_figure(made.png)
    assert len(reading.panels) == 1
    panel = reading.panels[0]
    assert iou(panel.bbox, made.axes[0]) > 0.9
    assert panel.x.scale is not None and panel.y.scale is not None
    left, top, right, bottom = made.axes[0]
    worth = 20 / (right - left)
    assert np.allclose(panel.x.scale.value(np.array([left, right])), [-1, 19], atol=2 * worth)
    assert np.allclose(panel.y.scale.value(np.array([bottom, top])), [-1, 19], atol=2 * worth)
