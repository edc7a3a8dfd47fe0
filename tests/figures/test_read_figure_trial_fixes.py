"""Failures of the third new-user trial's benchmark (``benchmarks/user_trial``), each drawn here as its case draws it.

A wrong range must not carry a confidence of 0.9 or more: each test checks
what is read, and that the confidence does not overstate it.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest

import truepix as tp
from tests._needs import need_module


def _range_error(panel: tp.Panel, low: float, high: float) -> float:
    """The range's error as a share of the true span."""
    return max(abs(panel.vmin - low), abs(panel.vmax - high)) / abs(high - low)


@pytest.fixture(scope="module")
def plotnine_rasters():
    # plotnine's legend bar (case c27): its ends were taken at the box's outer edges, but
    # Agg draws the Gouraud-shaded bar about 0.6 px past them and the ticks' scale reaches
    # the range half a bin (of 300) inside; its inner tick marks were not unsnapped, and a
    # light gray mark on viridis's yellow (as bright as it) was not found: vmax 86.64 for
    # 86 (0.74 % of the span) at confidence 1.0
    pd = need_module("pandas")
    p9 = need_module("plotnine")
    out = []
    for low, high, cmap, position in ((0.0, 86.0, "magma", "right"), (0.2, 0.93, "viridis", "right"), (0.0, 57.0, "viridis", "bottom")):
        yy, xx = np.mgrid[0:15, 0:20]
        values = low + (high - low) * (xx + 2 * yy) / 47.0
        frame = pd.DataFrame({"x": xx.ravel(), "y": yy.ravel(), "v": values.ravel()})
        plot = (
            p9.ggplot(frame, p9.aes("x", "y", fill="v")) + p9.geom_raster() + p9.scale_fill_cmap(cmap)
            + p9.theme(figure_size=(6, 4.5), dpi=100, legend_position=position)
        )  # fmt: skip
        fig = plot.draw()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=100)
        plt.close(fig)
        out.append((low, high, tp.read_figure(buffer.getvalue()).panels[0]))
    return out


def test_a_plotnine_bar_range_is_right_or_doubted(plotnine_rasters):
    for low, high, panel in plotnine_rasters:
        error = _range_error(panel, low, high)
        assert error <= 0.005 or panel.confidence < 0.9, (low, high, panel.vmin, panel.vmax, panel.confidence)
        assert panel.colorbar_axis.inside
    low, high, magma = plotnine_rasters[0]
    assert _range_error(magma, low, high) <= 0.005, (magma.vmin, magma.vmax)


@pytest.fixture(scope="module")
def upscaled_figure():
    # a figure enlarged 1.5x with Lanczos (case c74: a HiDPI screenshot shown larger): its tick
    # marks stand on the drawn pixels' centres, scaled -- half a drawn pixel past their places,
    # as Agg snaps them -- but off the new pixels' centres, so they were not unsnapped: the
    # plot area's corners were 1.09 px off
    from PIL import Image

    cells = np.random.default_rng(0).random((12, 16)) * 8
    fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
    image = ax.imshow(cells, cmap="plasma", vmin=0, vmax=8, extent=(0, 16, 0, 12))
    fig.colorbar(image)
    fig.canvas.draw()
    left, bottom, right, top = ax.get_window_extent().extents
    height = fig.bbox.height
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    picture = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    larger = picture.resize((round(picture.width * 1.5), round(picture.height * 1.5)), Image.LANCZOS)
    out = io.BytesIO()
    larger.save(out, format="PNG")
    corners = (1.5 * left, 1.5 * (height - top), 1.5 * right, 1.5 * (height - bottom))
    return corners, tp.read_figure(out.getvalue()).panels[0]


def test_an_upscaled_figure_has_its_corners_within_a_pixel(upscaled_figure):
    (left, top, right, bottom), panel = upscaled_figure
    assert panel.grid == (12, 16)
    # the first and last cells' centres, at their true places
    x = panel.x.scale.value(np.array([left + (right - left) / 32, right - (right - left) / 32]))
    y = panel.y.scale.value(np.array([top + (bottom - top) / 24, bottom - (bottom - top) / 24]))
    per_x, per_y = 16 / (right - left), 12 / (bottom - top)
    assert np.abs(x - [0.5, 15.5]).max() / per_x <= 1.0, x
    assert np.abs(y - [11.5, 0.5]).max() / per_y <= 1.0, y
