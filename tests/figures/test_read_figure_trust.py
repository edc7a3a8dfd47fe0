"""Readings a new user found confidently wrong: which bar is whose, and how much of the plot decoded.

The rule: a panel's ``confidence`` (>= 0.9) must mean its range and values
can be trusted; a plot does not borrow a neighbour's bar of other colors,
and a plot whose colored pixels do not decode says so.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import colors as mcolors
from PIL import Image

import truepix as tp
from tests.figures.conftest import iou, jpeg_of, save, smooth_field


def test_a_plot_without_a_bar_does_not_borrow_its_neighbours():
    field = smooth_field(50, 60, 1) * 0.5 + 0.5
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    left.imshow(field, vmin=0, vmax=1)  # viridis, no colorbar
    bar = fig.colorbar(right.imshow(2 * field[::-1], vmin=0, vmax=2, cmap="magma"), ax=right)
    made = save(fig, [left, right], [bar])
    panels = tp.read_figure(made.png).panels
    assert len(panels) == 2
    assert panels[0].colorbar is None and panels[0].confidence == 0.0
    assert panels[1].colorbar is not None and iou(panels[1].colorbar.bbox, made.bars[0][0]) >= 0.8
    assert (panels[1].vmin, panels[1].vmax) == (0.0, 2.0)


def test_a_shared_bar_stays_shared():
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    for k, ax in enumerate(axes):
        image = ax.imshow(smooth_field(40, 50, k), vmin=-1, vmax=1, cmap="plasma")
    bar = fig.colorbar(image, ax=list(axes))
    made = save(fig, list(axes), [bar])
    panels = tp.read_figure(made.png).panels
    assert len(panels) == 2
    for panel in panels:
        assert panel.colorbar is not None and iou(panel.colorbar.bbox, made.bars[0][0]) >= 0.8
        assert (panel.vmin, panel.vmax) == (-1.0, 1.0)


def test_extended_contourf_over_and_under_colors_are_the_bars_ends():
    x, y = np.linspace(-3, 3, 240), np.linspace(-2, 2, 160)
    xx, yy = np.meshgrid(x, y)
    field = np.exp(-(xx**2) - yy**2) * 2 + 0.3 * np.sin(2 * xx) - 0.8
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    filled = ax.contourf(x, y, field, levels=np.linspace(-1, 1, 11), cmap="RdBu_r", extend="both")
    bar = fig.colorbar(filled)
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    attrs = panel.data.attrs
    assert abs(panel.vmin + 1.0) <= 0.01 and abs(panel.vmax - 1.0) <= 0.01  # 0.5% of the span
    # the field fills the plot area: its shares past the ends are the picture's
    assert abs(attrs["under"] - np.mean(field < -1)) < 0.02
    assert abs(attrs["over"] - np.mean(field > 1)) < 0.02
    assert np.isnan(panel.pixel_values).mean() < 0.03
    assert np.nanmax(panel.pixel_values) == panel.vmax and np.nanmin(panel.pixel_values) == panel.vmin


def test_a_line_plot_is_not_a_heatmap():
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    t = np.linspace(0, 10, 200)
    for k in range(5):
        ax.plot(t, np.sin(t + k), label=f"k={k}")
    ax.legend()
    for panel in tp.read_figure(save(fig, [ax], []).png).panels:
        assert panel.confidence == 0.0 and panel.cmap is None
        assert "not a colormap's" in panel.data.attrs["doubts"]
        assert np.isnan(panel.data.values).all()


def _resized(png: bytes, scale: float) -> bytes:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.resize((round(image.width * scale), round(image.height * scale)), Image.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_jpegd_bar_with_unlabelled_ends_is_not_confidently_wrong():
    rng = np.random.default_rng(12)
    x_edges = np.cumsum(np.r_[0, rng.uniform(0.3, 2, 14)])
    field = np.round(rng.random((10, 14)) * 4, 2)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    mesh = ax.pcolormesh(x_edges, np.linspace(0, 5, 11), field, cmap="cividis")  # ends at the data's min/max
    bar = fig.colorbar(mesh)
    panel = tp.read_figure(jpeg_of(save(fig, [ax], [bar]).png)).panels[0]
    span = field.max() - field.min()
    share = max(abs(panel.vmin - field.min()), abs(panel.vmax - field.max())) / span
    # JPEG lost the bar's top rows (1.37% of the span at confidence 1 once)
    assert panel.confidence < 0.9 or share <= 0.005, (panel.confidence, share, panel.data.attrs["doubts"])


def test_hist2d_empty_outer_bins_keep_the_grid():
    points = np.random.default_rng(7).multivariate_normal([0, 0], [[1, 0.6], [0.6, 1.5]], 20000)
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    *_, mesh = ax.hist2d(points[:, 0], points[:, 1], bins=40, range=[[-4, 4], [-4, 4]], norm=mcolors.LogNorm(), cmap="plasma")
    bar = fig.colorbar(mesh)
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    assert panel.grid == (40, 40)  # (40, 31) once: the empty bins at the sides were left out


def test_a_resized_screenshot_cut_short_is_not_a_confident_grid():
    fig, axes = plt.subplots(2, 2, figsize=(10, 8), dpi=100)
    axes = list(axes.ravel())
    bars = []
    for k, ax in enumerate(axes):
        yy, xx = np.mgrid[0:1:50j, 0:1:60j]
        image = ax.imshow(np.sin((3 + k) * xx) * np.cos((2 + k) * yy), origin="lower", extent=(0, 6, 0, 5), vmin=-1, vmax=1)
        bars.append(fig.colorbar(image, ax=ax))
    made = save(fig, axes, bars)
    # the plot areas (no frame left after resampling) stop a few pixels short of the data
    for panel in tp.read_figure(_resized(made.png, 0.75)).panels:
        assert panel.confidence < 0.9 or panel.grid == (50, 60), (panel.grid, panel.confidence)
