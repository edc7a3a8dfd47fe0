"""numba kernels that build the grid of :class:`~truepix.color._decolorize._palette.Grid`.

Each cell of the 64**3 grid over RGB lists the only segments of the colormap's
polyline that can hold the closest point of a color inside it (``_decolor_kernels``
searches those). Cells are built on demand, for the colors pictures have.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT, _chunks, _segment_dist2

__all__ = ["COARSE", "cell_candidates"]


@nb.njit(**_JIT)
def _metric_half_diagonal(matrix, cell_size):  # pragma: no cover - jitted
    """Largest metric distance from a cell's center to its corners (|A d| is convex)."""
    half = 0.0
    h = 0.5 * cell_size
    for sx in (-1.0, 1.0):
        for sy in (-1.0, 1.0):
            for sz in (-1.0, 1.0):
                ex = (matrix[0, 0] * sx + matrix[0, 1] * sy + matrix[0, 2] * sz) * h
                ey = (matrix[1, 0] * sx + matrix[1, 1] * sy + matrix[1, 2] * sz) * h
                ez = (matrix[2, 0] * sx + matrix[2, 1] * sy + matrix[2, 2] * sz) * h
                half = max(half, math.sqrt(ex * ex + ey * ey + ez * ez))
    return half


#: Cells are listed from the candidates of the COARSE**3 block of cells around them.
COARSE = 4


