"""Sliding-window DCT denoising of noisy positions (two stages, as BM3D's without its groups).

A noisy picture's positions carry noise whose variance depends on the bin
(``_filter.position_noise``, ``_posterior.posterior_noise``): a variance-stabilising
transform ``z = g(u)``, ``g' = 1 / noise sd``, gives them unit noise everywhere. In
BLOCK x BLOCK windows (every PILOT_STEP pixels each way) the DCT of ``z`` is
thresholded at THRESHOLD noise sds (the first stage, a pilot); then in windows every
STEP pixels it is shrunk by the empirical Wiener gain ``pilot^2 / (pilot^2 + v)`` of
the pilot's own coefficients (the second; ``v``: WIENER_NOISE). Windows overlap and
their answers are averaged, each weighted by the inverse of the (squared) gains it
kept (Yu and Sapiro 2011, "DCT image denoising"; Dabov et al. 2007's aggregation).
Windows of 8 and of 12 pixels (WINDOWS) err apart: the answer is the mean of both
sizes' (in ``z``). ``plane_wiener`` fits a
plane per window; these keep the texture a window's cosines describe, and
``_filter.denoise`` averages the two. Real fields (benchmarks/colormaps.py, 10 maps,
256^2), error / the k-d tree's at noise 2 DN: the planes 0.838, their mean with this
0.818 (terrain 0.939 -> 0.929, camera 0.782 -> 0.758, astronaut 0.873 -> 0.836, moon
0.762 -> 0.750); noise 1 DN 0.890 -> 0.881, 3 DN 0.802 -> 0.775; this alone about 0.82.
Since (12 maps, the screen of the noise 2 DN row alone): 0.8025 with 8 alone and v = 1;
v = 1.5 0.8016; with 12 every (3, 4) 0.8000 (p99 0.819 -> 0.8175), at 1.49x the time
of a 1 MP noisy decode on one thread (184 -> 275 ms, process time).

Tried and dropped (same pictures, 4 non-cyclic maps, planes at 0.834): scikit-image's
non-local means on the stabilised positions (h 0.6-0.8 sds, patches 5-7) 0.78-0.96 per
field (the planes 0.73-0.94), its mean with the planes 0.005 better at ~90x the
filter's time; the oracle (truth's
spectrum) Wiener filter of the whole picture, the best linear one, 0.92 on terrain
and worse than the planes on photographs; a least-squares mix, fitted on the truth, of
eight plane and two-stage plane filters 0.825; windows of 6, 8 and 12 averaged 0.004
better at 3x the cost. With the truth's own coefficients as the pilot the second stage
would reach 0.66: what is left is the pilot's quality (BM3D's grouped windows), not
the shrinkage. But BM3D itself (the ``bm3d`` 4.0.3 package, as an oracle: same
stabilised positions, unit sd) decodes viridis's real fields no better than the blend
does (terrain 0.913 vs 0.899, camera 0.782 vs 0.783, astronaut 0.834 vs 0.834, moon
0.625 vs 0.624; their mean 0.005 better), and ~100x slower. Also measured at 2 DN, 10
maps (the blend 0.818): the planes as the second stage's pilot 0.825 (0.831 alone),
the blend as its pilot 0.829; the noise assumed 1.15x and 1.3x (the stabilised
positions' sd is 1.03-1.09, not 1: the posterior medians are a little noisier than
the projections the noise is measured on) 0.817 and 0.817, and 1 DN 0.002 worse;
thresholds 2.4 and 3.0 0.820 and 0.817; STEP 1 0.817 (with 8 and 12 and v 1.5, 12
maps, 0.8000: 2.4 0.8002, 3.0 0.8005; v 1.25 0.8002; the mean of both sizes' pilots as
the pilot of both second stages 0.7999). The best weight per picture,
chosen knowing the truth, 0.815; per 16x16 tile 0.812: no estimate of the weight
can gain more than that.

A window's columns' DCTs are shared by the windows of its row, and their sum goes
back to pixels once per row. Windows holding a NaN position contribute nothing, and
pixels no window reached are NaN. On cyclic maps a window whose values lie on both
sides of the seam is taken relative to its first pixel, unwrapped to its side.
"""

from __future__ import annotations

import math
from typing import Any

import numba as nb
import numpy as np

from truepix._threads import split_rows

__all__ = ["dct_denoise", "stabilising_transform"]

