"""Loops of ``_overlays``: its edge pairs and its RANSAC votes, one pass each.

:func:`pair_scan` is ``_overlays.edge_pairs``' arithmetic on one axis (the same pairs,
in the same order, as its slices of the plot area did); :func:`blend_votes` counts, per
hypothesis ``(a, b)``, the pairs within ``fit`` of ``q = a o + b`` without the (K, S, 3)
temporaries its broadcast made (a JPEG'd 600 x 800 figure: 600 hypotheses x 4000 pairs,
58 MB a model). Both compute what those expressions did, in their order (float32
residuals compared in float32; squares summed channel by channel): the same answers.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._vertex import _JIT

__all__ = ["blend_votes", "pair_scan"]


@nb.njit(**_JIT)
def pair_scan(
    area, residual, axis, k, m, edge, plateau, on_map, off, gain, neighbours
):  # pragma: no cover - jitted
    """``(data (N, 3) uint8, blend (N, 3) uint8, where (N,) int64)``: the pairs ``k``
    apart along ``axis`` (1: rows, 0: columns) of ``area`` (H, W, 3 uint8) whose
    colors step ``edge`` DN or more, each side flat within ``plateau`` DN ``m`` px
    beyond, one side ``on_map`` DN or less from the map (``residual``, float32), the
    other ``off`` or more and ``gain`` more, with more than ``neighbours`` such pairs'
    blended pixels in its 3 x 3 (rows, then columns of the pairs' grid, as raveled)."""
    height, width = residual.shape
    span = 2 * m + k
    rows, cols = (height, width - span) if axis == 1 else (height - span, width)
    n = max(rows, 0) * max(cols, 0)
    keep = np.zeros(n, dtype=np.bool_)
    where = np.empty(n, dtype=np.int64)
    flip = np.zeros(n, dtype=np.bool_)
    marked = np.zeros((height, width), dtype=np.int32)
    off32, on32, gain32 = np.float32(off), np.float32(on_map), np.float32(gain)
    for i in range(rows):
        for j in range(cols):
            if axis == 1:
                y0 = y1 = y2 = y3 = i
                x0, x1, x2, x3 = j, j + m, j + m + k, j + span
            else:
                x0 = x1 = x2 = x3 = j
                y0, y1, y2, y3 = i, i + m, i + m + k, i + span
            step = 0
            for c in range(3):
                step = max(step, abs(np.int16(area[y1, x1, c]) - np.int16(area[y2, x2, c])))
            if step < edge:  # (most pairs: read no further)
                continue
            flat_p, flat_q = 0, 0
            for c in range(3):
                p, q = np.int16(area[y1, x1, c]), np.int16(area[y2, x2, c])
                flat_p = max(flat_p, abs(p - np.int16(area[y0, x0, c])))
                flat_q = max(flat_q, abs(q - np.int16(area[y3, x3, c])))
            if flat_p > plateau or flat_q > plateau:
                continue
            rp, rq = residual[y1, x1], residual[y2, x2]
            low, high = min(rp, rq), max(rp, rq)
            if not (low <= on32 and high >= off32 and high >= np.float32(low + gain32)):
                continue
            at = i * cols + j
            keep[at] = True
            flip[at] = rq < rp
            where[at] = y1 * width + x1 if rq < rp else y2 * width + x2
            marked[where[at] // width, where[at] % width] = 1
    count = 0
    for at in range(n):
        if keep[at]:
            y, x = where[at] // width, where[at] % width
            total = 0
            for yy in range(max(y - 1, 0), min(y + 2, height)):
                for xx in range(max(x - 1, 0), min(x + 2, width)):
                    total += marked[yy, xx]
            keep[at] = total > neighbours
            count += keep[at]
    data = np.empty((count, 3), dtype=np.uint8)
    blend = np.empty((count, 3), dtype=np.uint8)
    found = np.empty(count, dtype=np.int64)
    out = 0
    for at in range(n):
        if not keep[at]:
            continue
        i, j = at // cols, at % cols
        if axis == 1:
            yp, xp, yq, xq = i, j + m, i, j + m + k
        else:
            yp, xp, yq, xq = i + m, j, i + m + k, j
        if flip[at]:
            yp, xp, yq, xq = yq, xq, yp, xp
        for c in range(3):
            data[out, c] = area[yp, xp, c]
            blend[out, c] = area[yq, xq, c]
        found[out] = where[at]
        out += 1
    return data, blend, found


@nb.njit(**_JIT)
def blend_votes(a, b, o, q, fit2):  # pragma: no cover - jitted
    """Per hypothesis ``(a[i], b[i])`` (K,), (K, 3): the pairs (rows of ``o``, ``q``,
    (S, 3) float64) with ``|q - a o - b|^2 <= fit2``."""
    votes = np.zeros(len(a), dtype=np.int64)
    for i in range(len(a)):
        count = 0
        for s in range(len(o)):
            d0 = q[s, 0] - a[i] * o[s, 0] - b[i, 0]
            d1 = q[s, 1] - a[i] * o[s, 1] - b[i, 1]
            d2 = q[s, 2] - a[i] * o[s, 2] - b[i, 2]
            if d0 * d0 + d1 * d1 + d2 * d2 <= fit2:
                count += 1
        votes[i] = count
    return votes
