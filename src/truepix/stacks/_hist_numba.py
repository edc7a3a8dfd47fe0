"""Compiled per-pixel histogram kernels (numba); :mod:`._hist_numpy` is their oracle.

Layout and schedule (measured, see FACTS.md):

* counts are pixel-major, ``(pixels, n_bins)``, so one pixel's bins share cache lines;
* pixels are cut into tiles small enough that a tile's counters stay in cache, and
  each tile runs over every frame of the call before the next tile starts;
* the kernels count into uint8 ``small`` counters, a quarter of the cache that
  uint32 would take, and flush them into the wide ``counts`` before they can wrap
  (at most every 255 frames): with ``flush_after`` each tile is flushed right after
  it is counted, while its counters are in cache (:func:`flush` does it alone);
* one compiled function per variant (uniform / edges / lookup table, parallel /
  serial): a runtime flag in the inner loop costs ~25 %, and numba's disk cache
  can hand the serial build of a function to its parallel twin, so twins are
  distinct functions sharing their per-tile body.

The kernels assume clean input (the friendly layer validated it): ``batch`` is
C-contiguous ``(frames, pixels)`` of float32/float64 (uniform, edges) or
uint8/uint16 (lookup table), ``edges`` increase, ``small`` is ``(pixels, n_bins)``.
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
    "flush",
    "flush_serial",
]


# --- per-tile bodies ----------------------------------------------------------------


@njit(nogil=True, cache=True, error_model="numpy")
def _exact_uniform(x, edges, first, scale):
    """numpy's binning of one value: estimate by a multiply, correct against the edges."""
    n_bins = edges.size - 1
    f = (x - first) * scale
    if not (f > -1.0 and f < n_bins + 1.0):  # NaN fails too
        return -1
    i = min(int(f), n_bins - 1)
    if x < edges[i]:
        i -= 1
    elif x >= edges[i + 1]:
        if i != n_bins - 1:
            i += 1
        elif x > edges[n_bins]:
            i = -1
    return i


@njit(nogil=True, cache=True)
def _tile_flush(small, counts, p0, p1):
    for p in range(p0, p1):
        for k in range(small.shape[1]):
            counts[p, k] += small[p, k]
            small[p, k] = 0


@njit(nogil=True, cache=True, error_model="numpy")
def _tile_uniform(batch, small, edges, first, scale, margin, p0, p1, counts, flush_after):
    # Two passes per frame row. The first is branch-free, so it compiles to SIMD:
    # the bin is floor(f), f = (x - first) * scale, wherever f is farther than
    # ``margin`` from every integer -- ``margin`` bounds the rounding of f and of the
    # edges (see Bins.margin), so there no edge can lie between x and its estimate.
    # The second pass counts, and bins the rest (values near an edge, out of range,
    # NaN) exactly as numpy does.
    n_bins = edges.size - 1
    top = n_bins - margin
    width = p1 - p0
    guess = np.empty(width, np.int32)
    # indexing a view of the tile's rows saves an add per count: ~10% faster
    counters = small[p0:p1]
    for b in range(batch.shape[0]):
        row = batch[b, p0:p1]
        for q in range(width):
            f = (np.float64(row[q]) - first) * scale
            inside = (f > margin) & (f < top)
            f = f if inside else 0.5
            i = np.int32(f)
            fraction = f - i
            sure = inside & (fraction > margin) & (fraction < 1.0 - margin)
            guess[q] = i if sure else -1
        for q in range(width):
            i = guess[q]
            if i < 0:
                i = _exact_uniform(np.float64(row[q]), edges, first, scale)
                if i < 0:
                    continue
            counters[q, i] += 1
    if flush_after:  # while the tile's counters are still in cache
        _tile_flush(small, counts, p0, p1)