#: fastmath without "nnan": the kernels test for NaN (windows with a hole are left out)
_JIT: dict[str, Any] = {
    "cache": True, "nogil": True, "error_model": "numpy",
    "fastmath": {"contract", "reassoc", "arcp", "nsz"},
}  # fmt: skip

#: Window side (pixels); 6 and 12 gave within 0.006x of 8's error, 4 0.03x worse.
BLOCK = 8
#: Windows start every STEP pixels each way (PILOT_STEP in the first stage): real
#: fields at 2 DN, 6 maps, their mean with the planes: steps 2 and 2 0.816x, 2 and 3
#: 0.816x, 2 and 4 0.818x, 3 and 3 0.819x; STEP 1 gains 0.003x at 4x the cost.
STEP = 2
PILOT_STEP = 3
#: The windows (side, STEP, PILOT_STEP) whose answers are averaged: 8 and 12 err apart.
#: Real fields at 2 DN, 12 maps (error / the k-d tree's; the planes' blend): 8 alone
#: 0.8016, with 12 every (3, 4) 0.7998, (2, 3) 0.7996, (3, 5) 0.8001, (4, 4) 0.8012;
#: with 6 every (2, 3) 0.8002; 6, 8 and 12 every (2, 3) 0.7996 (WIENER_NOISE 1 each).
WINDOWS = ((BLOCK, STEP, PILOT_STEP), (12, 3, 4))
#: The first stage keeps coefficients above THRESHOLD noise sds.
THRESHOLD = 2.7
#: The noise variance the second stage's Wiener gains assume, in stabilised units (the
#: stabilised positions' sd is 1.03-1.09): 8 alone, 12 maps at 2 DN, 1 0.8025x, 0.7
#: 0.8045x, 1.4 0.8016x, 1.5 0.8016x, 1.7 0.8016x, 2 0.8018x, 2.5 0.8026x.
WIENER_NOISE = 1.5


def stabilising_transform(noise_by_bin: np.ndarray) -> np.ndarray:
    """(n_bins + 1,) ``g`` at the bins' edges: positions in bin k move by ``1 / n_bins``
    per bin, scaled by the bin's noise sd, so that ``g(u)`` has unit noise."""
    n_bins = len(noise_by_bin)
    rise = 1.0 / (n_bins * np.sqrt(np.maximum(noise_by_bin, 1e-30)))
    return np.concatenate([[0.0], np.cumsum(rise)])


def dct_denoise(
    position: np.ndarray, noise_by_bin: np.ndarray, cyclic: bool, *,
    windows: tuple[tuple[int, int, int], ...] = WINDOWS, threshold: float = THRESHOLD,
    wiener_noise: float = WIENER_NOISE,
) -> np.ndarray:  # fmt: skip
    """Positions (2-D, in [0, 1], NaN: none) denoised in two DCT stages (see the module),
    the mean of ``windows``' answers ((side, step, pilot step) each); NaN where no
    window without NaN covers the pixel."""
    edges = stabilising_transform(noise_by_bin)
    stable = np.empty(position.shape, np.float32)  # (float32 halves the stages' time)
    split_rows(_to_stable, position.shape[0], position, edges, stable)
    period = float(edges[-1]) if cyclic else 0.0
    answer = stable  # (replaced by the first window's answer)
    for k, (side, step, pilot_step) in enumerate(windows):
        # windows also past the borders (mirrored), so that every pixel has as many
        pad = side - 1
        padded = np.pad(stable, pad, mode="symmetric")
        basis = _dct_basis(side).astype(np.float32)
        pilot = np.empty_like(padded)
        _stage(padded, padded, basis, pilot_step, threshold, period, pilot)
        # the second stage writes over its pilot: it reads the pilot only before it writes
        _stage(padded, pilot, basis, step, -wiener_noise, period, pilot)
        del padded
        if k == 0:
            answer = np.ascontiguousarray(pilot[pad:-pad, pad:-pad])
        else:  # the running mean (along the shorter arc on cyclic maps)
            split_rows(_mean_rows, answer.shape[0], answer, pilot[pad:-pad, pad:-pad],
                       1.0 / (k + 1), period)  # fmt: skip
        del pilot
    out = np.empty_like(position)
    # the bin below each of 4 n_bins equal steps of g: the inverse looks up, no search
    grid = np.linspace(0.0, float(edges[-1]), 4 * (len(edges) - 1) + 1)
    below = np.clip(np.searchsorted(edges, grid, side="right") - 1, 0, len(edges) - 2)
    split_rows(_from_stable, out.shape[0], answer, edges, below, cyclic, out)
    return out


