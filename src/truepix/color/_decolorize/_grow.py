"""numba kernels for the shape of what is off the map (the friendly layer is ``_plan``).

JPEG'd annotations are structures: their clearly foreign pixels touch
(``core_groups``), and they are strokes of one color, so the off-map decision
follows the pixels of a core's luma (``grow_similar``). The numpy oracles, by
scipy's labelling, are in ``_oracle``.

Both visit only *candidate* pixels -- a sorted list of flat indices, the few per
cent of a picture past the residual threshold -- and keep their per-pixel state in
arrays along that list; a neighbour is found in it by a binary search within its
row (``_row_starts``), or, for all candidates at once, by walking the rows
(``_through_neighbours``), so no full-size array is made or touched.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize._kernels import _JIT

__all__ = [
    "core_groups", "counted_groups", "dilated", "grow_similar", "joined", "on_segment",
    "speck_share",
]

#: ``grow_similar`` searches group by group until they have visited this many times
#: the candidates, then sweeps (``_sweep``): hundreds of groups in one large off-map
#: region (a picture decoded with the wrong map) visit each of its pixels hundreds
#: of times.
SEARCH_VISITS = 8

#: ``dilated`` stamps each mark's square while the squares cover at most this share
#: of the picture per whole-mask shift the other way would make: stamping won below
#: 0.1 - 0.2 per pass (radius 1: 2 passes, crossover 0.2 of the picture; radius 3:
#: 4 passes, 0.4 - 0.8; radius 6: 6, 0.8 - 1.6; radius 16: 10, above 1.6), on
#: 256^2, 640 x 480 and 1 MP random masks; the lower end, as large masks cross lower.
DILATE_STAMP_COVER = 0.1


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
def _first_at(q, candidates, starts, width):  # pragma: no cover - jitted
    """The first slot of ``candidates`` at flat index q or later in q's row (the
    row's end if none): a binary search in q's row."""
    row = q // width
    lo = starts[row]
    hi = starts[row + 1]
    while lo < hi:
        mid = (lo + hi) >> 1
        if candidates[mid] < q:
            lo = mid + 1
        else:
            hi = mid
    return lo


@nb.njit(**_JIT)
def _lumas(pixels, scale, ycc, candidates):  # pragma: no cover - jitted
    """Each candidate's luma (``ycc`` row 0), in DN times ``scale``."""
    luma = np.empty(candidates.shape[0], np.float64)
    for k in range(candidates.shape[0]):
        p = candidates[k]
        luma[k] = (ycc[0, 0] * pixels[p, 0] + ycc[0, 1] * pixels[p, 1]
                   + ycc[0, 2] * pixels[p, 2]) * scale  # fmt: skip
    return luma


@nb.njit(**_JIT)
def _group_members(labels, n_groups, luma):  # pragma: no cover - jitted
    """Each group's mean luma (NaN: no members), and its members: ``members[start[g]:
    start[g + 1]]``, in candidate order."""
    total = np.zeros(n_groups, np.float64)
    count = np.zeros(n_groups, np.int64)
    for k in range(labels.shape[0]):
        g = labels[k]
        if g > 0:
            total[g] += luma[k]
            count[g] += 1
    start = np.zeros(n_groups + 1, np.int64)
    for g in range(n_groups):
        start[g + 1] = start[g] + count[g]
    members = np.empty(start[n_groups], np.int64)
    fill = start[:-1].copy()
    for k in range(labels.shape[0]):
        g = labels[k]
        if g > 0:
            members[fill[g]] = k
            fill[g] += 1
    reference = np.full(n_groups, np.nan)
    for g in range(1, n_groups):
        if count[g] > 0:
            reference[g] = total[g] / count[g]
    return reference, start, members


@nb.njit(**_JIT)
def grow_similar(  # pragma: no cover - jitted
    pixels, scale, ycc, candidates, labels, n_groups, through, width, tolerance, out
):
    """Mark in ``out`` each group of ``labels`` (per candidate; 0: none) and the
    ``through`` candidates 8-connected to it through ``through`` candidates whose luma
    (``ycc`` row 0) is within ``tolerance`` DN of the group's mean luma.

    ``candidates``: sorted flat indices into rows of ``width`` (``pixels``' pixels).
    The union over groups of what one breadth-first search per group reaches
    (``_grow_each``); past SEARCH_VISITS per candidate, the searches give way to one
    sweep over the groups by their mean luma (``_sweep``) with the same answer:
    hundreds of groups over one large off-map region cost groups x region by
    searches, and about region x log(groups) by the sweep.
    """
    # most pictures' searches stay small: the sweep's sort costs more than they do
    budget = SEARCH_VISITS * candidates.shape[0] + 65536
    _grow(pixels, scale, ycc, candidates, labels, n_groups, through, width, tolerance, budget,
          out)  # fmt: skip


