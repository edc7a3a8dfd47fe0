"""Which colorbar belongs to which plot area.

The nearest bar, unless it is nearer another plot area and this plot's
colors are not its colors (a plot with no bar of its own does not borrow
its neighbour's); a bar shared by several plots is taken by each whose
colors are the bar's.
"""

from __future__ import annotations

import numpy as np

from truepix.color._identify._colorbar import Colorbar
from truepix.figures import _coverage
from truepix.figures._plot_areas import Box, gap

__all__ = ["bar_for", "nearest_bar"]


def nearest_bar(box: Box, bars: list[Colorbar]) -> Colorbar | None:
    """The bar nearest a plot area, among those at least a quarter as long as its side.

    matplotlib draws a bar as long as its axes (``shrink`` makes it shorter);
    a short "bar" beside a plot is a glyph or a legend swatch.
    """
    def side(bar: Colorbar) -> float:
        return box[3] - box[1] if bar.orientation == "vertical" else box[2] - box[0]

    long = [bar for bar in bars if bar.length >= 0.25 * side(bar)] or bars
    return min(long, key=lambda b: gap(box, b.bbox), default=None)


def bar_for(
    rgb: np.ndarray, k: int, boxes: list[Box], interior: tuple[int, int, int, int], bars: list[Colorbar]
) -> Colorbar | None:
    """The bar that belongs to plot area ``k``: the nearest, unless another plot is nearer it and the colors differ.

    A bar nearer another plot is that plot's; it is this one's too (shared)
    only when this plot's colors are the bar's: no borrowing a neighbour's.
    """
    box = boxes[k]
    bar = nearest_bar(box, bars)
    if bar is None:
        return None
    mine = gap(box, bar.bbox)
    if not any(gap(other, bar.bbox) < mine - 2.0 for j, other in enumerate(boxes) if j != k):
        return bar
    r0, r1, c0, c1 = interior  # the pixels inside plot area k
    share = _coverage.colour_share(rgb[r0:r1, c0:c1], bar, _coverage.background(rgb))
    return bar if share is None or share >= 0.5 else None