@nb.njit(**_JIT)
def _mean_rows(answer, part, share, period, start, stop):  # pragma: no cover - jitted
    """answer += share (part - answer), the change along the shorter arc when
    ``period``; NaN in one of them: the other."""
    for y in range(start, stop):
        for x in range(answer.shape[1]):
            a, p = answer[y, x], part[y, x]
            if math.isnan(p):
                continue
            if math.isnan(a):
                answer[y, x] = p
                continue
            change = p - a
            if period > 0.0:
                change -= period * math.floor(change / period + 0.5)
            answer[y, x] = a + share * change


def _dct_basis(side: int) -> np.ndarray:
    """(side, side) orthonormal DCT-II: row k is frequency k."""
    k = np.arange(side)[:, None]
    basis = np.cos(np.pi * (2 * np.arange(side)[None, :] + 1) * k / (2 * side))
    basis *= np.sqrt(2.0 / side)
    basis[0] /= np.sqrt(2.0)
    return np.ascontiguousarray(basis)


@nb.njit(**_JIT)
def _to_stable(position, edges, out, start, stop):  # pragma: no cover - jitted
    n_bins = edges.shape[0] - 1
    for y in range(start, stop):
        for x in range(position.shape[1]):
            u = position[y, x] * n_bins
            if math.isnan(u):
                out[y, x] = u
                continue
            k = min(max(int(u), 0), n_bins - 1)
            out[y, x] = edges[k] + (min(max(u, 0.0), float(n_bins)) - k) * (edges[k + 1] - edges[k])


@nb.njit(**_JIT)
def _from_stable(stable, edges, below, cyclic, out, start, stop):  # pragma: no cover
    """Positions of stabilised values: the inverse of ``g``, the bin found from the
    grid's ``below`` (the bin holding each of its steps' starts) upward."""
    n_bins = edges.shape[0] - 1
    period = edges[n_bins]
    cells = (below.shape[0] - 1) / period
    for y in range(start, stop):
        for x in range(stable.shape[1]):
            z = stable[y, x]
            if math.isnan(z):
                out[y, x] = z
                continue
            if cyclic:
                z -= period * math.floor(z / period)
            k = below[min(max(int(z * cells), 0), below.shape[0] - 1)]
            while k < n_bins - 1 and edges[k + 1] < z:
                k += 1
            u = k + (z - edges[k]) / (edges[k + 1] - edges[k])
            out[y, x] = min(max(u / n_bins, 0.0), 1.0)


@nb.njit(**_JIT)
def _columns(source, top, basis, out, low, high):  # pragma: no cover - jitted
    """out[k, x]: frequency k of column x of rows ``top`` .. ``top + block``; ``low``,
    ``high``: the column's extremes (NaN if it holds a NaN)."""
    width, block = source.shape[1], basis.shape[0]
    out[:, :] = 0.0
    for i in range(block):
        for k in range(block):
            c = basis[k, i]
            for x in range(width):
                out[k, x] += c * source[top + i, x]
    for x in range(width):
        lo, hi = source[top, x], source[top, x]
        for i in range(1, block):
            v = source[top + i, x]
            lo, hi = min(lo, v), max(hi, v)
        if math.isnan(out[0, x]):
            lo = hi = np.nan
        low[x], high[x] = lo, hi


@nb.njit(**_JIT)
def _window_ok(low, high, left, block, period):  # pragma: no cover - jitted
    """Neither NaN in the window nor (on cyclic maps) values on both sides of the seam."""
    lo, hi = math.inf, -math.inf
    for j in range(block):
        if math.isnan(low[left + j]):
            return False
        lo, hi = min(lo, low[left + j]), max(hi, high[left + j])
    return period == 0.0 or hi - lo < 0.5 * period


