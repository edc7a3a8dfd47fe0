"""Which of a map's luma branches JPEG'd pixels came from, read from their chroma.

JPEG keeps luma at every pixel and, at 4:2:0, one chroma per 2x2 block. A map whose
luma turns (jet, turbo: up to yellow, then down to dark red; cyclic maps) offers
several positions for one luma. The nearest color picks one per pixel, and where
chroma subsampling mixed a thin red line of a photograph with the cyan beside it into
gray, it picks the wrong one -- the cyan branch; JPEG's model of the block's chroma
(``_degraded.chroma_model_residual``), built on those positions, then misses the
pixel by 40-120 DN: a hole. :func:`rebranch` re-synthesises the chroma plane: each
2x2 block's off-map pixels may move to another branch of the same luma, and the
combination whose chroma, subsampled and upsampled as libjpeg does, explains the
block's observed chroma best is kept. Branches come only from the arc of positions
the pixels around hold: a stroke of a color the map lacks across a smooth field finds
no second branch there to blend with.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._branch_arcs import anchor_ends, local_arc, reaches
from truepix.color._decolorize._kernels import _JIT

__all__ = ["map_samples", "rebranch"]

#: Branches tried per pixel besides its own position: the local minima of the luma
#: mismatch along the map, best first (jet has two per luma, cyclic maps two to four).
MAX_BRANCHES = 3
#: A branch is another one when at least this many bins from the pixel's own.
MIN_BRANCH_GAP = 8
#: libjpeg's triangle upsampling of 4:2:0 chroma, averaged over a 2x2 block: 9/16 of
#: the block's own value, 3/32 of each edge neighbour's, 1/64 of each corner one's.
_OWN, _EDGE, _CORNER = 9.0 / 16.0, 3.0 / 32.0, 1.0 / 64.0
#: DN by which ``_luma_index`` widens each bin's interval of lumas.
_INDEX_SLACK = 1e-6
#: Share of the pixels movable from which a map's (not cyclic) arcs are read from each
#: pixel's anchor test made once (``_branch_arcs.anchor_ends``): jet and turbo on
#: photographs (7-16 %) gained 10-20 %; viridis and coolwarm there (5-6 % at q50) lost
#: 3-10 %.
_DENSE_SHARE = 1.0 / 16.0
#: The most combinations of a block's unrestricted branches ``_unrestricted_best`` tries.
_WIDE_COMBINATIONS = 256


def map_samples(
    vertices: np.ndarray, positions: np.ndarray, n_bins: int, cyclic: bool, ycc: np.ndarray
) -> np.ndarray:
    """(n_bins, 3) Y, Cb, Cr (DN) of the map's polyline at each bin's centre."""
    at = np.arange(n_bins) + 0.5
    period = n_bins if cyclic else None
    rgb = np.stack([np.interp(at, positions, vertices[:, c], period=period) for c in range(3)], -1)
    return np.ascontiguousarray(rgb @ ycc.T)


# The helpers a block calls make no array: they run without reference counts on the
# arrays passed (_nrt=False; ``_options`` given its scratch), and ``_judge_block`` and
# ``_best_combination`` are inlined into ``rebranch`` -- per block, tens of arrays'
# counts taken and dropped cost more than its sums: jet's JPEG'd 1 MP astronaut (q75,
# 32 000 blocks judged), rebranch 46-48 -> 40 ms on one thread, the same moves.
@nb.njit(_nrt=False, **_JIT)
def _bin_of(s, n_bins):  # pragma: no cover - jitted
    return min(max(int(s * n_bins), 0), n_bins - 1)


@nb.njit(**_JIT)
def _luma_index(samples, tolerance):  # pragma: no cover - jitted
    """Per 1-DN cell of luma from ``base``, the bins that may be a local best luma match
    within ``tolerance`` DN of a luma in that cell (``_branch_bins``), in map order.

    Bin k is one for luma L when L lies within ``tolerance`` of its luma and on its side
    of the midpoints to its neighbours' lumas; each such interval is widened by
    _INDEX_SLACK DN, far beyond rounding, so that the cells hold every bin the exact
    test could pass. Returns ``base``, the cells' ``starts`` and their ``entries``."""
    n_bins = samples.shape[0]
    luma = samples[:, 0]
    base = math.floor(luma.min() - tolerance) - 1.0
    n_cells = int(math.ceil(luma.max() + tolerance - base)) + 2
    first = np.zeros(n_bins, np.int64)
    last = np.full(n_bins, -1, np.int64)
    for k in range(n_bins):
        lo, hi = luma[k] - tolerance, luma[k] + tolerance
        for j in (k - 1, k + 1):
            if 0 <= j < n_bins and luma[j] != luma[k]:
                middle = 0.5 * (luma[j] + luma[k])
                if luma[j] < luma[k]:
                    lo = max(lo, middle)
                else:
                    hi = min(hi, middle)
        if lo <= hi:
            first[k] = max(int(math.floor(lo - _INDEX_SLACK - base)), 0)
            last[k] = min(int(math.floor(hi + _INDEX_SLACK - base)), n_cells - 1)
    starts = np.zeros(n_cells + 1, np.int64)
    for k in range(n_bins):
        for c in range(first[k], last[k] + 1):
            starts[c + 1] += 1
    for c in range(n_cells):
        starts[c + 1] += starts[c]
    entries = np.empty(starts[n_cells], np.int64)
    filled = starts[:n_cells].copy()
    for k in range(n_bins):
        for c in range(first[k], last[k] + 1):
            entries[filled[c]] = k
            filled[c] += 1
    return base, starts, entries


