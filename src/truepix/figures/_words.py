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


def _in_columns(spans: np.ndarray, lines: np.ndarray, glyph: float) -> np.ndarray:
    """Whether each part has a neighbour right beside it across the text (a rotated label's glyph).

    ``spans``, ``lines``: (N, 2) extents along and across the text. Compared in
    blocks of rows: a strip beside a colorbar may hold a heatmap's thousands of
    annotation glyphs.
    """
    out = np.zeros(len(spans), dtype=bool)
    for start in range(0, len(spans), 512):
        rows = slice(start, start + 512)
        s0, s1 = spans[rows, None, 0], spans[rows, None, 1]
        l0, l1 = lines[rows, None, 0], lines[rows, None, 1]
        along = np.minimum(s1, spans[None, :, 1]) > np.maximum(s0, spans[None, :, 0])
        apart = np.maximum(l0, lines[None, :, 0]) - np.minimum(l1, lines[None, :, 1])
        beside = along & (apart <= 0.45 * glyph)
        beside[np.arange(beside.shape[0]), np.arange(start, start + beside.shape[0])] = False
        out[rows] = beside.any(axis=1)
    return out


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
    span_array = np.array(spans, dtype=np.float64).reshape(-1, 2)
    in_column = _in_columns(span_array, np.array(lines, dtype=np.float64).reshape(-1, 2), glyph)
    order = sorted(range(len(parts)), key=lambda i: spans[i][0])
    joined: list[list[int]] = []
    extents: list[list[int]] = []  # each joined group's line start, line end, span start, span end
    for i in order:
        line = lines[i]
        if line[1] - line[0] > 1.4 * glyph or in_column[i]:
            joined.append(parts[i])
            extents.append([*line, *spans[i]])
            continue
        target = None
        for k in range(len(joined) - 1, -1, -1):
            g0, g1, start, end = extents[k]
            overlap = min(g1, line[1]) - max(g0, line[0])
            if g1 - g0 > 1.4 * glyph or overlap < 0.5 * min(g1 - g0, line[1] - line[0]):
                continue
            gap = spans[i][0] - end
            # a label stands on one tick mark: two under the joined parts make them two labels
            if gap <= _WORD_SPACE * glyph and np.count_nonzero((marks > start) & (marks < spans[i][1])) < 2:
                target = k
            break  # the nearest part on this line decides
        if target is None:
            joined.append(parts[i])
            extents.append([*line, *spans[i]])
        else:
            joined[target].extend(parts[i])
            g0, g1, start, end = extents[target]
            s0, s1 = spans[i]
            extents[target] = [min(g0, line[0]), max(g1, line[1]), min(start, s0), max(end, s1)]
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