@nb.njit(**_JIT)
def _grow(  # pragma: no cover - jitted
    pixels, scale, ycc, candidates, labels, n_groups, through, width, tolerance, budget, out
):
    """``grow_similar`` by searches until they have visited ``budget`` candidates
    (-1: no limit), then by the sweep; searches alone where a luma is not finite."""
    n = candidates.shape[0]
    if n == 0:
        return
    luma = _lumas(pixels, scale, ycc, candidates)
    reference, start, members = _group_members(labels, n_groups, luma)
    finite = np.isfinite(tolerance)
    for k in range(n):
        finite = finite and (np.isfinite(luma[k]) or not (through[k] or labels[k] > 0))
    for g in range(1, n_groups):
        finite = finite and (start[g + 1] == start[g] or np.isfinite(reference[g]))
    height = pixels.shape[0] // width
    starts = _row_starts(candidates, width, height)
    neighbours = _through_neighbours(candidates, through, width, starts)
    if not finite:  # (a NaN luma is within tolerance of every group: no sweep order)
        budget = -1
    if not _grow_each(luma, reference, start, members, neighbours, tolerance, budget, out):
        _sweep(luma, reference, start, members, through, neighbours, tolerance, out)


@nb.njit(**_JIT)
def _grow_each(  # pragma: no cover - jitted
    luma, reference, start, members, neighbours, tolerance, budget, out
):
    """``grow_similar`` by one breadth-first search per group, each with its own
    visited mark: the result is the union over groups, whatever their order.

    ``neighbours``: per candidate, its through neighbours (``_through_neighbours``).
    Stops once the searches have visited more than ``budget`` candidates (-1: never)
    and returns False: what is marked then is marked rightly, but not all of it.
    """
    n = luma.shape[0]
    visits = 0
    stamp = np.zeros(n, np.int64)
    queue = np.empty(n, np.int64)
    for g in range(1, reference.shape[0]):
        size = 0
        for i in range(start[g], start[g + 1]):
            k = members[i]
            stamp[k] = g
            out[k] = True
            queue[size] = k
            size += 1
        head = 0
        while head < size:
            visits += 1
            if visits > budget >= 0:
                return False
            k = queue[head]
            head += 1
            for j in range(8):
                s = neighbours[k, j]
                if s < 0:
                    break
                if stamp[s] == g or abs(luma[s] - reference[g]) > tolerance:
                    continue
                stamp[s] = g
                out[s] = True
                queue[size] = s
                size += 1
    return True


@nb.njit(**_JIT)
def _through_neighbours(candidates, through, width, starts):  # pragma: no cover - jitted
    """Per candidate: its 8-connected ``through`` neighbours among the candidates
    (-1: no more), found walking the rows above, at and below along x."""
    height = starts.shape[0] - 1
    neighbours = np.full((candidates.shape[0], 8), -1, np.int32)
    walk = np.empty(3, np.int64)  # per row y - 1, y, y + 1: the next candidate to pass
    for y in range(height):
        for r in range(3):
            walk[r] = starts[min(max(y + r - 1, 0), height)]
        for k in range(starts[y], starts[y + 1]):
            x = candidates[k] - y * width
            n_found = 0
            for r in range(3):
                row = y + r - 1
                if row < 0 or row >= height:
                    continue
                while walk[r] < starts[row + 1] and candidates[walk[r]] < row * width + x - 1:
                    walk[r] += 1
                j = walk[r]
                while j < starts[row + 1] and candidates[j] <= row * width + min(x + 1, width - 1):
                    if j != k and through[j]:
                        neighbours[k, n_found] = j
                        n_found += 1
                    j += 1
    return neighbours