@nb.njit(_nrt=False, **_JIT)
def _branch_bins(  # pragma: no cover - jitted
    luma, samples, tolerance, base, starts, entries, bins, gaps
):  # fmt: skip
    """The bins whose luma is a local best match for ``luma``, within ``tolerance`` DN,
    in map order (into ``bins``, their mismatch into ``gaps``); returns how many. Only
    the bins of ``luma``'s cell (``_luma_index``) are tried: a luma outside the cells
    lies more than a DN past every bin's tolerance."""
    n_bins = samples.shape[0]
    at = luma - base
    if not (0.0 <= at < starts.shape[0] - 1):  # (NaN: none)
        return 0
    cell = int(at)
    n = 0
    for e in range(starts[cell], starts[cell + 1]):
        k = entries[e]
        d = abs(samples[k, 0] - luma)
        if d > tolerance:
            continue
        if k > 0 and abs(samples[k - 1, 0] - luma) < d:
            continue
        if k < n_bins - 1 and abs(samples[k + 1, 0] - luma) < d:
            continue
        bins[n] = k
        gaps[n] = d
        n += 1
    return n


@nb.njit(_nrt=False, **_JIT)
def _options(  # pragma: no cover - jitted
    own, bins, gaps, n, n_bins, lo, hi, cyclic, out, best, where
):  # fmt: skip
    """Bins a pixel may come from: its ``own`` first, then the best few of the ``n``
    local luma matches (``_branch_bins``) that are other branches and whose position
    lies in the arc [lo, hi]. Returns how many (at most MAX_BRANCHES + 1). ``best``,
    ``where``: scratch of MAX_BRANCHES (not made anew per call: 14 000 calls on jet's
    JPEG'd 1 MP astronaut)."""
    out[0] = own
    best[:] = np.inf
    where[:] = -1
    for j in range(n):
        k = bins[j]
        d = gaps[j]
        if abs(k - own) < MIN_BRANCH_GAP:
            continue
        at = (k + 0.5) / n_bins
        if not (lo <= at <= hi or (cyclic and lo <= at + 1.0 <= hi)):
            continue
        for i in range(MAX_BRANCHES):  # insert among the best few (ties: map order)
            if d < best[i]:
                for m in range(MAX_BRANCHES - 1, i, -1):
                    best[m], where[m] = best[m - 1], where[m - 1]
                best[i], where[i] = d, k
                break
    count = 1
    for i in range(MAX_BRANCHES):
        if where[i] >= 0:
            out[count] = where[i]
            count += 1
    return count