@njit(nogil=True, cache=True)
def _tile_edges(batch, small, edges, p0, p1, counts, flush_after):
    n_edges = edges.size
    last_bin = n_edges - 2
    left = edges[0]
    right = edges[n_edges - 1]
    counters = small[p0:p1]
    for b in range(batch.shape[0]):
        row = batch[b, p0:p1]
        for q in range(p1 - p0):
            x = row[q]
            if x >= left and x <= right:
                # branch-free binary search: largest i with edges[i] <= x
                i = 0
                size = n_edges
                while size > 1:
                    half = size >> 1
                    i = i + half if edges[i + half] <= x else i
                    size -= half
                counters[q, min(i, last_bin)] += 1
    if flush_after:  # while the tile's counters are still in cache
        _tile_flush(small, counts, p0, p1)


@njit(nogil=True, cache=True)
def _tile_lut(batch, small, lut, p0, p1, counts, flush_after):
    counters = small[p0:p1]
    for b in range(batch.shape[0]):
        row = batch[b, p0:p1]
        for q in range(p1 - p0):
            i = lut[row[q]]
            if i >= 0:
                counters[q, i] += 1
    if flush_after:  # while the tile's counters are still in cache
        _tile_flush(small, counts, p0, p1)


# --- drivers: parallel twins and serial twins ---------------------------------------


@njit(parallel=True, nogil=True, cache=True)
def count_uniform_parallel(batch, small, edges, first, scale, margin, tile, counts, flush_after):
    n_pixels = batch.shape[1]
    for t in prange((n_pixels + tile - 1) // tile):
        p0 = t * tile
        _tile_uniform(
            batch,
            small,
            edges,
            first,
            scale,
            margin,
            p0,
            min(p0 + tile, n_pixels),
            counts,
            flush_after,
        )


@njit(nogil=True, cache=True)
def count_uniform_serial(batch, small, edges, first, scale, margin, tile, counts, flush_after):
    n_pixels = batch.shape[1]
    for t in range((n_pixels + tile - 1) // tile):
        p0 = t * tile
        _tile_uniform(
            batch,
            small,
            edges,
            first,
            scale,
            margin,
            p0,
            min(p0 + tile, n_pixels),
            counts,
            flush_after,
        )


@njit(parallel=True, nogil=True, cache=True)
def count_edges_parallel(batch, small, edges, tile, counts, flush_after):
    n_pixels = batch.shape[1]
    for t in prange((n_pixels + tile - 1) // tile):
        p0 = t * tile
        _tile_edges(batch, small, edges, p0, min(p0 + tile, n_pixels), counts, flush_after)


@njit(nogil=True, cache=True)
def count_edges_serial(batch, small, edges, tile, counts, flush_after):
    n_pixels = batch.shape[1]
    for t in range((n_pixels + tile - 1) // tile):
        p0 = t * tile
        _tile_edges(batch, small, edges, p0, min(p0 + tile, n_pixels), counts, flush_after)


@njit(parallel=True, nogil=True, cache=True)
def count_lut_parallel(batch, small, lut, tile, counts, flush_after):
    n_pixels = batch.shape[1]
    for t in prange((n_pixels + tile - 1) // tile):
        p0 = t * tile
        _tile_lut(batch, small, lut, p0, min(p0 + tile, n_pixels), counts, flush_after)


@njit(nogil=True, cache=True)
def count_lut_serial(batch, small, lut, tile, counts, flush_after):
    n_pixels = batch.shape[1]
    for t in range((n_pixels + tile - 1) // tile):
        p0 = t * tile
        _tile_lut(batch, small, lut, p0, min(p0 + tile, n_pixels), counts, flush_after)


@njit(parallel=True, nogil=True, cache=True)
def flush(small, counts, tile):
    """Add ``small`` into ``counts`` and zero it (both ``(pixels, n_bins)``)."""
    n_pixels = small.shape[0]
    for t in prange((n_pixels + tile - 1) // tile):
        p0 = t * tile
        _tile_flush(small, counts, p0, min(p0 + tile, n_pixels))


@njit(nogil=True, cache=True)
def flush_serial(small, counts, tile):
    """:func:`flush` on one thread (inside Dask tasks)."""
    _tile_flush(small, counts, 0, small.shape[0])
