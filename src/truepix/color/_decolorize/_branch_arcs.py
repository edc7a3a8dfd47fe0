"""The local arc of a pixel for ``_branches.rebranch``: the positions its neighbours hold.

A pixel's arc is the range of positions of the anchors (pixels whose residual is at
most a threshold) within a radius; on a cyclic map, the shortest arc of the circle
holding them all. ``_hull._local_arc`` defines it; these compute the same numbers
faster where ``rebranch`` reads many arcs: the cyclic case without a sort, a map that
is not cyclic from each pixel's anchor test made once, and whether one position is
in the widened arc with a stop as soon as it is.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT

__all__ = ["anchor_ends", "local_arc", "reaches"]


# (no reference counts on the arrays passed: they make none, and ``rebranch`` calls them
# per block; see ``_branches``)
@nb.njit(_nrt=False, **_JIT)
def _cyclic_arc(found, n, buckets):  # pragma: no cover - jitted
    """The shortest arc of the circle holding the ``n`` positions ``found`` (in [0, 1)):
    the circle minus the widest gap between neighbours, the first of equals in circle
    order from the seam -- as ``_hull._local_arc`` has it, without sorting.

    The n gaps add up to 1, so the widest is at least 1 / n; with 2 n buckets, two
    positions in one bucket lie less than 1 / (2 n) apart, so the widest gap runs
    between the highest position of one filled bucket and the lowest of the next.
    ``buckets`` (scratch, at least 2 n rows) holds each bucket's lowest and highest."""
    n_buckets = 2 * n
    for b in range(n_buckets):
        buckets[b, 0], buckets[b, 1] = np.inf, -np.inf
    for j in range(n):
        b = min(int(found[j] * n_buckets), n_buckets - 1)
        buckets[b, 0] = min(buckets[b, 0], found[j])
        buckets[b, 1] = max(buckets[b, 1], found[j])
    first = 0
    while buckets[first, 0] > buckets[first, 1]:
        first += 1
    last = n_buckets - 1
    while buckets[last, 0] > buckets[last, 1]:
        last -= 1
    lo, hi = buckets[first, 0], buckets[last, 1]  # the gap across the seam
    gap = buckets[first, 0] + 1.0 - buckets[last, 1]
    before = first
    for b in range(first + 1, last + 1):
        if buckets[b, 0] <= buckets[b, 1]:
            if buckets[b, 0] - buckets[before, 1] > gap:
                gap = buckets[b, 0] - buckets[before, 1]
                lo, hi = buckets[b, 0], buckets[before, 1] + 1.0
            before = b
    return lo, hi


@nb.njit(**_JIT)
def anchor_ends(position, residual, anchor, ends):  # pragma: no cover - jitted
    """Per pixel, its position where it is an anchor (residual at most ``anchor`` DN)
    into ``ends``; elsewhere NaN, which no extreme takes (one array, not a low and a
    high one: half the memory written and read; jet's 1 MP photograph q75, rebranch
    48 -> 40 ms on one thread)."""
    for p in range(position.shape[0]):
        anchored = residual[p] <= anchor and not math.isnan(position[p])
        ends[p] = position[p] if anchored else np.nan


@nb.njit(_nrt=False, **_JIT)
def local_arc(  # pragma: no cover - jitted
    position, residual, anchor, width, height, q, radius, cyclic, found, buckets, ends
):  # fmt: skip
    """Pixel q's local arc (``_hull._local_arc``): its cyclic case by ``_cyclic_arc``;
    a map not cyclic from ``ends`` where made (``anchor_ends``; empty: not made)."""
    x, y = q % width, q // width
    n = np.int64(0)  # (not a literal 0: numba would compile _cyclic_arc for it too)
    lo = np.inf
    hi = -np.inf
    if ends.shape[0] > 0:
        for yy in range(max(0, y - radius), min(height, y + radius + 1)):
            row = yy * width
            for p in range(row + max(0, x - radius), row + min(width, x + radius + 1)):
                v = ends[p]  # (NaN: not an anchor, no comparison true)
                lo = v if v < lo else lo
                hi = v if v > hi else hi
        return lo, hi
    for yy in range(max(0, y - radius), min(height, y + radius + 1)):
        for xx in range(max(0, x - radius), min(width, x + radius + 1)):
            p = yy * width + xx
            if residual[p] <= anchor and not math.isnan(position[p]):
                v = position[p]
                lo = min(lo, v)
                hi = max(hi, v)
                found[n] = v - math.floor(v)
                n += 1
    if cyclic and n > 1:
        return _cyclic_arc(found, n, buckets)
    return lo, hi


@nb.njit(_nrt=False, **_JIT)
def reaches(  # pragma: no cover - jitted
    position, residual, anchor, width, height, q, radius, margin, at, ends
):  # fmt: skip
    """Whether position ``at`` lies in pixel q's local arc widened by ``margin`` (a map
    that is not cyclic). Adding an anchor only widens the arc (its ends, and so the
    margin, only move out, in floating point too): the rows nearest q are read first,
    and the first that brings ``at`` in settles it."""
    x, y = q % width, q // width
    lo = np.inf
    hi = -np.inf
    for step in range(2 * radius + 1):
        yy = y + (step + 1) // 2 * (1 if step % 2 == 1 else -1)  # y, y + 1, y - 1, ...
        if yy < 0 or yy >= height:
            continue
        if ends.shape[0] > 0:
            row = yy * width
            for p in range(row + max(0, x - radius), row + min(width, x + radius + 1)):
                v = ends[p]
                lo = v if v < lo else lo
                hi = v if v > hi else hi
        else:
            for xx in range(max(0, x - radius), min(width, x + radius + 1)):
                p = yy * width + xx
                if residual[p] <= anchor and not math.isnan(position[p]):
                    lo = min(lo, position[p])
                    hi = max(hi, position[p])
        if lo <= hi:
            span = (hi - lo) * margin
            if lo - span <= at <= hi + span:
                return True
    return False