def _stage(stable, pilot, basis, step, threshold, period, out):
    """One stage over every window (``basis``: their side's DCT): hard threshold
    (``threshold`` > 0) or the Wiener gain of ``pilot``'s coefficients (noise variance
    ``-threshold``); ``out``: ``stable`` plus the mean correction
    (``out`` may be ``pilot``: it is written after every window has been read).

    Window rows ``apart`` rows apart never overlap: each phase's rows are split
    among numba's threads (Python threads running the serial, nogil
    :func:`_stage_rows`; a ``parallel=True`` kernel compiled 2x slower, ~25 s of a
    first noisy decode), the phases one after another, so every sum is taken in
    the same order whatever the number of threads.
    """
    height, width = stable.shape
    block = basis.shape[0]
    n_rows = (height - block) // step + 1
    halves = _halves_jit(basis)
    total = np.zeros((height, width), stable.dtype)
    weight = np.zeros((height, width), stable.dtype)
    apart = (block + step - 1) // step  # window rows this far apart never overlap
    for phase in range(apart):
        split_rows(
            _stage_rows, (n_rows - phase + apart - 1) // apart, stable, pilot, basis, halves,
            step, threshold, period, total, weight, phase, apart,
        )  # fmt: skip
    split_rows(_finish, height, stable, total, weight, out)


