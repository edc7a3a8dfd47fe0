"""read_figure on bars whose extend triangles show colors the map does not (``set_under``/``set_over``).

``cmap.set_under("black")`` draws a black triangle past the bar's low end,
like the outline; ``set_over("white")`` a white one, like the paper, and the
plot's over-range area white too. The bar's ends are where the triangles
begin, the map is the bar body's, and the triangles' colors in the plot are
values past the ends (under/over shares), not lines or background.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
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


def _jpeg(png: bytes) -> bytes:
    buffer = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(buffer, format="JPEG", quality=75)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["png", "jpeg"])
def test_under_black_over_white_read_as_the_ends(both_ends, kind):
    made, field = both_ends
    picture = made.png if kind == "png" else _jpeg(made.png)
    panel = tp.read_figure(picture).panels[0]
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
    panel = tp.read_figure(made.png).panels[0]
    (left, top, right, bottom), _ = made.bars[0]
    # the colorbar axes span the body only (matplotlib draws the triangles outside it)
    _, bar_top, _, bar_bottom = panel.colorbar.bbox
    assert abs(bar_top - top) <= 1.5 and abs(bar_bottom - bottom) <= 1.5
