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


@pytest.fixture(scope="module")
def lone_milli_label():
    # EngFormatter on a bar 0 .. 2.5 with a tick every 0.5: "500 m" is the one label with a
    # prefix, and the OCR reads it "500" -- one label 1000x off the others' line, outvoted
    # (the range right, but the scale trusted 0.83)
    from matplotlib.ticker import EngFormatter

    fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
    image = ax.imshow(np.linspace(0, 2.5, 300).reshape(15, 20), cmap="viridis", vmin=0, vmax=2.5)
    fig.colorbar(image, format=EngFormatter(), ticks=[0, 0.5, 1, 1.5, 2, 2.5])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return tp.read_figure(buffer.getvalue()).panels[0]


def test_a_lone_si_prefixed_label_agrees_with_the_plain_ones(lone_milli_label):
    panel = lone_milli_label
    assert (panel.vmin, panel.vmax) == (0.0, 2.5)
    numbered = [t for t in panel.colorbar_axis.ticks if t.value is not None]
    assert len(numbered) >= 5 and all(t.inlier for t in numbered), [(t.text, t.value) for t in numbered]
    assert 0.5 in [t.value for t in numbered]
    assert panel.confidence >= 0.9


def test_mu_read_as_p_on_every_label_is_read_as_mu():
    # what the OCR returns for EngFormatter's "0 s, 250 µs ... 1 ms" when it takes µ for p on
    # every label alike: read one at a time, the three "ps" labels outvoted "1 ms"
    from truepix.figures._axes import fit_ticks
    from truepix.figures._labels import Tick
    from truepix.figures._numbers import readings

    ticks = [Tick(text, readings(text)[0][0], position, (0, 0, 1, 1), True, 1.0) for text, position in
             [("0 s", 0.0), ("250 ps", 100.0), ("500 ps", 200.0), ("750 ps", 300.0), ("1 ms", 400.0)]]  # fmt: skip
    fit = fit_ticks(ticks)
    assert fit is not None and fit.scale.scale == "linear"
    assert [t.value for t in ticks] == pytest.approx([0.0, 250e-6, 500e-6, 750e-6, 1e-3])
    assert all(t.inlier for t in ticks)