@nb.njit(**_JIT)
def _windows(luma, reference, through, tolerance):  # pragma: no cover - jitted
    """The ``through`` candidates by luma (``order``; ``position``: where each is in
    it, -1 if not through), the groups with members by mean luma (``ranked``), and
    each ranked group's window: the positions ``first[i]..last[i]`` within
    ``tolerance`` of its mean luma.

    ``abs(luma - mean) > tolerance`` (the search's own test on finite lumas) fails
    for a run of lumas in order, and the run moves up with the mean: a candidate is
    within tolerance of the ranked groups ``i`` whose windows hold it, one run of them.
    """
    idx = np.flatnonzero(through)
    order = idx[np.argsort(luma[idx], kind="mergesort")]
    position = np.full(luma.shape[0], -1, np.int64)
    for p in range(order.shape[0]):
        position[order[p]] = p
    sorted_luma = luma[order]
    has = np.flatnonzero(~np.isnan(reference))
    ranked = has[np.argsort(reference[has], kind="mergesort")]
    first = np.empty(ranked.shape[0], np.int64)
    last = np.empty(ranked.shape[0], np.int64)
    for i in range(ranked.shape[0]):
        mean = reference[ranked[i]]
        lo, hi = 0, order.shape[0]  # the first luma not too low: luma - mean >= -tolerance
        while lo < hi:
            mid = (lo + hi) >> 1
            if sorted_luma[mid] - mean < -tolerance:
                lo = mid + 1
            else:
                hi = mid
        first[i] = lo
        hi = order.shape[0]  # the first luma too high: luma - mean > tolerance
        while lo < hi:
            mid = (lo + hi) >> 1
            if sorted_luma[mid] - mean > tolerance:
                hi = mid
            else:
                lo = mid + 1
        last[i] = lo - 1
    return order, position, ranked, first, last


@nb.njit(**_JIT)
def _sweep(  # pragma: no cover - jitted
    luma, reference, start, members, through, neighbours, tolerance, out
):
    """``grow_similar`` for finite lumas: what each group's search would reach, from a
    tree over the groups ranked by mean luma.

    A node of the tree (a run of ranked groups) joins, in a union-find, the
    ``through`` candidates in the windows of all its groups that its parent did not
    (each candidate in about 2 log2(groups) nodes); at a leaf, the group's members
    join too and each member's set counts one; leaving a node undoes its joins, the
    counts staying with the candidates that were in the set. A candidate with a
    count is in some group's search, and only then.
    """
    order, position, ranked, first, last = _windows(luma, reference, through, tolerance)
    if ranked.shape[0] == 0:
        return
    n = luma.shape[0]
    # union-find nodes: the through candidates by position, then the other members
    node = position.copy()
    n_nodes = order.shape[0]
    for k in members:
        if node[k] < 0:
            node[k] = n_nodes
            n_nodes += 1
    near = np.full((order.shape[0], 8), -1, np.int32)  # the neighbours' positions
    for p in range(order.shape[0]):
        for j in range(8):
            if neighbours[order[p], j] < 0:
                break
            near[p, j] = position[neighbours[order[p], j]]
    sets = (np.arange(n_nodes), np.ones(n_nodes, np.int64), np.zeros(n_nodes, np.int64),
            np.empty(n_nodes, np.int64))  # fmt: skip  (parent, size, tag, history)
    # int64 zeros, not literal ones: numba compiles a kernel called with a constant
    # once for that constant (Literal[int](0)), again for the variable
    zero, enter = np.int64(0), np.int64(-1)
    n_history = zero
    # depth first: lo, hi (ranks), the parent's window, and the mark to undo to (-1: enter)
    stack = np.empty((256, 5), np.int64)
    depth = _push(stack, zero, zero, np.int64(ranked.shape[0] - 1), zero, enter)
    while depth > 0:
        depth -= 1
        lo, hi, above_first, above_last, mark = stack[depth]
        if mark >= 0:
            n_history = _undo(sets, n_history, mark)
            continue
        stack[depth, 4] = n_history
        depth += 1
        low, high = first[hi], last[lo]  # the windows' common part (they move up with rank)
        if above_first > above_last:
            n_history = _join(low, high, low, high, zero, enter, near, sets, n_history)
        else:  # the parent's common part lies within this one
            for begin, end in ((low, above_first - 1), (above_last + 1, high)):
                n_history = _join(begin, end, low, high, above_first, above_last, near, sets,
                                  n_history)  # fmt: skip
        if lo == hi:
            group = ranked[lo]
            n_history = _leaf(members[start[group]:start[group + 1]], low, high, position,
                              node, neighbours, sets, n_history)  # fmt: skip
        else:
            mid = (lo + hi) >> 1
            depth = _push(stack, depth, mid + 1, hi, low, high)
            depth = _push(stack, depth, lo, mid, low, high)
    tag = sets[2]
    for k in range(n):
        if node[k] >= 0 and tag[node[k]] > 0:
            out[k] = True


