"""Compiled loops of ``_lattice``: 4:2:0's deconvolution and fancy upsampling of a plane.

:func:`unfiltered` and :func:`upsampled` give, bit for bit, what ``_lattice._samples``
and ``_lattice._upsampled`` give with numpy's shifted copies (the same float32 products
and sums, in the same order), in one pass each instead of ~110 and ~12 whole-plane
array operations: ``_phase420.chroma_phase`` on a 1 MP JPEG'd picture (8 planes of
112x112 samples) took ~2.3 ms of CPU more in those copies (7.5 -> 5.2 ms). One entry,
:func:`lattice_plane`: each compiled entry a fresh process loads from numba's cache costs
~4 ms of a cold first call.

:func:`phase_fits` is ``_lattice.phase_medians`` and ``_lattice.phase_fit`` of both chroma
planes at the four phases in one entry (``_phase420.chroma_phase``): the same medians, means,
samples and upsampled planes, bit for bit; only the error and spread sums, float64 in pixel
order, differ from numpy's float32 pairwise sums in their last bits (1 MP JPEG'd pictures,
one thread: 3.5 -> ~1.2 ms).

:func:`lattice_score` is ``_lattice._histogram_z`` of one reading from the histogram's
occupied bins alone (a JPEG's 64-1024 blocks fill 4-60 % of 63 x 1025), the cosines summed
in float64 where numpy's dense einsum summed float32: the same counts, scores within
float32's rounding (smooth_lossy's first reading of a JPEG'd megapixel: ~1.1 -> 0.1 ms).
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._vertex import _JIT

__all__ = ["lattice_plane", "lattice_score", "phase_fits"]


@nb.njit(**_JIT)
def lattice_plane(padded: np.ndarray, taps: np.ndarray, upsample: bool) -> np.ndarray:
    """:func:`unfiltered` ``padded`` (float32, see there), and with ``upsample`` that
    :func:`upsampled`: ``_lattice._samples`` and ``_upsampled(_samples(...))``."""
    samples = unfiltered(padded, taps)
    return upsampled(samples) if upsample else samples


@nb.njit(**_JIT)
def unfiltered(padded: np.ndarray, taps: np.ndarray) -> np.ndarray:
    """``padded`` (rows, columns) float32, padded by ``reach = (len(taps) - 1) // 2`` each
    side, filtered by ``taps`` (float32) down its columns, then along its rows, the padding
    cut: each output ``0 + taps[0] * x[0] + taps[1] * x[1] + ...`` in float32, in that
    order, as ``_lattice._samples`` sums its shifted copies."""
    reach = (len(taps) - 1) // 2
    height, width = padded.shape[0] - 2 * reach, padded.shape[1] - 2 * reach
    wide = padded.shape[1]
    rows = np.zeros((height, wide), dtype=np.float32)
    for i in range(height):
        for k in range(2 * reach + 1):
            tap = taps[k]
            for j in range(wide):
                rows[i, j] = rows[i, j] + tap * padded[i + k, j]
    out = np.zeros((height, width), dtype=np.float32)
    for i in range(height):
        for k in range(2 * reach + 1):
            tap = taps[k]
            for j in range(width):
                out[i, j] = out[i, j] + tap * rows[i, j + k]
    return out


@nb.njit(**_JIT)
def upsampled(samples: np.ndarray) -> np.ndarray:
    """libjpeg's fancy upsampling of float32 ``samples`` (rows, columns), 2x down its
    columns and then along its rows, ``0.75 * near + 0.25 * far`` in float32 (the edge
    sample repeated), as ``_lattice._upsampled`` computes it."""
    height, width = samples.shape
    near, far = np.float32(0.75), np.float32(0.25)
    tall = np.empty((2 * height, width), dtype=np.float32)
    for i in range(height):
        before, after = max(i - 1, 0), min(i + 1, height - 1)
        for j in range(width):
            value = near * samples[i, j]
            tall[2 * i, j] = value + far * samples[before, j]
            tall[2 * i + 1, j] = value + far * samples[after, j]
    out = np.empty((2 * height, 2 * width), dtype=np.float32)
    for i in range(2 * height):
        for j in range(width):
            before, after = max(j - 1, 0), min(j + 1, width - 1)
            value = near * tall[i, j]
            out[i, 2 * j] = value + far * tall[i, before]
            out[i, 2 * j + 1] = value + far * tall[i, after]
    return out


@nb.njit(**_JIT)
def phase_fits(planes: np.ndarray, ordered: np.ndarray, taps: np.ndarray) -> np.ndarray:
    """Per phase (rows 0-3: ``_lattice.PHASES``' order) the error and spread sums of
    ``_lattice.phase_fit`` over both ``planes`` ((2, rows, columns) float32 Cb and Cr) and
    the pixels of one plane read; ``ordered`` ((2, rows x columns)): each plane's values
    sorted (numpy's sort), no NaN, from which each phase's median is read as
    ``_lattice.phase_medians`` reads it."""
    out = np.zeros((4, 3), dtype=np.float64)
    height, width = planes.shape[1], planes.shape[2]
    reach = (len(taps) - 1) // 2
    for phase in range(4):
        dy, dx = phase // 2, phase % 2
        h, w = (height - dy) // 2, (width - dx) // 2
        for c in range(2):
            plane = planes[c]
            median = _phase_median(plane, ordered[c], dy, dy + 2 * h, dx, dx + 2 * w)
            padded = np.empty((h + 2 * reach, w + 2 * reach), dtype=np.float32)
            quarter = np.float32(0.25)
            for i in range(h + 2 * reach):
                y = dy + 2 * _symmetric(i - reach, h)
                for j in range(w + 2 * reach):
                    x = dx + 2 * _symmetric(j - reach, w)
                    padded[i, j] = (plane[y, x] + plane[y + 1, x] + plane[y, x + 1]
                                    + plane[y + 1, x + 1]) * quarter  # fmt: skip
            up = upsampled(unfiltered(padded, taps))
            # (float32 terms summed in float64, four lanes: the loop vectorizes)
            error, spread = np.zeros(4), np.zeros(4)
            for i in range(4, 2 * h - 4):
                row, fit = plane[dy + i, dx:], up[i]
                for j in range(4, 2 * w - 4):
                    value = row[j]
                    error[j & 3] += abs(value - fit[j])
                    spread[j & 3] += abs(value - median)
            out[phase, 0] += error.sum()
            out[phase, 1] += spread.sum()
            out[phase, 2] = (2 * h - 8) * (2 * w - 8)
    return out


@nb.njit(inline="always", **_JIT)
def _symmetric(i, n):  # pragma: no cover - jitted
    """Index ``i`` of a length-``n`` axis past its ends as ``np.pad``'s "symmetric" reads it
    (``i`` within ``n`` of the axis)."""
    return -i - 1 if i < 0 else (2 * n - 1 - i if i >= n else i)


@nb.njit(**_JIT)
def _phase_median(plane, ordered, top, bottom, left, right):  # pragma: no cover - jitted
    """``np.median(plane[top:bottom, left:right])`` (float32) from ``ordered``, the whole
    plane's values sorted: the values outside the cut taken away (``_lattice._ranked``)."""
    height, width = plane.shape
    n_out = height * width - (bottom - top) * (right - left)
    removed = np.empty(n_out, dtype=np.float32)
    k = 0
    for y in range(height):
        if top <= y < bottom:  # (the cut's rows: their columns left and right of it)
            for x in range(left):
                removed[k] = plane[y, x]
                k += 1
            for x in range(right, width):
                removed[k] = plane[y, x]
                k += 1
            continue
        for x in range(width):
            removed[k] = plane[y, x]
            k += 1
    removed.sort()
    n = len(ordered) - n_out
    half = n // 2
    zero = np.float32(0.0)  # (numpy's mean adds the rest's pairwise sum, from +0.0, to the first)
    if n % 2 == 1:
        return _ranked(ordered, removed, half) + zero
    low, high = _ranked(ordered, removed, half - 1), _ranked(ordered, removed, half)
    return (low + (zero + high)) * np.float32(0.5)  # (... and halves it exactly)


@nb.njit(**_JIT)
def _ranked(ordered, removed, k):  # pragma: no cover - jitted
    """``_lattice._ranked``: the first value ``w`` of ``ordered`` from place ``k`` on with
    ``k + 1`` values at or below it once ``removed``'s are taken away (both sorted)."""
    n, m = len(ordered), len(removed)
    above = k + 1  # first place of ordered past w
    gone = np.searchsorted(removed, ordered[k], side="right")
    for i in range(k, min(k + m + 1, n)):
        w = ordered[i]
        above = max(above, i + 1)
        while above < n and ordered[above] <= w:
            above += 1
        while gone < m and removed[gone] <= w:
            gone += 1
        if above - gone >= k + 1:
            return w
    return ordered[k]  # (never reached: numpy's argmax of none, the window's first)


@nb.njit(**_JIT)
def lattice_score(index: np.ndarray, cosines: np.ndarray, unread: np.ndarray, least: int) -> float:
    """The largest z score (``_lattice._histogram_z``, one reading) of coefficients binned
    at ``index`` ((n, frequencies) bins of ``cosines``' rows; ``len(cosines)``: out of
    reach), 0 where no frequency and step read ``least`` coefficients or more."""
    n_bins, n_steps = cosines.shape
    n, n_frequencies = index.shape
    histogram = np.zeros((n_frequencies, n_bins + 1), dtype=np.int64)
    for i in range(n):
        for f in range(n_frequencies):
            histogram[f, index[i, f]] += 1
    cumulative = np.zeros(n_bins + 1, dtype=np.int64)
    sums = np.empty(n_steps, dtype=np.float64)
    best = 0.0
    for f in range(n_frequencies):
        row = histogram[f]
        for j in range(n_bins):
            cumulative[j + 1] = cumulative[j] + row[j]
        sums[:] = 0.0
        for j in range(n_bins):
            if row[j]:
                count = np.float64(row[j])
                for k in range(n_steps):
                    sums[k] += count * cosines[j, k]
        total = cumulative[n_bins]
        for k in range(n_steps):
            read = total - (cumulative[unread[k, 1]] - cumulative[unread[k, 0]])
            if read >= least:
                best = max(best, sums[k] / np.sqrt(np.float64(max(read, 1))))
    return best
