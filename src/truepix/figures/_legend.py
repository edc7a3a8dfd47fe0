"""ggplot-style legend bars (plotnine's, ggplot2's): tick marks drawn inside the bar, placed to whole points.

plotnine draws a continuous legend as a Gouraud-shaded bar 23 points thick
with white (light gray) tick marks across both its edges and none outside;
with 150 colors or more it rounds the ticks' places to whole points, the
first down and the last up.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from truepix.color._identify._colorbar import Colorbar
from truepix.figures import _labels
from truepix.figures._areas import unsnap

__all__ = ["inner_marks", "legend_point", "unfloored"]


def inner_marks(planes: tuple[np.ndarray, ...], bar: Colorbar) -> np.ndarray:
    """Tick marks drawn inside the bar across its edges (plotnine's), as image positions along it.

    Each cross-section of a bar is one color; tick marks drawn over it from
    both sides make the section's edges differ from its middle. Rows
    (columns) whose edges, on both sides, differ from the middle by more
    than four times the bar's own spread (at least 6 DN) in one of the
    ``planes`` -- luminance, and the figure's ink: plotnine's light gray
    mark is as bright as viridis's yellow but has no color -- in runs no
    longer than a twentieth of the bar, are marks, each at its
    difference-weighted centre, unsnapped as the marks outside are
    (:func:`~truepix.figures._areas.unsnap`).
    """
    left, top, right, bottom = bar.bbox
    scores = []
    for plane in planes:
        inner = plane[top:bottom, left + 1 : right - 1].astype(np.float64)
        if bar.orientation == "horizontal":
            inner = inner.T
        length, width = inner.shape
        if width < 8 or length < 20:
            return np.zeros(0)
        zone = max(2, width // 6)
        middle = np.median(inner[:, width // 3 : width - width // 3], axis=1)
        near = np.abs(np.median(inner[:, 1 : 1 + zone], axis=1) - middle)
        far = np.abs(np.median(inner[:, width - 1 - zone : width - 1], axis=1) - middle)
        deviation = np.minimum(near, far)  # across both edges (plotnine's); classic inward ticks are read as marks already
        usual = float(np.median(deviation))
        scores.append(np.maximum(deviation - usual, 0.0) / max(6.0, 4.0 * usual))
    score = np.max(scores, axis=0)  # in units of each plane's threshold
    on = score > 1.0
    marks = []
    start = bar.bbox[1] if bar.orientation == "vertical" else bar.bbox[0]
    edges = np.flatnonzero(np.diff(np.concatenate([[0], on.astype(np.int8), [0]])))
    for r0, r1 in zip(edges[::2], edges[1::2], strict=True):
        if r1 - r0 > max(3, length // 20):
            continue
        rows = np.arange(max(0, r0 - 1), min(length, r1 + 1))
        weights = score[rows]
        marks.append(start + float((weights * (rows + 0.5)).sum() / weights.sum()))
    return unsnap(np.array(marks))


def legend_point(bar: Colorbar) -> float:
    """Pixels per point of a ggplot-style legend bar: plotnine draws it 23 points thick (``legend_key_size``)."""
    left, top, right, bottom = bar.bbox
    return float(right - left if bar.orientation == "vertical" else bottom - top) / 23.0


def unfloored(ticks: list[_labels.Tick], point: float) -> list[_labels.Tick]:
    """The ticks with the outermost two snapped ones moved half a point inward, undoing plotnine's rounding on average.

    plotnine (with 150 colors or more) rounds a legend's tick places to
    whole points, the first down and the last up: each end tick stands up
    to a point (half a point on average) further out than its value's place.
    """
    snapped = sorted((t for t in ticks if t.snapped and t.value is not None), key=lambda t: t.position)
    if len(snapped) < 3:
        return ticks
    first, last = snapped[0], snapped[-1]
    moved = {id(first): point / 2.0, id(last): -point / 2.0}
    return [dataclasses.replace(t, position=t.position + moved[id(t)]) if id(t) in moved else t for t in ticks]
