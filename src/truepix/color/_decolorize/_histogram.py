"""Counts of a picture's residual codes (``_plan``'s noise and threshold), and the
serial helpers that keep numba's hidden parallel loops out of parallel kernels.

numba runs ``np.zeros`` and ``.sum(axis=...)`` inside a ``parallel=True`` kernel as
parallel loops of their own: each wakes the thread pool, which cost ~0.7 ms of CPU a
time on a loaded 2-core machine (idle threads spin, then sleep). These helpers,
compiled serial, are called from the parallel kernels instead.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT, RESIDUAL_MAX_CODE, RESIDUAL_SHIFT, _chunks

__all__ = ["SERIAL_HISTOGRAM", "residual_histogram"]


#: Codes counted on the calling thread alone (a plan's sample: 0.2-0.4 ms of work,
#: where waking the pool cost 1.5 ms of CPU on a loaded 2-core machine).
SERIAL_HISTOGRAM = 1 << 19


def residual_histogram(codes: np.ndarray) -> np.ndarray:
    """Counts of residual codes (index 0: alpha-rejected pixels)."""
    if len(codes) < SERIAL_HISTOGRAM:
        return _histogram(codes)
    return _histogram_parallel(codes)


@nb.njit(**_JIT)
def _zeros_int(n_rows, n_cols):  # pragma: no cover - jitted
    return np.zeros((n_rows, n_cols), np.int64)


@nb.njit(**_JIT)
def _count(codes, start, stop, local):  # pragma: no cover - jitted
    # four interleaved counters: most pixels share one code, and a single counter
    # would serialize on its own increments
    shift = np.uint32(RESIDUAL_SHIFT)
    p = start
    while p + 4 <= stop:
        local[0, codes[p] >> shift] += 1
        local[1, codes[p + 1] >> shift] += 1
        local[2, codes[p + 2] >> shift] += 1
        local[3, codes[p + 3] >> shift] += 1
        p += 4
    while p < stop:
        local[0, codes[p] >> shift] += 1
        p += 1


@nb.njit(**_JIT)
def _zeros_float(n_rows, n_cols):  # pragma: no cover - jitted
    return np.zeros((n_rows, n_cols), np.float64)  # (see _zeros_int)


@nb.njit(**_JIT)
def _row_sums(rows):  # pragma: no cover - jitted
    """``rows.sum(axis=0)`` of a 2-D array, serial (see _zeros_int), in row order."""
    total = rows[0].copy()
    for row in range(1, rows.shape[0]):
        for k in range(rows.shape[1]):
            total[k] += rows[row, k]
    return total


@nb.njit(**_JIT)
def _histogram(codes):  # pragma: no cover - jitted
    local = _zeros_int(4, RESIDUAL_MAX_CODE + 1)
    _count(codes, 0, codes.shape[0], local)
    return _row_sums(local)


@nb.njit(parallel=True, **_JIT)
def _histogram_parallel(codes):  # pragma: no cover - jitted
    n_pix = codes.shape[0]
    n_chunks, chunk = _chunks(n_pix, 65536, 64)
    local = _zeros_int(4 * n_chunks, RESIDUAL_MAX_CODE + 1)
    for c in nb.prange(n_chunks):
        _count(codes, c * chunk, min(n_pix, (c + 1) * chunk), local[4 * c : 4 * c + 4])
    return _row_sums(local)
