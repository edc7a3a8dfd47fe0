"""Compiled per-pixel histogram kernels (numba); :mod:`._hist_numpy` is their oracle.

Layout and schedule (measured, see FACTS.md):

* counts are pixel-major, ``(pixels, n_bins)``, so one pixel's bins share cache lines;
* pixels are cut into tiles small enough that a tile's counters stay in L1, and
  each tile runs over all frames of a batch before the next tile starts;
* counting goes into uint8 ``small`` counters that are flushed into the wide
  ``counts`` every 255 frames, so the hot counters take a quarter of the cache;
* one compiled function per variant (uniform / edges / lookup table, parallel /
  serial): a runtime flag in the inner loop costs ~25 %, and numba's disk cache
  can hand the serial build of a function to its parallel twin, so twins are
  distinct functions.

The kernels assume clean input (the friendly layer validated it): ``batch`` is
C-contiguous ``(frames, pixels)``, ``edges`` increase, ``small``/``counts`` are
``(pixels, n_bins)``. ``since_flush`` is how many frames ``small`` holds already;
the caller advances it by the batch length modulo ``flush_every``.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange

__all__ = [
    "count_edges_parallel",
    "count_edges_serial",
    "count_lut_parallel",
    "count_lut_serial",
    "count_uniform_parallel",
    "count_uniform_serial",
    "flush_parallel",
]


@njit(nogil=True, cache=True)
def _flush(small, counts, p0, p1):  # type: ignore[no-untyped-def]
    for p in range(p0, p1):
        for k in range(small.shape[1]):
            counts[p, k] += small[p, k]
            small[p, k] = 0


@njit(nogil=True, cache=True)
def _tile_uniform(  # type: ignore[no-untyped-def]
    batch, small, counts, edges, first, scale, p0, p1, since_flush, flush_every
):
    n_bins = edges.size - 1
    last_bin = n_bins - 1
    right = edges[n_bins]
    low = -1.0
    high = n_bins + 1.0
    for b in range(batch.shape[0]):
        row = batch[b]
        for p in range(p0, p1):
            x = row[p]
            # estimate by a multiply, then correct against the edges, as numpy does;
            # NaN fails the first test, far-out values too
            f = (x - first) * scale
            if f > low and f < high:
                i = min(int(f), last_bin)
                if x < edges[i]:
                    i -= 1
                elif x >= edges[i + 1]:
                    if i != last_bin:
                        i += 1
                    elif x > right:
                        i = -1
                if i >= 0:
                    small[p, i] += 1
        since_flush += 1
        if since_flush == flush_every:
            _flush(small, counts, p0, p1)
            since_flush = 0


@njit(nogil=True, cache=True)
def _tile_edges(  # type: ignore[no-untyped-def]
    batch, small, counts, edges, p0, p1, since_flush, flush_every
):
    n_edges = edges.size
    last_bin = n_edges - 2
    left = edges[0]
    right = edges[n_edges - 1]
    for b in range(batch.shape[0]):
        row = batch[b]
        for p in range(p0, p1):
            x = row[p]
            if x >= left and x <= right:
                # branch-free binary search: largest i with edges[i] <= x
                i = 0
                size = n_edges
                while size > 1:
                    half = size >> 1
                    i = i + half if edges[i + half] <= x else i
                    size -= half
                small[p, min(i, last_bin)] += 1
        since_flush += 1
        if since_flush == flush_every:
            _flush(small, counts, p0, p1)
            since_flush = 0


@njit(nogil=True, cache=True)
def _tile_lut(  # type: ignore[no-untyped-def]
    batch, small, counts, lut, p0, p1, since_flush, flush_every
):
    for b in range(batch.shape[0]):
        row = batch[b]
        for p in range(p0, p1):
            i = lut[row[p]]
            if i >= 0:
                small[p, i] += 1
        since_flush += 1
        if since_flush == flush_every:
            _flush(small, counts, p0, p1)
            since_flush = 0


# --- drivers: parallel twins and serial twins (distinct functions, see above) -----


@njit(parallel=True, nogil=True, cache=True)
def count_uniform_parallel(  # type: ignore[no-untyped-def]
    batch, small, counts, edges, first, scale, tile, since_flush, flush_every
):
    n_pixels = batch.shape[1]
    for t in prange((n_pixels + tile - 1) // tile):
        p0 = t * tile
        p1 = min(p0 + tile, n_pixels)
        _tile_uniform(batch, small, counts, edges, first, scale, p0, p1, since_flush, flush_every)


@njit(nogil=True, cache=True)
def count_uniform_serial(  # type: ignore[no-untyped-def]
    batch, small, counts, edges, first, scale, tile, since_flush, flush_every
):
    n_pixels = batch.shape[1]
    for t in range((n_pixels + tile - 1) // tile):
        p0 = t * tile
        p1 = min(p0 + tile, n_pixels)
        _tile_uniform(batch, small, counts, edges, first, scale, p0, p1, since_flush, flush_every)


@njit(parallel=True, nogil=True, cache=True)
def count_edges_parallel(  # type: ignore[no-untyped-def]
    batch, small, counts, edges, tile, since_flush, flush_every
):
    n_pixels = batch.shape[1]
    for t in prange((n_pixels + tile - 1) // tile):
        p0 = t * tile
        p1 = min(p0 + tile, n_pixels)
        _tile_edges(batch, small, counts, edges, p0, p1, since_flush, flush_every)


@njit(nogil=True, cache=True)
def count_edges_serial(  # type: ignore[no-untyped-def]
    batch, small, counts, edges, tile, since_flush, flush_every
):
    n_pixels = batch.shape[1]
    for t in range((n_pixels + tile - 1) // tile):
        p0 = t * tile
        p1 = min(p0 + tile, n_pixels)
        _tile_edges(batch, small, counts, edges, p0, p1, since_flush, flush_every)


@njit(parallel=True, nogil=True, cache=True)
def count_lut_parallel(  # type: ignore[no-untyped-def]
    batch, small, counts, lut, tile, since_flush, flush_every
):
    n_pixels = batch.shape[1]
    for t in prange((n_pixels + tile - 1) // tile):
        p0 = t * tile
        p1 = min(p0 + tile, n_pixels)
        _tile_lut(batch, small, counts, lut, p0, p1, since_flush, flush_every)


@njit(nogil=True, cache=True)
def count_lut_serial(  # type: ignore[no-untyped-def]
    batch, small, counts, lut, tile, since_flush, flush_every
):
    n_pixels = batch.shape[1]
    for t in range((n_pixels + tile - 1) // tile):
        p0 = t * tile
        p1 = min(p0 + tile, n_pixels)
        _tile_lut(batch, small, counts, lut, p0, p1, since_flush, flush_every)


@njit(parallel=True, nogil=True, cache=True)
def flush_parallel(small, counts, tile):  # type: ignore[no-untyped-def]
    n_pixels = small.shape[0]
    for t in prange((n_pixels + tile - 1) // tile):
        p0 = t * tile
        _flush(small, counts, p0, min(p0 + tile, n_pixels))


def warm_up() -> None:
    """Compile (or load from the disk cache) the float32 and uint8 parallel kernels."""
    batch = np.zeros((1, 1), np.float32)
    small = np.zeros((1, 1), np.uint8)
    counts = np.zeros((1, 1), np.uint32)
    edges = np.array([0.0, 1.0], np.float32)
    count_uniform_parallel(batch, small, counts, edges, edges[0], 1.0, 16, 0, 255)
    count_lut_parallel(batch.astype(np.uint8), small, counts, np.zeros(256, np.int32), 16, 0, 255)
    flush_parallel(small, counts, 16)
