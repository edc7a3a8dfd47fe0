"""Compiled per-pixel histogram kernels (numba); :mod:`._hist_numpy` is their oracle.

Layout and schedule (measured, see FACTS.md):

* counts are pixel-major, ``(pixels, n_bins)``, so one pixel's bins share cache lines;
* pixels are cut into tiles small enough that a tile's counters stay in cache, and
  each tile runs over every frame of the call before the next tile starts;
* the kernels count into uint8 ``small`` counters, a quarter of the cache that
  uint32 would take, and flush them into the wide ``counts`` before they can wrap
  (at most every 255 frames): with ``flush_after`` each tile is flushed right after
  it is counted, while its counters are in cache (the ``flush`` kernel does it alone).

One kernel per binning -- ``uniform`` (a multiply, corrected against the edges),
``edges`` (binary search), ``lut`` (a table for 8/16-bit integers) -- and ``flush``,
each a per-tile body with one signature ``(batch, small, params, p0, p1, counts,
flush_after)``. :func:`variants` generates its drivers (numbagg's ``decorators.py``
is the model): one loop over tiles, compiled ``parallel`` (``prange`` on all cores)
and ``serial`` (inside Dask tasks). A runtime flag in the inner loop costs ~25 %, so
they are compiled apart; and numba's disk cache keys on the Python function, so each
variant is a distinct function object with its own qualified name (jitting one
function twice let the parallel one load the serial build).

The kernels assume clean input (the friendly layer validated it): ``batch`` is
C-contiguous ``(frames, pixels)`` of float32/float64 (uniform, edges) or
uint8/uint16 (lookup table), ``edges`` increase, ``small`` is ``(pixels, n_bins)``.
``params`` is ``(edges, first, scale, margin)``, ``(edges,)``, ``(lut,)`` or ``()``.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import numpy as np
from numba import njit, prange

__all__ = ["BINNINGS", "KERNELS", "sure_bin", "variants"]


# --- per-tile bodies ----------------------------------------------------------------


@njit(nogil=True, cache=True, inline="always")
def sure_bin(x, first, scale, margin, top):
    """The bin of ``x`` by a multiply where no edge can lie between (else -1); branch-free.

    ``f = (x - first) * scale``; where ``f`` is farther than ``margin`` from every
    integer (``margin`` bounds the rounding of ``f`` and of the edges, see
    Bins.margin), no edge can lie between ``x`` and its estimate and ``floor(f)``
    is numpy's bin. Shared by the pixel histograms and the equalization kernels.
    """
    f = (np.float64(x) - first) * scale
    inside = (f > margin) & (f < top)
    f = f if inside else 0.5
    i = np.int32(f)
    fraction = f - i
    sure = inside & (fraction > margin) & (fraction < 1.0 - margin)
    return i if sure else np.int32(-1)


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
def _flush_rows(small, counts, p0, p1):
    for p in range(p0, p1):
        for k in range(small.shape[1]):
            counts[p, k] += small[p, k]
            small[p, k] = 0


@njit(nogil=True, cache=True)
def _tile_flush(batch, small, params, p0, p1, counts, flush_after):
    _flush_rows(small, counts, p0, p1)


@njit(nogil=True, cache=True, error_model="numpy")
def _tile_uniform(batch, small, params, p0, p1, counts, flush_after):
    # Two passes per frame row. The first is branch-free, so it compiles to SIMD:
    # the bin is floor(f), f = (x - first) * scale, wherever f is farther than
    # ``margin`` from every integer -- ``margin`` bounds the rounding of f and of the
    # edges (see Bins.margin), so there no edge can lie between x and its estimate.
    # The second pass counts, and bins the rest (values near an edge, out of range,
    # NaN) exactly as numpy does.
    edges, first, scale, margin = params
    n_bins = edges.size - 1
    top = n_bins - margin
    width = p1 - p0
    guess = np.empty(width, np.int32)
    # indexing a view of the tile's rows saves an add per count: ~10% faster
    counters = small[p0:p1]
    for b in range(batch.shape[0]):
        row = batch[b, p0:p1]
        for q in range(width):
            guess[q] = sure_bin(row[q], first, scale, margin, top)
        for q in range(width):
            i = guess[q]
            if i < 0:
                i = _exact_uniform(np.float64(row[q]), edges, first, scale)
                if i < 0:
                    continue
            counters[q, i] += 1
    if flush_after:  # while the tile's counters are still in cache
        _flush_rows(small, counts, p0, p1)


@njit(nogil=True, cache=True)
def _tile_edges(batch, small, params, p0, p1, counts, flush_after):
    (edges,) = params
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
        _flush_rows(small, counts, p0, p1)


@njit(nogil=True, cache=True)
def _tile_lut(batch, small, params, p0, p1, counts, flush_after):
    (lut,) = params
    counters = small[p0:p1]
    for b in range(batch.shape[0]):
        row = batch[b, p0:p1]
        for q in range(p1 - p0):
            i = lut[row[q]]
            if i >= 0:
                counters[q, i] += 1
    if flush_after:  # while the tile's counters are still in cache
        _flush_rows(small, counts, p0, p1)


# --- generated drivers ---------------------------------------------------------------


def _over_tiles(batch, small, params, tile, counts, flush_after):  # pragma: no cover - compiled
    # TILE is the kernel, bound in each variant's own globals
    n_pixels = small.shape[0]
    for t in prange((n_pixels + tile - 1) // tile):
        p0 = t * tile
        TILE(batch, small, params, p0, min(p0 + tile, n_pixels), counts, flush_after)  # type: ignore[name-defined]  # noqa: F821


def variants(kernel: Callable[..., None], name: str) -> dict[str, Any]:
    """The ``serial`` and ``parallel`` drivers of a per-tile ``kernel``, each cached apart.

    Each variant is a new function object over the one driver's code, with the
    kernel in its globals and a qualified name of its own (``count_lut_parallel``),
    which is what numba's disk cache keys on.

    Examples
    --------
    >>> drivers = variants(_tile_lut, "lut")
    >>> sorted(drivers), drivers["parallel"].py_func.__qualname__
    (['parallel', 'serial'], 'count_lut_parallel')
    """
    drivers = {}
    for target in ("serial", "parallel"):
        qualified = f"count_{name}_{target}"
        function = types.FunctionType(
            _over_tiles.__code__, {**_over_tiles.__globals__, "TILE": kernel}, qualified
        )
        function.__qualname__ = qualified
        drivers[target] = njit(parallel=target == "parallel", nogil=True, cache=True)(function)
    return drivers


#: binning -> its per-tile kernel
BINNINGS: dict[str, Callable[..., None]] = {
    "uniform": _tile_uniform,
    "edges": _tile_edges,
    "lut": _tile_lut,
    "flush": _tile_flush,
}

#: binning -> {"serial": driver, "parallel": driver}
KERNELS: dict[str, dict[str, Any]] = {
    name: variants(kernel, name) for name, kernel in BINNINGS.items()
}
