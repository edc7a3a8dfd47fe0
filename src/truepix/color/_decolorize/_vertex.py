"""The kernels' numba options and their innermost search: :func:`_vertex_before`.

``_kernels`` (and through it every kernel module) takes ``_JIT`` from here; the
search lives apart so that ``_kernels`` keeps to its 600 lines.
"""

from __future__ import annotations

import math
from typing import Any

import numba as nb
import numpy as np

from truepix._blas_probe import light_blas_probe

light_blas_probe()  # (before the first kernel loads: numba's BLAS probe, without scipy.linalg)

#: numba options of every kernel: cached on disk, GIL released, numpy's errors.
_JIT: dict[str, Any] = {"cache": True, "nogil": True, "error_model": "numpy"}

#: How many vertices ``_vertex_before`` compares with s without a branch: its answer is
#: one of the VERTEX_WINDOW + 1 from 3 below its guess to 2 above.
VERTEX_WINDOW = 5


# compiled without numba's reference counting (``_nrt=False``: it allocates
# nothing): its callers (``_color_at``; ``interp_at``: the walk below) run it once
# per pixel, and the count of ``positions`` taken and dropped around each call (two
# atomic calls into numba's runtime) cost more than the search
# (chroma_subsampling_test on a JPEG'd megapixel's sample: 2.2-3.1 -> 1.8-2.3 ms,
# one thread)
@nb.njit(_nrt=False, inline="always", **_JIT)
def _vertex_search(positions, s, n_bins):  # pragma: no cover - jitted
    """``searchsorted(positions, s, side="right") - 1``: the last vertex at or before s
    (``positions`` ascending).

    Guessed where s would be if vertices were evenly spread: the answer lies 3 below
    to 2 above the guess on every full ramp (its vertices sit at the bins' middles,
    half a bin after the guess: 0 or 1 below; viridis, magma, turbo, hsv ...), 99 %
    of the time on maps whose runs of equal colors merged a few vertices (jet,
    twilight), less on grays (gray 68 %, Greys 14 %: 232 and 227 vertices for 256
    bins drift farther, and JPEG's chroma tests do little on them). There the
    vertices at or before s are counted without a branch (``VERTEX_WINDOW``);
    elsewhere walked from the guess. A walk took 12 ns a call on a JPEG'd picture's
    positions (its direction a coin toss, each step a mispredicted branch), the count
    5 ns (viridis, one thread, 49 152 calls: 0.61 -> 0.26 ms); the chroma tests of a
    JPEG'd megapixel call it ~120 000 times (viridis q50: two chroma tests of 49 152
    pixels, the 4:2:0 model's 5 000 blocks).
    """
    n = positions.shape[0]
    if math.isnan(s):  # (searchsorted's: NaN sorts after every position)
        return n - 1
    k = int(min(max(s * (n / n_bins), 0.0), n - 1.0))
    low = k - 3
    high = low + VERTEX_WINDOW + 1
    if low >= 0 and high < n and positions[low] <= s and positions[high] > s:
        count = low
        for j in range(1, VERTEX_WINDOW + 1):  # (unrolled: a sum of comparisons)
            count += np.int64(positions[low + j] <= s)
        return count
    return _walk(positions, s, k)


@nb.njit(_nrt=False, **_JIT)
def _vertex_before(positions, s, n_bins):  # pragma: no cover - jitted
    """:func:`_vertex_search` as a call of its own (for callers that inline it not)."""
    return _vertex_search(positions, s, n_bins)


@nb.njit(_nrt=False, **_JIT)
def _vertex_walked(positions, s, n_bins):  # pragma: no cover - jitted
    """:func:`_vertex_before` walked from its guess, nothing counted: ``block_marks``'
    (``interp_at``) positions follow a row of the picture, and there the walk costs
    less (``block_score`` on a JPEG'd megapixel's sample, viridis q50: 0.56 ms, 0.66
    with the count)."""
    n = positions.shape[0]
    if math.isnan(s):
        return np.searchsorted(positions, s, side="right") - 1
    k = int(min(max(s * (n / n_bins), 0.0), n - 1.0))
    return _walk(positions, s, k)


@nb.njit(_nrt=False, inline="always", **_JIT)
def _walk(positions, s, k):  # pragma: no cover - jitted
    """The last vertex at or before ``s``, walked from index ``k`` (either way)."""
    n = positions.shape[0]
    if positions[k] <= s:
        while k + 1 < n and positions[k + 1] <= s:
            k += 1
    else:
        while k >= 0 and positions[k] > s:
            k -= 1
    return k
