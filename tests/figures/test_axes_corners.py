"""x/y axes read from tick labels: the plot area's corners within a pixel's worth of the axes' limits."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

import truepix as tp
from tests.figures.conftest import save, smooth_field


def _corners_error(panel, box, limits) -> list[float]:
    """Error at each corner in pixels' worth: value read at the axes' edges against its limits."""
    left, top, right, bottom = box
    x0, x1, y0, y1 = limits
    out = []
    for axis, pixels, values in ((panel.x, (left, right), (x0, x1)), (panel.y, (bottom, top), (y0, y1))):
        worth = abs(values[1] - values[0]) / abs(pixels[1] - pixels[0])
        found = axis.scale.value(np.array(pixels))
        out.extend((np.abs(found - np.array(values)) / worth).tolist())
    return out


@pytest.mark.parametrize(
    ("dpi", "font", "size", "kind"),
    [(200, "DejaVu Serif", 12, "imshow"), (300, "DejaVu Sans", 14, "pcolormesh"), (150, "DejaVu Sans", 10, "imshow")],
)
def test_tick_marks_rounded_to_whole_pixels_do_not_move_the_axes(dpi, font, size, kind):
    # Agg draws every tick mark at a whole pixel, rounded the same way: at high dpi the
    # marks all stood up to a pixel off the positions they mark, and the corners with them
    data = smooth_field(16, 18, 3)
    matplotlib.rcParams.update({"font.family": font, "font.size": size})
    try:
        fig, ax = plt.subplots(figsize=(5.4, 4.05), dpi=dpi)
        if kind == "imshow":
            ax.imshow(data, cmap="RdBu_r", interpolation="bilinear", aspect="auto")
        else:
            ax.pcolormesh(np.arange(19) * 4.0, np.arange(17) * 7.5, data, cmap="magma")
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        made = save(fig, [ax], [])
    finally:
        matplotlib.rcParams.update({"font.family": matplotlib.rcParamsDefault["font.family"], "font.size": 10})
    panel = tp.read_figure(made.png).panels[0]
    assert panel.x.scale is not None and panel.y.scale is not None
    errors = _corners_error(panel, made.axes[0], made.limits[0])
    assert max(errors) <= 1.0, errors


def _made(draw, *, dpi: int, size: float, font: str = "DejaVu Sans", width: float = 5.4):
    matplotlib.rcParams.update({"font.family": font, "font.size": size})
    try:
        fig, ax = plt.subplots(figsize=(width, width * 0.75), dpi=dpi)
        bars = draw(fig, ax)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        return save(fig, [ax], bars)
    finally:
        matplotlib.rcParams.update({"font.family": matplotlib.rcParamsDefault["font.family"], "font.size": 10})


@pytest.mark.parametrize(("dpi", "width"), [(100, 4.5), (72, 6.0)])
def test_odd_width_tick_marks_stand_half_a_pixel_before_their_centres(dpi, width):
    # Agg centres a mark of odd pixel width half a pixel past its position on average: the
    # x axis (ticks 0..60 over 0..78) moved by that much, and its far corner by over a pixel
    def draw(fig, ax):
        ax.pcolormesh(np.arange(40) * 2.0, np.arange(25) * 5.0, smooth_field(24, 39, 1), cmap="magma")
        return []

    made = _made(draw, dpi=dpi, size=14, width=width)
    panel = tp.read_figure(made.png).panels[0]
    assert panel.x.scale is not None and panel.y.scale is not None
    errors = _corners_error(panel, made.axes[0], made.limits[0])
    assert max(errors) <= 1.0, errors


def test_y_labels_touching_a_colorbar_on_the_left_are_read():
    # matplotlib crowds a left colorbar against the y tick labels: the bar's outline touched
    # "-2" and joined every label into one group too tall to be a label; none was read
    rng = np.random.default_rng(64)
    points = rng.normal(size=(4000, 2))

    def draw(fig, ax):
        mesh = ax.hist2d(points[:, 0], points[:, 1], bins=(30, 30), cmap="magma", norm=matplotlib.colors.LogNorm(0.01, 1000))[3]
        bar = fig.colorbar(mesh, ax=ax, location="left")
        bar.set_label("value [units]")
        return [bar]

    made = _made(draw, dpi=200, size=14, width=4.6)
    panel = tp.read_figure(made.png).panels[0]
    assert panel.y.scale is not None
    errors = _corners_error(panel, made.axes[0], made.limits[0])
    assert max(errors) <= 1.0, errors
