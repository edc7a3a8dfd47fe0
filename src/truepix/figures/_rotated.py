"""Tick labels drawn rotated beside a y axis (seaborn's crowded y labels, ``rotation=90``).

Read as upright text, a rotated label falls apart into its glyphs, stacked
along the axis: ``10`` becomes a ``1`` and a ``0`` each snapped to the same
tick mark, and no scale fits. Where two tick marks or more each carry two
labels or more, the labels are one rotated text each: their glyphs are
joined along the axis and read turned upright (bottom to top, as
matplotlib's ``rotation=90`` draws them).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

__all__ = ["rotated_ticks", "stacked"]


def stacked(ticks: list[Any], marks: np.ndarray) -> bool:
    """Whether two tick marks or more each have two labels or more nearest them: rotated glyphs.

    ``marks``: the tick marks' positions (image coordinates). A label counts for
    the mark nearest its position within half the marks' spacing: a rotated
    ``10`` read as a ``1`` and a ``0`` stands half a glyph either side of its
    mark, too far for either to snap to it.

    Examples
    --------
    >>> from types import SimpleNamespace as T
    >>> marks = np.array([10.0, 50.0, 90.0])
    >>> stacked([T(position=p) for p in (6.0, 14.0, 46.0, 54.0, 90.0)], marks)
    True
    >>> stacked([T(position=p) for p in (10.0, 50.0, 90.0)], marks)
    False
    """
    if len(marks) < 2:
        return False
    reach = 0.5 * float(np.median(np.diff(np.sort(marks))))
    nearest = [int(np.argmin(np.abs(marks - t.position))) for t in ticks]
    near = [k for k, t in zip(nearest, ticks, strict=True) if abs(marks[k] - t.position) < reach]
    counts = Counter(near)
    return sum(n >= 2 for n in counts.values()) >= 2


def _groups(boxes: list[tuple[int, int, int, int]], gap: float) -> list[list[int]]:
    """Boxes (d0, d1, l0, l1) joined along the length where less than ``gap`` apart."""
    order = sorted(range(len(boxes)), key=lambda k: boxes[k][2])
    groups: list[list[int]] = []
    for k in order:
        if groups and boxes[k][2] - max(boxes[j][3] for j in groups[-1]) <= gap:
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def rotated_ticks(gray: np.ndarray, image_ink: np.ndarray, strip: Any, boxes: list[tuple[int, int, int, int]], marks: np.ndarray, ink_level: int) -> list[Any]:
    """The labels of a left or right strip read as rotated texts, snapped to the tick marks.

    ``boxes``: the strip's glyph boxes (depth, length); ``marks``: the tick
    marks (strip positions); ``ink_level``: the ink that counts as a glyph.
    """
    from truepix.figures._labels import Tick, _split_at_marks, parse_value, read_labels

    depth = float(np.percentile([b[1] - b[0] for b in boxes], 75))  # a rotated glyph's height
    nearest = min(b[0] for b in boxes)
    column = [b for b in boxes if b[0] <= nearest + 0.6 * depth and b[1] - b[0] <= 2 * depth]
    # crowded labels (seaborn's, a cell apart) stand closer than the gap: parted at the marks
    groups = [
        part
        for members in _groups(column, 0.5 * depth)
        for part in _split_at_marks(members, column, marks)
    ]
    spacing = float(np.median(np.diff(marks))) if len(marks) >= 2 else 4 * depth
    found, crops = [], []
    for members in groups:
        d0, d1 = min(column[k][0] for k in members), max(column[k][1] for k in members)
        l0, l1 = min(column[k][2] for k in members), max(column[k][3] for k in members)
        box = strip.box(d0, d1, l0, l1)
        crop = gray[box[1] : box[3], box[0] : box[2]]
        mask = image_ink[box[1] : box[3], box[0] : box[2]] > ink_level
        crops.append((np.ascontiguousarray(np.rot90(crop, -1)), np.ascontiguousarray(np.rot90(mask, -1))))
        found.append((box, strip.start + (l0 + l1) / 2.0))
    ticks = []
    for (box, centre), (text, confidence) in zip(found, read_labels(crops), strict=True):
        position, snapped = centre, False
        if len(marks):
            k = int(np.argmin(np.abs(marks + strip.start - centre)))
            if abs(marks[k] + strip.start - centre) <= max(2.0, 0.3 * spacing):
                position, snapped = float(marks[k] + strip.start), True
        ticks.append(Tick(text, parse_value(text), position, box, snapped, confidence))
    return ticks