@nb.njit(**_JIT)
def _push(stack, depth, lo, hi, above_first, above_last):  # pragma: no cover - jitted
    stack[depth, 0] = lo
    stack[depth, 1] = hi
    stack[depth, 2] = above_first
    stack[depth, 3] = above_last
    stack[depth, 4] = -1
    return depth + 1


@nb.njit(**_JIT)
def _join(  # pragma: no cover - jitted
    begin, end, low, high, above_first, above_last, neighbours, sets, n_history
):
    """Join the through candidates at positions ``begin..end`` to their neighbours at
    positions ``low..high``; those outside ``above_first..above_last`` join too, each
    pair once."""
    parent = sets[0]
    for p in range(begin, end + 1):
        root = -1
        for j in range(8):
            q = np.int64(neighbours[p, j])  # (int32: one _find for both)
            if q < 0:
                break
            if q < low or q > high:
                continue
            if q > p and not above_first <= q <= above_last:
                continue  # q joins p
            if root < 0:
                root = _find(parent, p)
            n_history, root = _link(sets, n_history, root, _find(parent, q))
    return n_history


@nb.njit(**_JIT)
def _leaf(  # pragma: no cover - jitted
    group_members, low, high, position, node, neighbours, sets, n_history
):
    """Join the group's members to their neighbours in its window (positions
    ``low..high``) and count one on each member's set (members that touch need not
    join: each counts)."""
    for k in group_members:
        if low <= position[k] <= high:
            continue  # joined already
        for j in range(8):
            s = neighbours[k, j]
            if s < 0:
                break
            if low <= position[s] <= high:
                n_history = _union(sets, n_history, node[k], position[s])
    parent, tag = sets[0], sets[2]
    for k in group_members:
        tag[_find(parent, node[k])] += 1
    return n_history


@nb.njit(**_JIT)
def _find(parent, v):  # pragma: no cover - jitted
    while parent[v] != v:
        v = parent[v]
    return v


@nb.njit(**_JIT)
def _union(sets, n_history, a, b):  # pragma: no cover - jitted
    """Join a's and b's sets; see ``_link``."""
    return _link(sets, n_history, _find(sets[0], a), _find(sets[0], b))[0]


@nb.njit(**_JIT)
def _link(sets, n_history, a, b):  # pragma: no cover - jitted
    """Join the sets of roots a and b (by size, no path compression: undone by
    ``_undo``); returns the history's length and the joined root.

    ``sets``: parent, size, tag and history per node. A node's count is the sum of
    ``tag`` up to its root, so the joined root's tag is made relative to its new
    parent, and a count added at a root reaches the set.
    """
    parent, size, tag, history = sets
    if a == b:
        return n_history, a
    if size[a] > size[b]:
        a, b = b, a
    parent[a] = b
    size[b] += size[a]
    tag[a] -= tag[b]
    history[n_history] = a
    return n_history + 1, b


@nb.njit(**_JIT)
def _undo(sets, n_history, mark):  # pragma: no cover - jitted
    """Split the sets joined since ``mark``, latest first; each part keeps the counts
    its set got while joined."""
    parent, size, tag, history = sets
    while n_history > mark:
        n_history -= 1
        a = history[n_history]
        b = parent[a]
        tag[a] += tag[b]
        size[b] -= size[a]
        parent[a] = a
    return n_history


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
                # the row's candidates from x - 1 to x + 1, in order: one search a row
                first = yy * width + max(0, x - 1)
                last = yy * width + min(width - 1, x + 1)
                s = _first_at(first, candidates, starts, width)
                stop = starts[yy + 1]
                while s < stop and candidates[s] <= last:
                    if cores[s] and out[s] == 0:
                        out[s] = n_groups
                        far = far or distance[s] > foreign
                        queue[size] = s
                        size += 1
                    s += 1
        if size < min_pixels and not far:
            for k in range(size):
                out[queue[k]] = -1  # visited, not counted
    for k in range(n):
        out[k] = max(out[k], 0)
    return n_groups + 1


def counted_groups(
    cores: np.ndarray, distance: np.ndarray, candidates: np.ndarray, width: int, height: int,
    min_pixels: int, foreign: float, out: np.ndarray,
) -> int:  # fmt: skip
    """:func:`core_groups`, its answer without the kernel where no candidate is a core:
    an all-data picture's candidates hold none or a few, and in a fresh process the
    kernel costs its load from numba's cache (about 10 ms)."""
    if not cores.any():
        out[:] = 0
        return 1
    return int(
        core_groups(cores, distance, candidates, width, height, min_pixels, foreign, out)
    )


