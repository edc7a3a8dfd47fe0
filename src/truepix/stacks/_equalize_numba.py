"""Compiled batch equalization, one image per task; :mod:`._equalize_numpy` is the oracle.

Each kernel takes images flattened to ``(images, pixels)`` and equalizes them in
parallel. The float kernel reproduces, step by step and in the same precision,
what scikit-image does with numpy: ``np.linspace`` edges in the image's dtype,
``np.histogram`` binning (estimate, then correct against the edges), the CDF
rounded to the image's float type, ``np.interp`` at the bin centers. The
interpolation needs no search: a pixel's histogram bin ``k`` already brackets it
between centers ``k - 1`` and ``k + 1``.

Variants are distinct functions (no flags in inner loops): masked and unmasked,
uint8 (OpenCV), integers (one bin per value) and floats. A kernel never raises:
it reports images it cannot equalize in ``status`` (:data:`FINE`, :data:`NOT_FINITE`,
:data:`TOO_MANY_BINS`: edges that are not strictly increasing, which numpy refuses).
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange

from truepix.stacks._hist_numba import sure_bin

FINE, NOT_FINITE, TOO_MANY_BINS = 0, 1, 2

__all__ = [
    "FINE",
    "NOT_FINITE",
    "TOO_MANY_BINS",
    "equalize_float",
    "equalize_float_masked",
    "equalize_integer",
    "equalize_integer_masked",
    "equalize_uint8",
    "equalize_uint8_masked",
]


# --- uint8, as cv::equalizeHist --------------------------------------------------


@njit(nogil=True, cache=True, error_model="numpy")
def _uint8_one(image, values, out):
    # four interleaved histograms: runs of equal pixels would otherwise stall on
    # incrementing the same counter back to back
    h0 = np.zeros(256, np.int32)
    h1 = np.zeros(256, np.int32)
    h2 = np.zeros(256, np.int32)
    h3 = np.zeros(256, np.int32)
    n = values.size
    quad = n - n % 4
    for p in range(0, quad, 4):
        h0[values[p]] += 1
        h1[values[p + 1]] += 1
        h2[values[p + 2]] += 1
        h3[values[p + 3]] += 1
    for p in range(quad, n):
        h0[values[p]] += 1
    hist = h0 + h1 + h2 + h3
    first = 0
    while hist[first] == 0:
        first += 1
    total = values.size
    if hist[first] == total:
        out[:] = first
        return
    lut = np.zeros(256, np.uint8)
    scale = np.float32(255.0) / np.float32(total - hist[first])
    running = 0
    for k in range(first + 1, 256):
        running += hist[k]
        level = np.rint(np.float32(running) * scale)
        lut[k] = min(max(level, 0), 255)
    for p in range(image.size):
        out[p] = lut[image[p]]


@njit(parallel=True, nogil=True, cache=True, error_model="numpy")
def equalize_uint8(images, out):
    for m in prange(images.shape[0]):
        _uint8_one(images[m], images[m], out[m])


@njit(parallel=True, nogil=True, cache=True, error_model="numpy")
def equalize_uint8_masked(images, mask, out):
    shared = mask.shape[0] == 1
    for m in prange(images.shape[0]):
        selected = mask[0] if shared else mask[m]
        _uint8_one(images[m], images[m][selected], out[m])


# --- other integers: one bin per value, as scikit-image ---------------------------


@njit(nogil=True, cache=True, error_model="numpy")
def _integer_one(image, values, out, low, high):
    hist = np.zeros(high - low + 1, np.int64)
    for v in values:
        hist[int(v) - low] += 1
    cdf = np.empty(hist.size, np.float64)
    running = 0
    total = float(values.size)
    for k in range(hist.size):
        running += hist[k]
        cdf[k] = running / total
    for p in range(image.size):
        v = int(image[p])
        if v <= low:
            out[p] = cdf[0]
        elif v >= high:
            out[p] = cdf[hist.size - 1]
        else:
            out[p] = cdf[v - low]


@njit(parallel=True, nogil=True, cache=True, error_model="numpy")
def equalize_integer(images, out, lows, highs):
    for m in prange(images.shape[0]):
        _integer_one(images[m], images[m], out[m], lows[m], highs[m])


@njit(parallel=True, nogil=True, cache=True, error_model="numpy")
def equalize_integer_masked(images, mask, out, lows, highs):
    shared = mask.shape[0] == 1
    for m in prange(images.shape[0]):
        selected = mask[0] if shared else mask[m]
        _integer_one(images[m], images[m][selected], out[m], lows[m], highs[m])


# --- floats, as scikit-image (np.histogram + np.interp) ----------------------------


@njit(nogil=True, cache=True, error_model="numpy")
def _float_range(values, half):
    first = values[0]
    last = values[0]
    finite = True
    for v in values:
        finite &= np.isfinite(v)
        first = min(first, v)
        last = max(last, v)
    if first == last:
        first = first - half
        last = last + half
    return finite, first, last


@njit(nogil=True, cache=True, error_model="numpy")
def _min_max(values):
    """Min and max ignoring NaN (the caller detects NaN elsewhere); 8 independent
    accumulators, since one chain would wait on the compare latency at every value."""
    n = values.size
    l0 = l1 = l2 = l3 = l4 = l5 = l6 = l7 = values[0]
    h0 = h1 = h2 = h3 = h4 = h5 = h6 = h7 = values[0]
    octets = n - n % 8
    for p in range(0, octets, 8):
        v0, v1, v2, v3 = values[p], values[p + 1], values[p + 2], values[p + 3]
        v4, v5, v6, v7 = values[p + 4], values[p + 5], values[p + 6], values[p + 7]
        l0 = v0 if v0 < l0 else l0
        l1 = v1 if v1 < l1 else l1
        l2 = v2 if v2 < l2 else l2
        l3 = v3 if v3 < l3 else l3
        l4 = v4 if v4 < l4 else l4
        l5 = v5 if v5 < l5 else l5
        l6 = v6 if v6 < l6 else l6
        l7 = v7 if v7 < l7 else l7
        h0 = v0 if v0 > h0 else h0
        h1 = v1 if v1 > h1 else h1
        h2 = v2 if v2 > h2 else h2
        h3 = v3 if v3 > h3 else h3
        h4 = v4 if v4 > h4 else h4
        h5 = v5 if v5 > h5 else h5
        h6 = v6 if v6 > h6 else h6
        h7 = v7 if v7 > h7 else h7
    for p in range(octets, n):
        v = values[p]
        l0 = v if v < l0 else l0
        h0 = v if v > h0 else h0
    low = min(min(min(l0, l1), min(l2, l3)), min(min(l4, l5), min(l6, l7)))
    high = max(max(max(h0, h1), max(h2, h3)), max(max(h4, h5), max(h6, h7)))
    return low, high


@njit(nogil=True, cache=True, error_model="numpy")
def _linspace(first, last, ramp, div):
    # np.linspace(first, last, nbins + 1) in the image's dtype: ``ramp`` is
    # arange(nbins + 1) and ``div`` is nbins, both in that dtype, so float32
    # images keep numpy's float32 arithmetic
    n_bins = ramp.size - 1
    edges = np.empty(n_bins + 1, ramp.dtype)
    delta = last - first
    step = delta / div
    if step == 0:
        for k in range(n_bins + 1):
            edges[k] = (ramp[k] / div) * delta + first
    else:
        for k in range(n_bins + 1):
            edges[k] = ramp[k] * step + first
    edges[n_bins] = last
    return edges


@njit(nogil=True, cache=True, error_model="numpy")
def _increasing(edges):
    for k in range(edges.size - 1):
        if not edges[k] < edges[k + 1]:
            return False
    return True


@njit(nogil=True, cache=True, error_model="numpy")
def _bin_of(x, edges, scale, last_bin):
    # np.histogram's binning: estimate by a multiply, correct against the edges
    k = min(int((x - edges[0]) * scale), last_bin)
    if x < edges[k]:
        k -= 1
    elif x >= edges[k + 1] and k != last_bin:
        k += 1
    return k


@njit(nogil=True, cache=True, error_model="numpy")
def _interp_tables(hist, edges, total, cdf_dtype):
    """np.interp at the bin centers as tables indexed by ``t = j + 1``.

    ``j`` is np.interp's segment (-1 left of the first center, n_bins - 1 right of
    the last); the value is ``slope[t] * (x - center[t]) + base[t]``, which for the
    two ends is the constant end value.
    """
    n_bins = hist.size
    cdf_typed = np.empty(n_bins, cdf_dtype)
    running = 0
    for k in range(n_bins):
        running += hist[k]
        cdf_typed[k] = running / total  # rounded to the image's float type
    cdf = cdf_typed.astype(np.float64)
    centers = np.empty(n_bins, np.float64)
    for k in range(n_bins):
        centers[k] = (edges[k] + edges[k + 1]) / 2
    slope = np.zeros(n_bins + 1, np.float64)
    start = np.zeros(n_bins + 1, np.float64)
    base = np.empty(n_bins + 1, np.float64)
    base[0] = cdf[0]
    for j in range(n_bins - 1):
        slope[j + 1] = (cdf[j + 1] - cdf[j]) / (centers[j + 1] - centers[j])
        start[j + 1] = centers[j]
        base[j + 1] = cdf[j]
    base[n_bins] = cdf[n_bins - 1]
    return centers, slope, start, base


@njit(nogil=True, cache=True, error_model="numpy")
def _float_one(image, out, ramp, half, div, eps):
    # NaN does not move the min and max here (it fails every comparison) but it
    # lands in the exact path of the histogram pass, which reports it
    first, last = _min_max(image)
    if not (np.isfinite(first) and np.isfinite(last)):
        return NOT_FINITE
    if first == last:
        first = first - half
        last = last + half
    edges = _linspace(first, last, ramp, div)
    n_bins = edges.size - 1
    if not _increasing(edges):
        return TOO_MANY_BINS
    left = np.float64(edges[0])
    right = np.float64(edges[n_bins])
    scale = n_bins / (right - left)
    # as the pixel histograms (see Bins.margin): where the float64 estimate is
    # farther than ``margin`` from every integer, its floor is numpy's bin
    margin = 8.0 * (eps * max(abs(left), abs(right)) * scale + eps * n_bins)
    margin = min(margin + 2.0**-40 * (n_bins + 1), 0.5)
    top = n_bins - margin
    bin_of = np.empty(image.size, np.int32)  # reused by the mapping pass
    for p in range(image.size):  # branch-free: SIMD
        bin_of[p] = sure_bin(image[p], left, scale, margin, top)
    hist = np.zeros(n_bins, np.int64)
    for p in range(image.size):
        k = bin_of[p]
        if k < 0:
            x = image[p]
            if x != x:
                return NOT_FINITE
            k = _bin_of(x, edges, scale, n_bins - 1)
            bin_of[p] = k
        hist[k] += 1
    centers, slope, start, base = _interp_tables(hist, edges, float(image.size), ramp.dtype)
    for p in range(image.size):
        x = np.float64(image[p])
        k = bin_of[p]
        # a value in bin k lies between centers k - 1 and k + 1: no search
        t = k + 1 if x >= centers[k] else k
        out[p] = slope[t] * (x - start[t]) + base[t]
    return FINE


@njit(nogil=True, cache=True, error_model="numpy")
def _float_one_masked(image, selected, out, ramp, half, div):
    values = image[selected]
    finite, first, last = _float_range(values, half)
    if not finite:
        return NOT_FINITE
    edges = _linspace(first, last, ramp, div)
    n_bins = edges.size - 1
    if not _increasing(edges):
        return TOO_MANY_BINS
    scale = n_bins / (np.float64(edges[n_bins]) - np.float64(edges[0]))
    hist = np.zeros(n_bins, np.int64)
    for v in values:
        hist[_bin_of(v, edges, scale, n_bins - 1)] += 1
    centers, slope, start, base = _interp_tables(hist, edges, float(values.size), ramp.dtype)
    for p in range(image.size):
        x = image[p]
        if np.isnan(x):
            out[p] = np.nan
            continue
        if x < edges[0]:  # pixels outside the mask may lie outside its range
            t = 0
        elif x > edges[n_bins]:
            t = n_bins
        else:
            k = _bin_of(x, edges, scale, n_bins - 1)
            t = k + 1 if x >= centers[k] else k
        out[p] = slope[t] * (x - start[t]) + base[t]
    return FINE


@njit(parallel=True, nogil=True, cache=True, error_model="numpy")
def equalize_float(images, out, ramp, half, div, eps, status):
    for m in prange(images.shape[0]):
        status[m] = _float_one(images[m], out[m], ramp, half, div, eps)


@njit(parallel=True, nogil=True, cache=True, error_model="numpy")
def equalize_float_masked(images, mask, out, ramp, half, div, status):
    shared = mask.shape[0] == 1
    for m in prange(images.shape[0]):
        selected = mask[0] if shared else mask[m]
        status[m] = _float_one_masked(images[m], selected, out[m], ramp, half, div)