@nb.njit(**_JIT)
def _stage_rows(  # pragma: no cover - jitted
    stable, pilot, basis, halves, step, threshold, period, total, weight, phase, apart, first, stop
):
    """Window rows ``phase + r * apart`` for r in [first, stop) of :func:`_stage`:
    their corrections and weights added to ``total`` and ``weight``.

    Windows of one row share their columns' DCTs (``_columns``) and their inverse:
    each adds its corrections in that half-transformed form, and the row's sum goes
    back to pixels once. The row's windows are transformed together, each step of the
    transform a loop over windows (SIMD): the columns are first dealt into ``step``
    phases (``_deal``), so that a window's l-th column is contiguous across windows.
    A window across a cyclic seam goes pixel by pixel (``_seam``).
    """
    width, block = stable.shape[1], basis.shape[0]
    ft = stable.dtype  # (float32: twice the windows a SIMD step)
    half = block // 2
    n_cols = (width - block) // step + 1
    n_dealt = n_cols + (block - 1) // step
    cols, guide_cols = np.empty((block, width), ft), np.empty((block, width), ft)
    low, high = np.empty(width, ft), np.empty(width, ft)
    glow, ghigh = np.empty(width, ft), np.empty(width, ft)
    dealt, guide_dealt = np.empty((block, step, n_dealt), ft), np.empty((block, step, n_dealt), ft)
    acc, row_weight = np.empty((block, step, n_dealt), ft), np.empty((step, n_dealt), ft)
    even, odd = np.empty((block, half, n_cols), ft), np.empty((block, half, n_cols), ft)
    guide_even, guide_odd = np.empty((block, half, n_cols), ft), np.empty((block, half, n_cols), ft)
    kept, w = np.empty(n_cols, ft), np.empty(n_cols, ft)
    total_sum, diff = np.empty(n_cols, ft), np.empty(n_cols, ft)
    back, back_weight = np.empty((block, width), ft), np.empty(width, ft)
    wiener = threshold <= 0.0
    for r in range(first, stop):
        top = (phase + r * apart) * step
        _columns(stable, top, basis, cols, low, high)
        _deal(cols, step, n_dealt, dealt)
        _row_dct(dealt, halves, step, n_cols, total_sum, diff, even, odd)
        if wiener:
            _columns(pilot, top, basis, guide_cols, glow, ghigh)
            _deal(guide_cols, step, n_dealt, guide_dealt)
            _row_dct(guide_dealt, halves, step, n_cols, total_sum, diff, guide_even, guide_odd)
        for c in range(n_cols):
            left = c * step
            w[c] = 0.0
            if not _window_ok(low, high, left, block, period):
                if period > 0.0 and not math.isnan(low[left]):
                    _seam(stable, pilot, basis, top, left, threshold, period, total, weight)
                continue
            if wiener and not _window_ok(glow, ghigh, left, block, period):
                continue
            w[c] = 1.0
        _shrink_all(even, odd, guide_even, guide_odd, threshold, kept)
        for c in range(n_cols):  # (a window left out may hold NaN: weighs 0)
            w[c] = 1.0 / max(kept[c], 1.0) if w[c] > 0.0 else 0.0
        acc[:, :, :] = 0.0
        row_weight[:, :] = 0.0
        for l in range(block):
            ph, at = l % step, l // step
            for c in range(n_cols):
                row_weight[ph, at + c] += w[c]
        _row_inverse(even, odd, halves, dealt, w, step, n_cols, acc)
        for k in range(block):  # dealt back into columns
            for ph in range(step):
                for j in range((width - ph + step - 1) // step):
                    back[k, j * step + ph] = acc[k, ph, j]
        for ph in range(step):
            for j in range((width - ph + step - 1) // step):
                back_weight[j * step + ph] = row_weight[ph, j]
        for i in range(block):
            t_row, w_row = total[top + i], weight[top + i]
            for k in range(block):
                b = basis[k, i]
                a_k = back[k]
                for x in range(width):
                    t_row[x] += b * a_k[x]
            for x in range(width):
                w_row[x] += back_weight[x]


@nb.njit(**_JIT)
def _deal(cols, step, n_dealt, out):  # pragma: no cover - jitted
    """out[k, p, j] = cols[k, j * step + p] (0 past the row's end)."""
    block, width = cols.shape
    for k in range(block):
        for p in range(step):
            for j in range(n_dealt):
                x = j * step + p
                out[k, p, j] = cols[k, x] if x < width else 0.0


@nb.njit(**_JIT)
def _row_dct(dealt, halves, step, n_cols, total, diff, even, odd):  # pragma: no cover
    """Every window's 2-D DCT of the row from its dealt columns' (``_deal``):
    ``even[k, m, c]`` is window c's frequency (k, 2m), ``odd[k, m, c]`` (k, 2m + 1).
    Even frequencies see the mirrored sums, odd ones the differences: half the work."""
    block = dealt.shape[0]
    for k in range(block):
        even[k, :, :] = 0.0
        odd[k, :, :] = 0.0
        for l in range(block // 2):
            a = dealt[k, l % step, l // step : l // step + n_cols]
            b = dealt[k, (block - 1 - l) % step, (block - 1 - l) // step :]
            for c in range(n_cols):
                total[c] = a[c] + b[c]
                diff[c] = a[c] - b[c]
            for m in range(block // 2):
                he, ho = halves[0, l, m], halves[1, l, m]
                ek, ok = even[k, m], odd[k, m]
                for c in range(n_cols):
                    ek[c] += total[c] * he
                    ok[c] += diff[c] * ho


@nb.njit(**_JIT)
def _row_inverse(even, odd, halves, dealt, w, step, n_cols, acc):  # pragma: no cover
    """acc (dealt as the columns) += ``w[c]`` times window c's inverse of
    :func:`_row_dct` less its columns: each window's correction, weighed."""
    block, n = even.shape[0], even.shape[2]
    e, o = np.empty(n, even.dtype), np.empty(n, even.dtype)
    for k in range(block):
        for l in range(block // 2):
            e[:] = 0.0
            o[:] = 0.0
            for m in range(block // 2):
                he, ho = halves[0, l, m], halves[1, l, m]
                ek, ok = even[k, m], odd[k, m]
                for c in range(n_cols):
                    e[c] += ek[c] * he
                    o[c] += ok[c] * ho
            for side in range(2):
                j = l if side == 0 else block - 1 - l
                ph, at = j % step, j // step
                src = dealt[k, ph, at : at + n_cols]
                dst = acc[k, ph, at : at + n_cols]
                for c in range(n_cols):
                    change = (e[c] + o[c] if side == 0 else e[c] - o[c]) - src[c]
                    dst[c] += w[c] * change if w[c] > 0.0 else 0.0


@nb.njit(**_JIT)
def _shrink_all(even, odd, guide_even, guide_odd, threshold, kept):  # pragma: no cover
    """:func:`_shrink` of every window of a row at once (the DC, ``even[0, 0]``, kept)."""
    block, n = even.shape[0], even.shape[2]
    dc = even[0, 0].copy()
    kept[:] = 0.0
    noise = np.empty(1, even.dtype)  # the Wiener stage's noise in the coefficients' type
    noise[0] = -threshold
    noise_c = noise[0]
    for part in range(2):
        coef = even if part == 0 else odd
        guide = guide_even if part == 0 else guide_odd
        for i in range(block):
            for j in range(block // 2):
                row, grow = coef[i, j], guide[i, j]
                if threshold > 0.0:
                    for c in range(n):
                        g = 1.0 if abs(row[c]) > threshold else 0.0
                        row[c] *= g
                        kept[c] += g
                else:
                    for c in range(n):
                        p2 = grow[c] * grow[c]
                        g = p2 / (p2 + noise_c)
                        row[c] *= g
                        kept[c] += g * g
    for c in range(n):
        if threshold > 0.0:
            kept[c] += 0.0 if abs(dc[c]) > threshold else 1.0
        else:
            p2 = guide_even[0, 0, c] * guide_even[0, 0, c]
            kept[c] += 1.0 - (p2 / (p2 - threshold)) ** 2
        even[0, 0, c] = dc[c]


@nb.njit(**_JIT)
def _finish(stable, total, weight, out, start, stop):  # pragma: no cover - jitted
    width = stable.shape[1]
    for y in range(start, stop):
        for x in range(width):
            out[y, x] = stable[y, x] + total[y, x] / weight[y, x] if weight[y, x] > 0.0 else np.nan


@nb.njit(**_JIT)
def _halves_jit(basis):  # pragma: no cover - jitted
    """(2, block // 2, block // 2): [0, l, m] = basis[2m, l], [1, l, m] = basis[2m + 1, l]."""
    half = basis.shape[0] // 2
    out = np.empty((2, half, half), basis.dtype)
    for l in range(half):
        for m in range(half):
            out[0, l, m] = basis[2 * m, l]
            out[1, l, m] = basis[2 * m + 1, l]
    return out


@nb.njit(**_JIT)
def _shrink(coef, guide, threshold, has_dc):  # pragma: no cover - jitted
    """Hard threshold (``threshold`` > 0) or Wiener gains of ``guide`` (noise variance
    ``-threshold``) applied to ``coef`` in place (the DC, ``coef[0, 0]`` when
    ``has_dc``, kept); the sum of gains (squared gains for Wiener's), which weighs
    the window."""
    dc = coef[0, 0]
    kept = 0.0
    block, side = coef.shape
    if threshold > 0.0:
        for i in range(block):
            for j in range(side):
                g = 1.0 if abs(coef[i, j]) > threshold else 0.0
                coef[i, j] *= g
                kept += g
    else:
        for i in range(block):
            for j in range(side):
                p2 = guide[i, j] * guide[i, j]
                g = p2 / (p2 - threshold)
                coef[i, j] *= g
                kept += g * g
    if has_dc:  # the DC kept whole: a gain of 1 for the one it had
        if threshold > 0.0:
            kept += 0.0 if abs(dc) > threshold else 1.0
        else:
            p2 = guide[0, 0] * guide[0, 0]
            kept += 1.0 - (p2 / (p2 - threshold)) ** 2
        coef[0, 0] = dc
    return kept


@nb.njit(**_JIT)
def _seam(stable, pilot, basis, top, left, threshold, period, total, weight):  # pragma: no cover
    """One window across a cyclic seam: values relative to its first pixel, unwrapped
    to its side, transformed in 2-D and their corrections added to ``total``."""
    block = basis.shape[0]
    values, guide = np.empty((block, block)), np.empty((block, block))
    tmp, coef = np.empty((block, block)), np.empty((block, block))
    guide_coef = np.empty((block, block))
    ref = stable[top, left]
    for i in range(block):
        for j in range(block):
            d = stable[top + i, left + j] - ref
            values[i, j] = d - period * math.floor(d / period + 0.5)
            if threshold <= 0.0:
                q = pilot[top + i, left + j] - ref
                if math.isnan(q):
                    return
                guide[i, j] = q - period * math.floor(q / period + 0.5)
    _transform(basis, values, tmp, coef, False)
    if threshold <= 0.0:
        _transform(basis, guide, tmp, guide_coef, False)
    w = 1.0 / max(_shrink(coef, guide_coef, threshold, True), 1.0)
    _transform(basis, coef, tmp, guide, True)
    for i in range(block):
        for j in range(block):
            total[top + i, left + j] += w * (guide[i, j] - values[i, j])
            weight[top + i, left + j] += w


@nb.njit(**_JIT)
def _transform(basis, values, tmp, out, inverse):  # pragma: no cover - jitted
    """out = B values B^T (inverse: B^T values B)."""
    block = basis.shape[0]
    for i in range(block):
        for j in range(block):
            s = 0.0
            for k in range(block):
                s += (basis[k, i] if inverse else basis[i, k]) * values[k, j]
            tmp[i, j] = s
    for i in range(block):
        for j in range(block):
            s = 0.0
            for k in range(block):
                s += tmp[i, k] * (basis[k, j] if inverse else basis[j, k])
            out[i, j] = s