@nb.njit(**_JIT)
def _center(cell, n_axis, size, matrix):  # pragma: no cover - jitted
    """Metric coordinates of the center of cell (i, j, k) of a grid of ``size`` boxes."""
    x = (cell // (n_axis * n_axis) + 0.5) * size
    y = ((cell // n_axis) % n_axis + 0.5) * size
    z = (cell % n_axis + 0.5) * size
    px = matrix[0, 0] * x + matrix[0, 1] * y + matrix[0, 2] * z
    py = matrix[1, 0] * x + matrix[1, 1] * y + matrix[1, 2] * z
    pz = matrix[2, 0] * x + matrix[2, 1] * y + matrix[2, 2] * z
    return px, py, pz


@nb.njit(**_JIT)
def _zeros(n, dtype):  # pragma: no cover - jitted
    """``np.zeros(n, dtype)`` filled by a plain loop: in a parallel kernel numba makes
    each ``np.zeros`` a parallel loop of its own, more code for a fresh process to load
    (see ``cell_candidates``)."""
    out = np.empty(n, dtype)
    for i in range(n):
        out[i] = 0
    return out


@nb.njit(**_JIT)
def _offsets(counts):  # pragma: no cover - jitted
    """``[0, *np.cumsum(counts)]`` (int64) by a plain loop (see ``_zeros``)."""
    offsets = np.empty(counts.shape[0] + 1, np.int64)
    offsets[0] = 0
    for i in range(counts.shape[0]):
        offsets[i + 1] = offsets[i] + counts[i]
    return offsets


@nb.njit(**_JIT)  # serial: see cell_candidates
def _coarse_candidates(  # pragma: no cover - jitted
    coarse, n_axis, size, matrix, seg_a, seg_d, seg_inv, widen
):
    """(offsets, lists) of the segments within ``widen`` of the best, per coarse cell."""
    n_coarse = coarse.shape[0]
    n_seg = seg_a.shape[0]
    counts = _zeros(n_coarse, np.int64)
    dist2 = np.empty((n_coarse, n_seg), np.float64)
    limits = np.empty(n_coarse, np.float64)
    for q in range(n_coarse):
        px, py, pz = _center(coarse[q], n_axis, size, matrix)
        best = np.inf
        for j in range(n_seg):
            d2, _ = _segment_dist2(px, py, pz, seg_a, seg_d, seg_inv, np.int32(j))
            dist2[q, j] = d2
            best = min(best, d2)
        limit = math.sqrt(best) + widen
        limits[q] = limit * limit
        for j in range(n_seg):
            if dist2[q, j] <= limits[q]:
                counts[q] += 1
    offsets = _offsets(counts)
    lists = np.empty(offsets[-1], np.int32)
    for q in range(n_coarse):
        at = offsets[q]
        for j in range(n_seg):
            if dist2[q, j] <= limits[q]:
                lists[at] = j
                at += 1
    return offsets, lists


def cell_candidates(
    cells: np.ndarray, matrix: np.ndarray, seg_a: np.ndarray, seg_d: np.ndarray,
    seg_inv: np.ndarray, n_axis: int, cell_size: float, slack: float,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Candidate segments of the given grid cells (int64 flat indices), as (counts,
    concatenated lists).

    A cell is the RGB box ``[i, i+1) * cell_size`` on each axis. Its center c lies
    within ``half`` (metric) of every color in it, so for any such color the closest
    segment is within ``d_min(c) + 2 * half`` of c; ``slack`` widens the list so the
    ambiguity test (best + tolerance) sees every contender. Lists hold segment
    indices in increasing order.

    Each cell's segments are looked for among those of its coarse cell (COARSE**3
    cells, center C, half-diagonal H): a segment within ``d_min(c) + 2 half + slack``
    of c is within ``d_min(C) + 2 H + slack`` of C, since ``|c - C| <= H - half`` and
    distances to a segment change no faster than the point moves. The lists are the
    ones a search of every segment gives, at a fraction of the cost.

    Serial kernels: a picture's few hundred to few thousand new cells take well under
    a millisecond, and as parallel kernels they took ~25 s of a fresh install's
    compile (numba's parallel loops compile slowly). The coarse cells are sorted out
    here, with numpy: numba's ``np.unique`` (its sort)
    and ``searchsorted`` made the kernel's code twice what a fresh process loads.
    """
    coarse_axis = (n_axis + COARSE - 1) // COARSE
    i = cells // (n_axis * n_axis) // COARSE
    j = (cells // n_axis) % n_axis // COARSE
    k = cells % n_axis // COARSE
    coarse, which = np.unique((i * coarse_axis + j) * coarse_axis + k, return_inverse=True)
    return _cell_lists(
        cells, coarse, which.reshape(-1).astype(np.int64), matrix, seg_a, seg_d, seg_inv,
        n_axis, cell_size, slack,
    )  # fmt: skip


@nb.njit(**_JIT)  # serial: see cell_candidates
def _cell_lists(
    cells, coarse, which, matrix, seg_a, seg_d, seg_inv, n_axis, cell_size, slack
):  # pragma: no cover - jitted
    """``cell_candidates`` of ``cells``, each in coarse cell ``coarse[which[c]]``."""
    n_cells = cells.shape[0]
    half = _metric_half_diagonal(matrix, cell_size)
    wide = _metric_half_diagonal(matrix, cell_size * COARSE)
    coarse_axis = (n_axis + COARSE - 1) // COARSE
    # a hair wider than the bound: rounding must not drop a segment at its edge
    offsets, lists = _coarse_candidates(
        coarse, coarse_axis, cell_size * COARSE, matrix, seg_a, seg_d, seg_inv,
        2.0 * wide + slack + 1e-6 * (1.0 + wide),
    )  # fmt: skip
    # one distance per (cell, candidate): kept in a chunk's buffer for the best and the
    # limit, the kept ones marked in a bit mask that the copy below reads
    n_words = np.empty(n_cells + 1, np.int64)
    n_words[0] = 0
    longest = 0
    for c in range(n_cells):
        length = offsets[which[c] + 1] - offsets[which[c]]
        longest = max(longest, length)
        n_words[c + 1] = n_words[c] + (length + 63) // 64
    mask = _zeros(n_words[n_cells], np.uint64)
    counts = _zeros(n_cells, np.int64)
    n_chunks, chunk = _chunks(n_cells, 64, 1024)
    for k in range(n_chunks):
        dist2 = np.empty(longest, np.float64)
        for c in range(k * chunk, min(n_cells, (k + 1) * chunk)):
            px, py, pz = _center(cells[c], n_axis, cell_size, matrix)
            first = offsets[which[c]]
            length = offsets[which[c] + 1] - first
            best = np.inf
            for q in range(length):
                d2, _ = _segment_dist2(px, py, pz, seg_a, seg_d, seg_inv, lists[first + q])
                dist2[q] = d2
                best = min(best, d2)
            limit = math.sqrt(best) + 2.0 * half + slack
            limit *= limit
            for q in range(length):
                if dist2[q] <= limit:
                    counts[c] += 1
                    mask[n_words[c] + q // 64] |= np.uint64(1) << np.uint64(q % 64)
    starts = _offsets(counts)
    candidates = np.empty(starts[-1], np.int32)
    for c in range(n_cells):
        first = offsets[which[c]]
        at = starts[c]
        for q in range(offsets[which[c] + 1] - first):
            if mask[n_words[c] + q // 64] & (np.uint64(1) << np.uint64(q % 64)):
                candidates[at] = lists[first + q]
                at += 1
    return counts, candidates
