"""numba kernels for the shape of what is off the map (the friendly layer is ``_plan``).

JPEG'd annotations are structures: their clearly foreign pixels touch
(``core_groups``), and they are strokes of one color, so the off-map decision
follows the pixels of a core's luma (``grow_similar``). The numpy oracles, by
scipy's labelling, are in ``_oracle``.

Both visit only *candidate* pixels -- a sorted list of flat indices, the few per
cent of a picture past the residual threshold -- and keep their per-pixel state in
arrays along that list; a neighbour is found in it by a binary search within its
row (``_row_starts``), so no full-size array is made or touched.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT

__all__ = ["core_groups", "grow_similar", "speck_share"]


@nb.njit(**_JIT)
def _row_starts(candidates, width, height):  # pragma: no cover - jitted
    """``starts[y]``: the first candidate in row y or later (``height + 1`` entries)."""
    starts = np.empty(height + 1, np.int64)
    n = candidates.shape[0]
    k = 0
    for y in range(height + 1):
        while k < n and candidates[k] < y * width:
            k += 1
        starts[y] = k
    return starts


@nb.njit(**_JIT)
def _slot_of(q, candidates, starts, width):  # pragma: no cover - jitted
    """Where flat index q is in ``candidates``, or -1: a binary search in q's row."""
    row = q // width
    lo = starts[row]
    stop = hi = starts[row + 1]
    while lo < hi:
        mid = (lo + hi) >> 1
        if candidates[mid] < q:
            lo = mid + 1
        else:
            hi = mid
    if lo < stop and candidates[lo] == q:
        return lo
    return -1


@nb.njit(**_JIT)
def grow_similar(  # pragma: no cover - jitted
    pixels, scale, ycc, candidates, labels, n_groups, through, width, tolerance, out
):
    """Mark in ``out`` each group of ``labels`` (per candidate; 0: none) and the
    ``through`` candidates 8-connected to it through ``through`` candidates whose luma
    (``ycc`` row 0) is within ``tolerance`` DN of the group's mean luma.

    ``candidates``: sorted flat indices into rows of ``width`` (``pixels``' pixels).
    One breadth-first search per group, each
    with its own visited mark: the result is the union over groups, whatever their
    order.
    """
    n = candidates.shape[0]
    height = pixels.shape[0] // width
    starts = _row_starts(candidates, width, height)
    total = np.zeros(n_groups, np.float64)
    count = np.zeros(n_groups, np.int64)
    for k in range(n):
        g = labels[k]
        if g > 0:
            p = candidates[k]
            total[g] += (ycc[0, 0] * pixels[p, 0] + ycc[0, 1] * pixels[p, 1]
                         + ycc[0, 2] * pixels[p, 2]) * scale  # fmt: skip
            count[g] += 1
    start = np.zeros(n_groups + 1, np.int64)  # the groups' candidates, sorted by group
    for g in range(n_groups):
        start[g + 1] = start[g] + count[g]
    members = np.empty(start[n_groups], np.int64)
    fill = start[:-1].copy()
    for k in range(n):
        g = labels[k]
        if g > 0:
            members[fill[g]] = k
            fill[g] += 1
    stamp = np.zeros(n, np.int64)
    queue = np.empty(n, np.int64)
    for g in range(1, n_groups):
        if count[g] == 0:
            continue
        reference = total[g] / count[g]
        size = 0
        for i in range(start[g], start[g + 1]):
            k = members[i]
            stamp[k] = g
            out[k] = True
            queue[size] = k
            size += 1
        head = 0
        while head < size:
            p = candidates[queue[head]]
            head += 1
            y, x = p // width, p % width
            for yy in range(max(0, y - 1), min(height, y + 2)):
                for xx in range(max(0, x - 1), min(width, x + 2)):
                    q = yy * width + xx
                    s = _slot_of(q, candidates, starts, width)
                    if s < 0 or stamp[s] == g or not through[s]:
                        continue
                    luma = (ycc[0, 0] * pixels[q, 0] + ycc[0, 1] * pixels[q, 1]
                            + ycc[0, 2] * pixels[q, 2]) * scale  # fmt: skip
                    if abs(luma - reference) > tolerance:
                        continue
                    stamp[s] = g
                    out[s] = True
                    queue[size] = s
                    size += 1


@nb.njit(**_JIT)
def core_groups(  # pragma: no cover - jitted
    cores, distance, candidates, width, height, min_pixels, foreign, out
):
    """Label in ``out`` the 8-connected groups of ``cores`` candidates that count:
    ``min_pixels`` or more, or one farther than ``foreign`` (in ``distance``); 0
    elsewhere. Returns one more than the largest label.

    ``cores``, ``distance`` and ``out`` are per candidate; ``candidates`` are sorted
    flat indices into rows of ``width``.
    """
    n = candidates.shape[0]
    starts = _row_starts(candidates, width, height)
    queue = np.empty(n, np.int64)
    out[:] = 0
    n_groups = 0
    for seed in range(n):
        if not cores[seed] or out[seed] != 0:
            continue
        n_groups += 1
        out[seed] = n_groups
        queue[0] = seed
        size = 1
        head = 0
        far = distance[seed] > foreign
        while head < size:
            p = candidates[queue[head]]
            head += 1
            y, x = p // width, p % width
            for yy in range(max(0, y - 1), min(height, y + 2)):
                for xx in range(max(0, x - 1), min(width, x + 2)):
                    s = _slot_of(yy * width + xx, candidates, starts, width)
                    if s >= 0 and cores[s] and out[s] == 0:
                        out[s] = n_groups
                        far = far or distance[s] > foreign
                        queue[size] = s
                        size += 1
        if size < min_pixels and not far:
            for k in range(size):
                out[queue[k]] = -1  # visited, not counted
    for k in range(n):
        out[k] = max(out[k], 0)
    return n_groups + 1


def speck_share(mask: np.ndarray, min_pixels: int, through: np.ndarray | None = None) -> float:
    """Share of the ``mask`` pixels (2-D) in 8-connected groups of fewer than
    ``min_pixels``, the groups joined through the ``through`` pixels too (a superset
    of ``mask``; default ``mask``): 0 for an empty mask."""
    through = mask if through is None else through
    candidates = np.flatnonzero(through)
    counted = mask.reshape(-1)[candidates]
    if not counted.any():
        return 0.0
    groups = np.empty(len(candidates), dtype=np.int64)
    height, width = mask.shape
    core_groups(
        np.ones(len(candidates), dtype=bool), np.zeros(len(candidates)), candidates, width,
        height, min_pixels, np.inf, groups,
    )  # fmt: skip
    return float(np.count_nonzero((groups == 0) & counted) / np.count_nonzero(counted))
