"""read_figure on bars whose extend triangles show colors the map does not (``set_under``/``set_over``).

``cmap.set_under("black")`` draws a black triangle past the bar's low end,
like the outline; ``set_over("white")`` a white one, like the paper, and the
plot's over-range area white too. The bar's ends are where the triangles
begin, the map is the bar body's, and the triangles' colors in the plot are
values past the ends (under/over shares), not lines or background.
"""

from __future__ import annotations

import functools
import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import LogNorm, Normalize
from PIL import Image

import truepix as tp
from tests.figures.conftest import save


@pytest.fixture(scope="module")
def both_ends():
    """viridis 0..10 with under black, over white, extend both; a 20 x 30 imshow half over range."""
    cmap = plt.get_cmap("viridis").with_extremes(under="black", over="white")
    field = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 30)) * 14 - 2
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    image = ax.imshow(field, cmap=cmap, vmin=0, vmax=10, extent=(0, 30, 0, 20))
    bar = fig.colorbar(image, extend="both")
    made = save(fig, [ax], [bar])
    return made, field


@functools.cache  # the PNG's reading is asserted by two tests; nothing changes a Reading
def _read_png(png: bytes) -> tp.figures.FigureReading:
    return tp.read_figure(png)


def _jpeg(png: bytes) -> bytes:
    buffer = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(buffer, format="JPEG", quality=75)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["png", "jpeg"])
def test_under_black_over_white_read_as_the_ends(both_ends, kind):
    made, field = both_ends
    panel = (_read_png(made.png) if kind == "png" else tp.read_figure(_jpeg(made.png))).panels[0]
    attrs = panel.data.attrs
    assert attrs["cmap"] == "viridis"
    assert abs(panel.vmin - 0.0) <= 0.05 and abs(panel.vmax - 10.0) <= 0.05
    assert panel.grid == (20, 30)
    cells = panel.data.values
    # the white over-range cells are data at vmax, the black under-range ones at vmin
    assert not np.isnan(cells).any()
    over, under = field >= 10.2, field <= -0.2
    assert np.allclose(cells[over], 10.0) and np.allclose(cells[under], 0.0)
    assert abs(attrs["over"] - over.mean()) < 0.05 and attrs["under"] > 0.005


def test_bar_ends_where_the_triangles_begin(both_ends):
    made, _ = both_ends
    panel = _read_png(made.png).panels[0]
    (left, top, right, bottom), _ = made.bars[0]
    # the colorbar axes span the body only (matplotlib draws the triangles outside it)
    _, bar_top, _, bar_bottom = panel.colorbar.bbox
    assert abs(bar_top - top) <= 1.5 and abs(bar_bottom - bottom) <= 1.5


def _ramp_figure(cmap: str, extend: str, orientation: str, norm) -> bytes:
    """A 48 x 64 imshow with a colorbar (``extend``, default under/over colors: the map's ends)."""
    fig, ax = plt.subplots(figsize=(6, 4.8), dpi=100)
    positions = np.linspace(-0.05, 1.05, 48 * 64).reshape(48, 64)  # past both ends a little
    image = ax.imshow(norm.inverse(positions), cmap=cmap, norm=norm)
    bar = fig.colorbar(image, extend=extend, orientation=orientation)
    return save(fig, [ax], [bar]).png


@functools.cache  # drawn once for its PNG and its JPEG case
def _unlabelled_ramp(cmap: str, extend: str, orientation: str) -> bytes:
    return _ramp_figure(cmap, extend, orientation, Normalize(0.03, 0.97))  # ends unlabelled


@pytest.mark.parametrize("kind", ["png", "jpeg"])
@pytest.mark.parametrize("orientation", ["vertical", "horizontal"])
@pytest.mark.parametrize("extend", ["min", "both"])
@pytest.mark.parametrize("cmap", ["magma", "hot", "gray", "viridis"])
def test_end_under_a_triangle_of_its_color(cmap, extend, orientation, kind):
    # the default under color is the map's end: magma's, hot's and gray's triangle is as dark
    # as the outline, its rows past the end were taken for the outline's (2-3 px out on PNG,
    # 0.6-0.9 % of the range, at confidence 1.0 on hot); after JPEG the found box ran 2-8 px
    # into the triangle or short of it (up to 1.6 % of the range). The end is the triangle's
    # base, where its narrowing meets the bar's width.
    picture = _unlabelled_ramp(cmap, extend, orientation)
    picture = picture if kind == "png" else _jpeg(picture)
    panel = tp.read_figure(picture).panels[0]
    left, top, right, bottom = panel.colorbar.bbox
    pixel = 0.94 / (bottom - top if orientation == "vertical" else right - left)
    # an unlabelled end is known to a pixel or two (the triangle's edges, the ticks' fit)
    assert abs(panel.vmin - 0.03) <= 2 * pixel
    # hot's and gray's over triangle is white on white paper, only its outline shows: the
    # high end is read as before (JPEG'd: 2-6 px off, not this rule's)
    if kind == "png" or cmap in ("magma", "viridis"):
        assert abs(panel.vmax - 0.97) <= 2 * pixel


@pytest.mark.parametrize("cmap", ["magma", "inferno", "hot"])
def test_log_bar_with_dark_triangle_ends_on_its_label(cmap):
    # trial 49: LogNorm(1, 1e4) magma, extend="both", PNG read vmin 0.92 (confidence 0.56)
    picture = _ramp_figure(cmap, "both", "vertical", LogNorm(1, 1e4))
    attrs = tp.read_figure(picture).panels[0].data.attrs
    assert attrs["norm"] == "log" and attrs["vmin"] == pytest.approx(1.0, rel=1e-6)
    assert attrs["vmax"] == pytest.approx(1e4, rel=1e-6)
