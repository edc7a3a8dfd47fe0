"""Tick labels of more than one word: a number, a space, its unit (``5 MHz``, ``1 km``, ``500 µs``).

The glyph boxes of a label are joined across gaps narrower than half a
glyph (:func:`truepix.figures._labels._group`); the space EngFormatter puts
between a number and its unit is wider than that, so the number and its
unit come apart -- the unit read as a tick label of its own, or as the axis
label. Two parts on one line, parted by no more than a word space, are one
label: between two labels on one line lies more than that (crowded ones are
cut again at their tick marks).
"""

from __future__ import annotations

import numpy as np

__all__ = ["category_labels", "join_words"]

Box = tuple[int, int, int, int]
# a word space in DejaVu and similar fonts, with the glyphs' side bearings: 0.6-0.75 of a digit's height
_WORD_SPACE = 0.9


def _extent(members: list[int], boxes: list[Box], axis: int) -> tuple[int, int]:
    return min(boxes[k][2 * axis] for k in members), max(boxes[k][2 * axis + 1] for k in members)


def _in_column(i: int, spans: list[tuple[int, int]], lines: list[tuple[int, int]], glyph: float) -> bool:
    """Whether part ``i`` has a neighbour right beside it across the text: a glyph of a rotated label."""
    for j, (span, line) in enumerate(zip(spans, lines, strict=True)):
        if j != i and min(span[1], spans[i][1]) > max(span[0], spans[i][0]):
            if max(line[0], lines[i][0]) - min(line[1], lines[i][1]) <= 0.45 * glyph:
                return True
    return False


def join_words(
    groups: list[list[int]], boxes: list[Box], along_text: int, glyph: float, marks: np.ndarray
) -> list[list[int]]:
    """Groups on one text line, a word space apart or less, joined.

    ``boxes`` are ``(d0, d1, l0, l1)``: depth and length extents in the strip;
    ``along_text`` is the index (0 depth, 1 length) the text runs along;
    ``glyph`` a glyph's height; ``marks`` the tick marks' positions along
    the strip (those of a side whose text runs along it: crowded labels a
    word space apart stand over two marks and stay apart). A part on a line of its own only: one spanning
    more than a line, or stacked on another across the text (the glyphs of a
    rotated axis label), joins nothing; nor does a single join on a side.

    Examples
    --------
    >>> boxes = [(0, 10, 0, 6), (0, 10, 13, 21), (0, 10, 60, 66), (0, 10, 73, 81), (0, 10, 200, 206)]
    >>> join_words([[0], [1], [2], [3], [4]], boxes, 1, 10.0, np.array([10.0, 70.0, 203.0]))
    [[0, 1], [2, 3], [4]]
    >>> join_words([[0], [1], [2], [3], [4]], boxes, 1, 10.0, np.array([3.0, 17.0, 63.0, 77.0, 203.0]))
    [[0], [1], [2], [3], [4]]
    """
    across = 1 - along_text
    parts = [list(g) for g in groups]
    lines = [_extent(g, boxes, across) for g in parts]
    spans = [_extent(g, boxes, along_text) for g in parts]
    order = sorted(range(len(parts)), key=lambda i: spans[i][0])
    joined: list[list[int]] = []
    for i in order:
        line = lines[i]
        if line[1] - line[0] > 1.4 * glyph or _in_column(i, spans, lines, glyph):
            joined.append(parts[i])
            continue
        target = None
        for group in reversed(joined):
            g_line = _extent(group, boxes, across)
            overlap = min(g_line[1], line[1]) - max(g_line[0], line[0])
            if g_line[1] - g_line[0] > 1.4 * glyph or overlap < 0.5 * min(g_line[1] - g_line[0], line[1] - line[0]):
                continue
            gap = spans[i][0] - _extent(group, boxes, along_text)[1]
            start = _extent(group, boxes, along_text)[0]
            # a label stands on one tick mark: two under the joined parts make them two labels
            if gap <= _WORD_SPACE * glyph and np.count_nonzero((marks > start) & (marks < spans[i][1])) < 2:
                target = group
            break  # the nearest part on this line decides
        if target is None:
            joined.append(parts[i])
        else:
            target.extend(parts[i])
    # EngFormatter writes its unit on every label: one join alone is a rotated axis label's lone
    # letter ("y") beside the label at its middle, not a unit
    return joined if len(parts) - len(joined) >= 2 else [list(g) for g in groups]


def category_labels(texts: list[tuple[str, float]], centres: np.ndarray) -> list[str] | None:
    """The word labels of an axis, one per cell, when one stands at each cell's centre; else None.

    ``texts``: ``(text, position)`` of the labels that read as no number;
    ``centres``: the cells' centres along the axis (image pixels).

    Examples
    --------
    >>> category_labels([("Mon", 10.2), ("Tue", 30.0), ("", 35.0), ("Wed", 49.6)], np.array([10.0, 30.0, 50.0]))
    ['Mon', 'Tue', 'Wed']
    >>> category_labels([("Mon", 10.2), ("Wed", 49.6)], np.array([10.0, 30.0, 50.0])) is None
    True
    """
    words = sorted((p, t.strip()) for t, p in texts if t.strip())
    if len(words) != len(centres) or len(centres) < 2:
        return None
    order = np.sort(centres)
    half = float(np.min(np.diff(order))) / 2.0
    if any(abs(p - c) > half for (p, _), c in zip(words, order, strict=True)):
        return None
    labels = [t for _, t in words]
    return labels if centres[0] <= centres[-1] else labels[::-1]
