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

__all__ = ["covered_ends", "frameless_axis", "legend_ends", "light_on_dark", "ticked_ends", "top_axis"]

# bins plotnine and ggplot2 draw a legend bar's gradient with (``nbin``); each puts a value's
# tick at ``(0.5 + (n - 1) f) / n`` of the bar for the fraction f of the range
_LEGEND_BINS = 300
# how far Agg draws a Gouraud-shaded mesh past its sides (measured on plotnine's bars: 0.5-0.8 px)
_DILATION = 0.6


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


def legend_ends(rgb: np.ndarray, bar: Colorbar | None, axis: AxisReading, outline: Box | None) -> Box | None:
    """The bar's box with its ends where a ggplot-style legend bar's range ends, when its ticks are drawn inside.

    plotnine and ggplot2 draw the bar from ``nbin`` = 300 colors and put a
    value's tick at ``(0.5 + 299 f) / 300`` of its length for the fraction
    ``f`` of the range: the ticks' scale reaches the range's ends half a bin
    in from the bar's. plotnine fills it as a Gouraud-shaded mesh, which Agg
    draws dilated, antialiased, about :data:`_DILATION` pixels past every
    side -- and with no outline (none by default): its true ends lie that far
    inside where its colors' coverage ends (:func:`covered_ends`), whether or
    not the box found for it took in the part-covered row. A dark row at the
    map's end is no outline here.
    """
    if bar is None or axis.scale is None or not axis.inside:
        return outline
    box = [float(v) for v in bar.bbox]
    low, high = (3, 1) if bar.orientation == "vertical" else (0, 2)
    covered = covered_ends(rgb, bar)
    rising = 1.0 if box[high] > box[low] else -1.0
    length = abs(covered[1] - covered[0]) - 2 * _DILATION
    inward = length / (2 * _LEGEND_BINS) + _DILATION
    box[low] = covered[0] + rising * inward
    box[high] = covered[1] - rising * inward
    return (box[0], box[1], box[2], box[3])


def covered_ends(rgb: np.ndarray, bar: Colorbar) -> tuple[float, float]:
    """Where the bar's colors end at its low and high ends, to a fraction of a pixel.

    Each row (column) across the bar's middle third near an end is a blend
    of the bar's color three rows in and the background's; the blends' sum
    over the two rows each side of the box's edge is how far the colors
    reach. An end whose color is within 40 DN of the background (magma's
    white top) cannot be measured so: the box's edge is its end.

    Examples
    --------
    >>> rgb = np.full((40, 20, 3), 255, np.uint8); rgb[10:30, 5:15] = (40, 90, 140)
    >>> rgb[9, 5:15] = (148, 173, 198)  # half a row more at the top, blended
    >>> [round(end, 2) for end in covered_ends(rgb, Colorbar((5, 10, 15, 30), "vertical", np.zeros((20, 3), np.uint8)))]
    [30.0, 9.5]
    """
    left, top, right, bottom = bar.bbox
    view = rgb if bar.orientation == "vertical" else rgb.transpose(1, 0, 2)
    if bar.orientation == "horizontal":
        left, top, right, bottom = top, left, bottom, right
    third = max(1, (right - left) // 3)
    band = view[:, left + third : right - third].astype(np.float64)
    paper = np.median(np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]).astype(np.float64), axis=0)
    ends = []
    # (the box's edge, the rows from two outside to two inside it, a row three in)
    for edge, rows, inner in ((bottom, range(bottom - 2, bottom + 2), bottom - 4), (top, range(top - 2, top + 2), top + 3)):
        if min(rows) < 0 or max(rows) >= len(band) or not 0 <= inner < len(band):
            ends.append(float(edge))
            continue
        colour = np.median(band[inner], axis=0)
        direction = paper - colour
        if np.abs(direction).max() < 40:
            ends.append(float(edge))
            continue
        covered = sum(float(np.clip(np.median((paper - band[r]) @ direction) / (direction @ direction), 0, 1)) for r in rows)
        # the colors cover the four rows from the far side up to where they end
        ends.append(float(edge - 2 + covered) if edge == bottom else float(edge + 2 - covered))
    low, high = ends
    if bar.orientation == "horizontal":  # the low end is the left one: the first in the transposed view's bottom slot
        return high, low
    return low, high
