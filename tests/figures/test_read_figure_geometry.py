"""read_figure's geometry on figures that fooled it: glyphs, screenshots, interpolated imshow, alpha bars."""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from tests.figures.conftest import iou, save, smooth_field
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