@nb.njit(_nrt=False, **_JIT)
def _mean_chroma(position, width, height, by, bx, samples):  # pragma: no cover - jitted
    """Mean map chroma of the 2x2 block (by, bx), clamped to the picture, at its
    pixels' positions (edges repeated, as libjpeg pads); NaN when one has none."""
    n_bins = samples.shape[0]
    by = min(max(by, 0), (height + 1) // 2 - 1)
    bx = min(max(bx, 0), (width + 1) // 2 - 1)
    u = v = 0.0
    for dy in range(2):
        for dx in range(2):
            s = position[min(2 * by + dy, height - 1) * width + min(2 * bx + dx, width - 1)]
            if math.isnan(s):
                return np.nan, np.nan
            k = _bin_of(s, n_bins)
            u += 0.25 * samples[k, 1]
            v += 0.25 * samples[k, 2]
    return u, v


@nb.njit(_nrt=False, **_JIT)
def _block_pixels(  # pragma: no cover - jitted
    pixels, scale, width, position, candidates, mobile_at, ycc, n_bins, k, lumas, own, mobile,
):  # fmt: skip
    """The lumas, own bins and movability (``mobile_at``: per pixel, whether a movable
    candidate) of the pixels of candidate k's block; returns the block's observed mean
    chroma (NaN: a pixel has no position)."""
    by, bx = candidates[k] // width // 2, candidates[k] % width // 2
    obs_u = obs_v = 0.0
    for i in range(4):
        q = (2 * by + i // 2) * width + 2 * bx + i % 2
        if math.isnan(position[q]):
            return np.nan, np.nan
        r, g, b = pixels[q, 0] * scale, pixels[q, 1] * scale, pixels[q, 2] * scale
        obs_u += 0.25 * (ycc[1, 0] * r + ycc[1, 1] * g + ycc[1, 2] * b)
        obs_v += 0.25 * (ycc[2, 0] * r + ycc[2, 1] * g + ycc[2, 2] * b)
        lumas[i] = ycc[0, 0] * r + ycc[0, 1] * g + ycc[0, 2] * b
        own[i] = _bin_of(position[q], n_bins)
        mobile[i] = mobile_at[q]
    return obs_u, obs_v


@nb.njit(_nrt=False, **_JIT)
def _neighbour_chroma(  # pragma: no cover - jitted
    position, width, height, by, bx, samples, known, chroma
):  # fmt: skip
    """The 8 blocks around (by, bx): their share of its upsampled chroma, at their
    positions (NaN: one of their pixels has none). Each block's mean chroma is kept
    in ``chroma`` once ``known`` (per block, clamped to the picture; empty: none
    kept)."""
    blocks_y, blocks_x = (height + 1) // 2, (width + 1) // 2
    rest_u = rest_v = 0.0
    for dy in range(-1, 2):
        for dx in range(-1, 2):
            if dy != 0 or dx != 0:
                weight = _EDGE if dy == 0 or dx == 0 else _CORNER
                b = (min(max(by + dy, 0), blocks_y - 1) * blocks_x
                     + min(max(bx + dx, 0), blocks_x - 1))  # fmt: skip
                if known.shape[0] == 0:  # (few blocks judged: none kept)
                    u, v = _mean_chroma(position, width, height, by + dy, bx + dx, samples)
                    rest_u += weight * u
                    rest_v += weight * v
                    continue
                if not known[b]:
                    chroma[b, 0], chroma[b, 1] = _mean_chroma(
                        position, width, height, by + dy, bx + dx, samples
                    )  # fmt: skip
                    known[b] = True
                rest_u += weight * chroma[b, 0]
                rest_v += weight * chroma[b, 1]
    return rest_u, rest_v


@nb.njit(**_JIT)
def _arc_options(  # pragma: no cover - jitted
    position, residual, anchor, width, height, q, radius, margin, cyclic, own, bins, gaps, n,
    n_bins, found, buckets, ends, out, best, where,
):  # fmt: skip
    """``_options`` of pixel q within its local arc, widened by ``margin`` (see
    :func:`rebranch`)."""
    lo, hi = local_arc(
        position, residual, anchor, width, height, q, radius, cyclic, found, buckets, ends
    )  # fmt: skip
    span = (hi - lo) * margin
    return _options(own, bins, gaps, n, n_bins, lo - span, hi + span, cyclic, out, best, where)


@nb.njit(_nrt=False, **_JIT)
def _ahead(bins, gaps, n, own, k):  # pragma: no cover - jitted
    """How many of the ``n`` branch bins other than ``own`` rank before bin ``k`` in
    ``_options`` (a smaller mismatch, or an equal one earlier on the map)."""
    d = np.inf
    for j in range(n):
        if bins[j] == k:
            d = gaps[j]
    count = 0
    for j in range(n):
        if bins[j] == k:
            break
        if abs(bins[j] - own) >= MIN_BRANCH_GAP and gaps[j] <= d:
            count += 1
    for j in range(n - 1, -1, -1):
        if bins[j] == k:
            break
        if abs(bins[j] - own) >= MIN_BRANCH_GAP and gaps[j] < d:
            count += 1
    return count


@nb.njit(inline="always", **_JIT)
def _best_combination(  # pragma: no cover - jitted
    choices, n_choice, lumas, samples, obs_u, obs_v, rest_u, rest_v, pick, terms
):  # fmt: skip
    """The combination of bins, one per pixel of the block (``choices``), whose mean
    chroma (smoothed: ``_OWN`` of it plus the neighbours' ``rest``) is nearest the
    observed one, with the pixels' luma mismatch added; the first of equals, counting
    combinations with pixel 0's choice fastest. Writes its bins into ``pick``; returns
    it (-1: none, every cost NaN) and whether it is the only one of that cost.

    Sums run over the pixels in order, as a cost is defined; the combinations are
    enumerated pixel 0 outermost so that its partial sums are shared (``terms``:
    scratch for each choice's share)."""
    for i in range(4):
        for j in range(n_choice[i]):
            at = choices[i, j]
            terms[i, j, 0] = 0.25 * samples[at, 1]
            terms[i, j, 1] = 0.25 * samples[at, 2]
            terms[i, j, 2] = (samples[at, 0] - lumas[i]) ** 2
    n0, n1, n2, n3 = n_choice[0], n_choice[1], n_choice[2], n_choice[3]
    best = np.inf
    first = -1
    alone = True
    for j0 in range(n0):
        u0, v0, c0 = 0.0 + terms[0, j0, 0], 0.0 + terms[0, j0, 1], 0.0 + terms[0, j0, 2]
        for j1 in range(n1):
            u1, v1, c1 = u0 + terms[1, j1, 0], v0 + terms[1, j1, 1], c0 + terms[1, j1, 2]
            for j2 in range(n2):
                u2, v2, c2 = u1 + terms[2, j2, 0], v1 + terms[2, j2, 1], c1 + terms[2, j2, 2]
                for j3 in range(n3):
                    u, v = u2 + terms[3, j3, 0], v2 + terms[3, j3, 1]
                    e_u = obs_u - (_OWN * u + rest_u)
                    e_v = obs_v - (_OWN * v + rest_v)
                    cost = (c2 + terms[3, j3, 2]) + 4.0 * (e_u * e_u + e_v * e_v)
                    combo = j0 + n0 * (j1 + n1 * (j2 + n2 * j3))
                    if cost < best:
                        best, first, alone = cost, combo, True
                    elif cost == best:
                        first = min(first, combo)
                        alone = False
    if first >= 0:
        rem = first
        for i in range(4):
            pick[i] = choices[i, rem % n_choice[i]]
            rem //= n_choice[i]
    return first, alone


@nb.njit(inline="always", **_JIT)
def _judge_block(  # pragma: no cover - jitted
    position, residual, anchor, width, height, by, bx, radius, margin, cyclic, own, lumas,
    samples, obs_u, obs_v, rest_u, rest_v, choices, n_choice, branch_bins, branch_gaps,
    n_branch, found, buckets, terms, pick, ends, best_scratch, where_scratch,
):  # fmt: skip
    """Whether block (by, bx)'s pixels move, and where (``pick``): the best combination
    of their ``choices`` once each movable one's are restricted to its local arc.

    ``choices`` starts with every branch of each pixel anywhere on the map; a pixel's
    row is restricted to its arc (``_arc_options``) only when the best combination
    moves it to a bin outside: the best of the wider choices, when the only one and
    allowed by the arcs, is the best of the restricted ones. ``_branch_arcs.reaches`` settles
    whether a bin is allowed without the whole arc where it would be among the best
    few anyway. Equal costs restrict every pixel, as the answer then depends on the
    order of the restricted choices."""
    n_bins = samples.shape[0]
    restricted = 0
    everyone = 0
    n_combinations = 1
    for i in range(4):
        if n_choice[i] > 1:
            everyone |= 1 << i
        n_combinations *= n_choice[i]
    every_arc = n_combinations > _WIDE_COMBINATIONS
    while True:
        if every_arc:
            for i in range(4):
                if everyone & ~restricted & (1 << i):
                    n_choice[i] = _arc_options(
                        position, residual, anchor, width, height,
                        (2 * by + i // 2) * width + 2 * bx + i % 2, radius, margin, cyclic,
                        own[i], branch_bins[i], branch_gaps[i], n_branch[i], n_bins, found,
                        buckets, ends, choices[i], best_scratch, where_scratch,
                    )  # fmt: skip
            restricted = everyone
        best, alone = _best_combination(
            choices, n_choice, lumas, samples, obs_u, obs_v, rest_u, rest_v, pick, terms
        )  # fmt: skip
        if restricted == everyone or best <= 0:  # (-1: every cost NaN, kept as it is)
            return best > 0
        if not alone:
            every_arc = True
            continue
        outside = False
        for i in range(4):
            if pick[i] == own[i] or restricted & (1 << i):
                continue
            q = (2 * by + i // 2) * width + 2 * bx + i % 2
            if not cyclic and _ahead(
                branch_bins[i], branch_gaps[i], n_branch[i], own[i], pick[i]
            ) < MAX_BRANCHES:  # among the best few once in the arc
                if reaches(
                    position, residual, anchor, width, height, q, radius, margin,
                    (pick[i] + 0.5) / n_bins, ends,
                ):  # fmt: skip
                    continue
            n_choice[i] = _arc_options(
                position, residual, anchor, width, height, q, radius, margin, cyclic,
                own[i], branch_bins[i], branch_gaps[i], n_branch[i], n_bins, found, buckets,
                ends, choices[i], best_scratch, where_scratch,
            )  # fmt: skip
            restricted |= 1 << i
            outside |= pick[i] not in choices[i, 1 : n_choice[i]]
        if not outside:
            return True


@nb.njit(**_JIT)
def rebranch(  # pragma: no cover - jitted
    pixels, scale, width, position, residual, anchor, candidates, movable, samples, ycc,
    tolerance, radius, margin, cyclic,
):  # fmt: skip
    """Move candidates to the branches their 2x2 blocks' chroma calls for, in place.

    Per full 2x2 block whose first candidate (``candidates``: sorted flat indices) is
    ``movable`` (per candidate): each movable pixel may keep its position or take
    another bin whose luma lies within ``tolerance`` DN of its own (``_options``) and
    whose position lies in the local arc -- the positions of the pixels within
    ``radius`` whose residual is at most ``anchor`` DN, widened by ``margin`` times its
    length on each side. The combination whose mean chroma, smoothed with the blocks
    around as libjpeg upsamples it, is nearest the block's observed mean chroma (luma
    mismatch added) is written into ``position``, once every block is judged on the old
    positions. Returns the flat indices moved and their former positions, so that the
    caller can put them back.

    The arcs (most of the work) are read only where they can change the answer: the
    best combination of the block's branches anywhere on the map (``wide``) is tried
    first; when that keeps every pixel, or is the only best one and its moved pixels'
    bins lie in their arcs, it is the answer, as no combination the arcs allow does
    better.
    """
    height = position.shape[0] // width
    n_bins = samples.shape[0]
    base, cell_starts, cell_bins = _luma_index(samples, tolerance)
    wide = np.empty((4, n_bins + 1), np.int64)
    terms = np.empty((4, n_bins + 1, 3))
    n_wide = np.empty(4, np.int64)
    branch_bins = np.empty((4, n_bins), np.int64)
    branch_gaps = np.empty((4, n_bins))
    n_branch = np.zeros(4, np.int64)
    lumas = np.empty(4)
    own = np.empty(4, np.int64)
    mobile = np.empty(4, np.bool_)
    pick = np.empty(4, np.int64)
    best_scratch = np.empty(MAX_BRANCHES)  # (``_options``'s)
    where_scratch = np.empty(MAX_BRANCHES, np.int64)
    found = np.empty((2 * radius + 1) ** 2)
    buckets = np.empty((2 * found.shape[0], 2))
    n_blocks = ((height + 1) // 2) * ((width + 1) // 2)
    many = movable.sum() >= _DENSE_SHARE * position.shape[0]
    # many arcs (textured pictures, a map not cyclic): each pixel's anchor test made once
    dense = not cyclic and many
    # ... and many blocks' chroma kept, read by their neighbours (few: each made anew,
    # cheaper than a megapixel's 4 MB of chroma for a few blocks)
    known = np.zeros(n_blocks if many else 0, np.bool_)
    chroma = np.empty((known.shape[0], 2))
    ends = np.empty(position.shape[0] if dense else 0)
    if dense:
        anchor_ends(position, residual, anchor, ends)
    moved = np.empty(candidates.shape[0], np.int64)
    bins = np.empty(candidates.shape[0], np.int64)
    n_moved = 0
    begun = np.zeros(n_blocks, np.bool_)  # (per block: its first candidate met)
    mobile_at = np.zeros(position.shape[0], np.bool_)  # (not a search per block pixel)
    for k in range(candidates.shape[0]):
        mobile_at[candidates[k]] = movable[k]
    for k in range(candidates.shape[0]):
        p = candidates[k]
        by, bx = (p // width) // 2, (p % width) // 2
        # a block is judged at its first candidate (sorted order), when that is movable
        if begun[by * ((width + 1) // 2) + bx]:
            continue
        begun[by * ((width + 1) // 2) + bx] = True
        if not movable[k] or 2 * by + 1 >= height or 2 * bx + 1 >= width:
            continue
        obs_u, obs_v = _block_pixels(
            pixels, scale, width, position, candidates, mobile_at, ycc, n_bins, k, lumas, own,
            mobile,
        )  # fmt: skip
        if math.isnan(obs_u):
            continue
        n_wide_combinations = 1
        for i in range(4):
            wide[i, 0] = own[i]
            n_wide[i] = 1
            n_branch[i] = 0
            if mobile[i]:
                n_branch[i] = _branch_bins(
                    lumas[i], samples, tolerance, base, cell_starts, cell_bins,
                    branch_bins[i], branch_gaps[i],
                )  # fmt: skip
                for j in range(n_branch[i]):
                    if abs(branch_bins[i, j] - own[i]) >= MIN_BRANCH_GAP:
                        wide[i, n_wide[i]] = branch_bins[i, j]
                        n_wide[i] += 1
            n_wide_combinations *= n_wide[i]
        if n_wide_combinations == 1:  # no pixel has another branch
            continue
        rest_u, rest_v = _neighbour_chroma(
            position, width, height, by, bx, samples, known, chroma
        )  # fmt: skip
        if math.isnan(rest_u + rest_v):
            continue
        if not _judge_block(
            position, residual, anchor, width, height, by, bx, radius, margin, cyclic, own,
            lumas, samples, obs_u, obs_v, rest_u, rest_v, wide, n_wide, branch_bins,
            branch_gaps, n_branch, found, buckets, terms, pick, ends, best_scratch,
            where_scratch,
        ):  # fmt: skip
            continue
        for i in range(4):
            if pick[i] != own[i]:
                moved[n_moved] = (2 * by + i // 2) * width + 2 * bx + i % 2
                bins[n_moved] = pick[i]
                n_moved += 1
    former = np.empty(n_moved)
    for j in range(n_moved):
        former[j] = position[moved[j]]
        position[moved[j]] = (bins[j] + 0.5) / n_bins
    return moved[:n_moved], former
