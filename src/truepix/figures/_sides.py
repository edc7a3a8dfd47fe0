"""Sides that no dark line draws: a frameless plot area's, a bar's hidden behind an outline in the background's color.

Styles that draw no spines (ggplot, seaborn, fivethirtyeight) leave the
plot area to the colored extent, whose edge a grid line can move inside the
tick marks; outlines in the figure's own color hide a bar's end rows. What
locates such a side is the tick marks (or labels) beside it.
"""

from __future__ import annotations

import numpy as np

from truepix.color._identify._colorbar import Colorbar
from truepix.figures._axes import read_axis
from truepix.figures import _labels
from truepix.figures._model import AxisReading
from truepix.figures._plot_areas import Box

__all__ = ["frameless_axis", "light_on_dark", "ticked_ends", "top_axis"]


def frameless_axis(
    gray: np.ndarray, figure_ink: np.ndarray, side: str, at: int, span: tuple[int, int], frameless: bool
) -> AxisReading:
    """An axis read beside a plot area's side; a frameless one's again a few pixels further out.

    With no spine, the side is the colored extent's edge, which a grid line
    along it and the antialiased rim past it can leave 3-4 pixels inside the
    tick marks (ggplot, seaborn whitegrid): read from there, the marks are
    taken for glyphs.
    """
    reading = read_axis(gray, figure_ink, side, at, span)
    if reading.scale is None and frameless:
        outward = 3 if side in ("bottom", "right") else -3
        again = read_axis(gray, figure_ink, side, at + outward, span)
        if again.scale is not None:
            return again
    return reading


def light_on_dark(rgb: np.ndarray, gray: np.ndarray, figure_ink: np.ndarray, bar: Colorbar) -> tuple[np.ndarray, np.ndarray] | None:
    """Gray and ink with the bar's surroundings inverted where they are dark, or None where they are not.

    A bar drawn over a dark plot (``ax.inset_axes`` inside it) has its labels
    drawn light (``tick_params(colors="white")``): dark on light only in the
    negative, as the OCR and the tick-mark search read them. Only a window
    around the bar is inverted; the rest of the figure reads as before.
    """
    left, top, right, bottom = bar.bbox
    reach = max(40, 3 * int(bar.width))
    r0, r1 = max(0, top - reach), min(gray.shape[0], bottom + reach)
    c0, c1 = max(0, left - reach), min(gray.shape[1], right + reach)
    around = np.ones((r1 - r0, c1 - c0), bool)
    around[top - r0 : bottom - r0, left - c0 : right - c0] = False
    if float(np.median(gray[r0:r1, c0:c1][around])) >= 100:
        return None
    gray, figure_ink = gray.copy(), figure_ink.copy()
    negative = 255 - _labels.paper(rgb)[r0:r1, c0:c1]
    gray[r0:r1, c0:c1] = _labels.luminance(negative)
    figure_ink[r0:r1, c0:c1] = _labels.ink(negative)
    return gray, figure_ink


def top_axis(
    gray: np.ndarray, figure_ink: np.ndarray, at: int, span: tuple[int, int], bar: Colorbar | None, frameless: bool
) -> AxisReading | None:
    """The x axis read above a plot area (``matshow``, ``ax.xaxis.tick_top()``), or None when a bar stands there.

    ``at``: the first row above the plot area. A horizontal bar right above
    it has tick labels of its own there, which are not the x axis's: a bar
    less than a tenth of the plot's width away, over its columns, skips the read.
    """
    if bar is not None and bar.orientation == "horizontal":
        left, top, right, bottom = bar.bbox
        if bottom <= at + 1 and at - bottom < 0.1 * (span[1] - span[0]) and right > span[0] and left < span[1]:
            return None
    reading = frameless_axis(gray, figure_ink, "top", at, span, frameless)
    return reading if reading.scale is not None else None


def ticked_ends(bar: Colorbar | None, axis: AxisReading, outline: Box | None) -> Box | None:
    """The bar's box with each end moved out to a tick mark standing just past its colors.

    matplotlib draws no tick past a bar's ends, so an agreeing tick a few
    pixels beyond the last colored row marks the true end: an outline in the
    background's color (ggplot's white edge, fivethirtyeight's thick one)
    hides the bar's end rows, and no dark outline locates them.
    """
    if bar is None or axis.scale is None:
        return outline
    box = list(bar.bbox if outline is None else outline)
    vertical = bar.orientation == "vertical"
    # with no tick marks drawn (fivethirtyeight, seaborn's length 0) a label's centre stands for its tick
    snapped = any(t.snapped for t in axis.ticks)
    ticks = [t.position for t in axis.ticks if t.inlier and (t.snapped or not snapped)]
    for index, outward in ((1, -1), (3, 1)) if vertical else ((0, -1), (2, 1)):
        past = [p for p in ticks if 0.5 <= (p - box[index]) * outward <= 4.0]
        if past:
            box[index] = min(past, key=lambda p: abs(p - box[index]))
    return (float(box[0]), float(box[1]), float(box[2]), float(box[3]))