def groups_of(candidates: np.ndarray, width: int, height: int, min_pixels: int = 1) -> np.ndarray:
    """The 8-connected group of each of ``candidates`` (sorted flat indices into a
    height x width picture): a label > 0 shared by its group, 0 for a pixel in a group
    of fewer than ``min_pixels`` (:func:`core_groups` with every candidate a core)."""
    groups = np.empty(len(candidates), dtype=np.int64)
    core_groups(
        np.ones(len(candidates), dtype=bool), np.zeros(len(candidates)), candidates, width,
        height, min_pixels, np.inf, groups,
    )  # fmt: skip
    return groups


def speck_share(mask: np.ndarray, min_pixels: int, through: np.ndarray | None = None) -> float:
    """Share of the ``mask`` pixels (2-D) in 8-connected groups of fewer than
    ``min_pixels``, the groups joined through the ``through`` pixels too (a superset
    of ``mask``; default ``mask``): 0 for an empty mask."""
    through = mask if through is None else through
    candidates = np.flatnonzero(through)
    counted = mask.reshape(-1)[candidates]
    if not counted.any():
        return 0.0
    height, width = mask.shape
    groups = groups_of(candidates, width, height, min_pixels)
    return float(np.count_nonzero((groups == 0) & counted) / np.count_nonzero(counted))


def joined(mask: np.ndarray, through: np.ndarray, rings: int) -> np.ndarray:
    """``mask`` (2-D) and the ``through`` pixels 8-connected to it through ``through``
    pixels within ``rings`` steps: an antialiased stroke's faint edge off the table,
    3-6 px from its foreign pixels where its color is near the map's."""
    out = mask.copy()
    for _ in range(rings):
        grown = out.copy()
        grown[1:] |= out[:-1]
        grown[:-1] |= out[1:]
        wide = grown.copy()
        wide[:, 1:] |= grown[:, :-1]
        wide[:, :-1] |= grown[:, 1:]
        more = wide & through & ~out
        if not more.any():
            break
        out |= more
    return out


def on_segment(
    pixel: np.ndarray, start: np.ndarray, end: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where colors ``pixel`` project on the segments ``start``-``end`` (t in [0, 1]),
    their squared distance (DN^2) to that point, and the segments' squared length."""
    segment = end - start
    length2 = np.einsum("...c,...c", segment, segment)
    offset = pixel - start
    along = np.einsum("...c,...c", offset, segment) / np.maximum(length2, np.float32(1e-6))
    t = np.clip(along, 0.0, 1.0)
    gap = offset - t[..., None] * segment
    return t, np.einsum("...c,...c", gap, gap), length2


def dilated(mask: np.ndarray, radius: int, shape: tuple | None = None) -> np.ndarray:
    """``mask`` dilated by a (2 radius + 1)^2 square, the picture's edge included (a flat
    ``mask``, or any, with its picture's ``shape``: flat).

    Few marks stamp their squares (``_degraded.near``: costs what the marks are);
    where the squares would cover more than DILATE_STAMP_COVER of the picture per pass
    of the other way, the whole mask is shifted rows, then columns, in steps of 1, 2,
    4 ... px (a dilation by ``reach`` then by at most ``reach + 1`` is one by their
    sum: 2 log2(radius) passes, not 2 radius; a megapixel, radius 16: 6.4 -> 2.5 ms).
    """
    height, width = mask.shape if shape is None else shape
    side = 2 * radius + 1
    marks = np.count_nonzero(mask)
    # (the shifts below, per axis: 1, 2, 4 ... px to the radius or the edge)
    passes = sum(min(radius, size - 1).bit_length() for size in (height, width))
    cover = DILATE_STAMP_COVER * passes * mask.size
    if marks * side * side <= cover:
        grown = np.zeros(mask.size, dtype=bool)
        if marks:
            degraded.near(np.flatnonzero(mask), width, height, radius, grown)
        return grown if shape is not None else grown.reshape(mask.shape)
    out = mask.reshape(height, width).copy()
    for axis, size in ((0, height), (1, width)):
        reach = 0
        while reach < min(radius, size - 1):
            step = min(reach + 1, radius - reach)
            ahead = [slice(None)] * 2
            behind = [slice(None)] * 2
            ahead[axis], behind[axis] = slice(step, None), slice(None, -step)
            grown = out.copy()
            grown[tuple(ahead)] |= out[tuple(behind)]
            grown[tuple(behind)] |= out[tuple(ahead)]
            out = grown
            reach += step
    return out.ravel() if shape is not None else out
