"""DCT shrinkage of a JPEG'd picture's positions in windows on its 8x8 grid and halfway.

JPEG quantizes luma's DCT in 8x8 blocks; on textured fields (whose chroma holds no
more detail than the map's) the error along the map is that quantization. The
positions, made variance-stable (``_dct.stabilising_transform``: unit noise in every
bin), are cut into 8x8 windows every STEP pixels each way: four shifts, one of them
JPEG's own grid when the picture starts on it. Each window's DCT is shrunk by the
non-negative garrote ``c (1 - t^2 / c^2)`` at THRESHOLD noise sds, the DC kept, and the
windows' answers averaged, each weighted by ``1 / (1 + sum of squared gains)``
(Dabov et al. 2007's aggregation).

It is the one-stage, four-shift cut of ``_dct.dct_denoise`` (a pilot every 3 pixels,
a Wiener stage every 2), which costs ~12x as much. Real fields (terrain, camera,
astronaut, moon; 12 maps, 256^2, Pillow 4:2:0), mean error / the k-d tree's at q90 /
q75 / q50, noise share 1.4 (``_plan.JPEG_TEXTURE_SHARE``): no filter 0.751 / 0.814 /
0.851; ``dct_denoise`` 0.736 / 0.797 / 0.835; this 0.742 / 0.802 / 0.841 (a Wiener
gain of the window's own hard-thresholded coefficients 0.748 / 0.803 / 0.841;
windows every 2 pixels 0.740 / 0.796 / 0.834 at ~4x the cost; JPEG's grid alone
0.758 / 0.813 / 0.851: without the shifted windows no block edge is smoothed). A
noise assumed per quality, known (not estimated): q90 best at 1.5 DN (0.740), q75
flat over 2-3 DN (0.802), q50 at 4 DN (0.835); filtering positions directly with a
threshold per window's bin instead of stabilising them 0.749 / 0.800 / 0.837.

Arrays run with the window last (``[..., c]``), so that every loop runs along a
window row and numba vectorizes it; float32 throughout.
"""

from __future__ import annotations

import math
from typing import Any

import numba as nb
import numpy as np

from truepix._threads import split_rows
from truepix.color._decolorize._dct import _dct_basis, stabilising_transform

__all__ = ["deblock", "luma_texture"]

_JIT: dict[str, Any] = {
    "cache": True, "nogil": True, "error_model": "numpy",
    "fastmath": {"contract", "reassoc", "arcp", "nsz"},
}  # fmt: skip

#: Window side: JPEG's block.
BLOCK = 8
#: Windows start every STEP pixels each way (a divisor of BLOCK; the kernel assumes 4).
STEP = 4
#: The garrote's threshold, noise sds (1.2: 0.740 / 0.804 / 0.843).
THRESHOLD = 1.5
#: BT.601 luma, and the orthonormal 8-point DCT, for :func:`luma_texture`.
_LUMA = np.array([0.299, 0.587, 0.114])
_DCT = _dct_basis(BLOCK)
#: :func:`luma_texture` reads the central square of at most this side.
TEXTURE_SIDE = 128


def luma_texture(pixels: np.ndarray) -> float:
    """Median AC norm (DN) of luma's 8x8 blocks on the grid from the top left, in the
    picture's central TEXTURE_SIDE square: JPEG'd smooth gray fields 8.6-12, the moon
    17-19, terrain and photographs 57-240 (256^2, q90-q50)."""
    height, width = pixels.shape[:2]
    side_y, side_x = min(height, TEXTURE_SIDE) // 8 * 8, min(width, TEXTURE_SIDE) // 8 * 8
    if min(side_y, side_x) == 0:
        return 0.0
    top, left = (height - side_y) // 16 * 8, (width - side_x) // 16 * 8
    luma = pixels[top : top + side_y, left : left + side_x, :3].astype(np.float64) @ _LUMA
    blocks = luma.reshape(side_y // 8, 8, side_x // 8, 8).transpose(0, 2, 1, 3)
    coefficients = (_DCT @ blocks @ _DCT.T).reshape(-1, 64)
    return float(np.median(np.sqrt(np.sum(coefficients[:, 1:] ** 2, axis=1))))


def deblock(position: np.ndarray, noise_by_bin: np.ndarray, cyclic: bool) -> np.ndarray:
    """Positions (2-D, in [0, 1], NaN: none) shrunk in the windows' DCT (see the module);
    ``noise_by_bin``: the noise variance along the map in each bin, positions' units.
    A pixel whose windows all hold a NaN (or, on a cyclic map, cross its seam) keeps
    its position."""
    edges = stabilising_transform(noise_by_bin)
    height, width = position.shape
    pad = STEP
    # windows every STEP pixels from -STEP: each pixel in (BLOCK / STEP)^2 of them
    n_y = -(-(height + pad) // STEP)
    n_x = -(-(width + pad) // STEP)
    padded = np.empty(((n_y + 1) * STEP, (n_x + 1) * STEP), np.float32)
    split_rows(_to_stable_padded, padded.shape[0], position, edges, pad, padded)
    basis = _dct_basis(BLOCK).astype(np.float32)
    period = float(edges[-1]) if cyclic else 0.0
    total = np.zeros(padded.shape, np.float32)
    weight = np.zeros((n_y + 1, n_x + 1), np.float32)  # per window: [top, left] / STEP
    t2 = np.float32(THRESHOLD * THRESHOLD)
    # window rows two apart never overlap: each phase's rows split among the threads
    for phase in range(BLOCK // STEP):
        split_rows(_window_rows, (n_y - phase + 1) // 2, padded, basis, t2, period, total,
                   weight, phase)  # fmt: skip
    out = np.empty_like(position)
    split_rows(_back, height, position, padded, total, weight, pad, edges, cyclic, out)
    return out


@nb.njit(**_JIT)
def _mirror(i, n):  # pragma: no cover - jitted
    """Index i of a length-n axis reflected at its ends (``np.pad``'s "symmetric")."""
    period = 2 * n
    i = i % period
    return i if i < n else period - 1 - i


@nb.njit(**_JIT)
def _stable_of(u, edges):  # pragma: no cover - jitted
    """``_dct._to_stable`` of one position."""
    n_bins = edges.shape[0] - 1
    u *= n_bins
    if math.isnan(u):
        return u
    k = min(max(int(u), 0), n_bins - 1)
    return edges[k] + (min(max(u, 0.0), float(n_bins)) - k) * (edges[k + 1] - edges[k])


@nb.njit(**_JIT)
def _to_stable_padded(position, edges, pad, out, start, stop):  # pragma: no cover - jitted
    """Rows [start, stop) of the stable positions padded by ``pad`` (mirrored)."""
    height, width = position.shape
    for y in range(start, stop):
        sy = _mirror(y - pad, height)
        for x in range(out.shape[1]):
            sx = x - pad
            if sx < 0 or sx >= width:
                sx = _mirror(sx, width)
            out[y, x] = _stable_of(position[sy, sx], edges)


@nb.njit(**_JIT)
def _window_rows(  # pragma: no cover - jitted
    padded, basis, t2, period, total, weight, phase, first, stop
):
    """Window rows ``phase + 2 r`` (r in [first, stop)): each window's correction added
    to ``total``, its weight to ``weight[top / STEP, left / STEP]``. A row's columns'
    DCTs are shared by its windows, and their corrections go back to pixels once per
    row. Arrays are laid out with the window (``c``, every STEP pixels) last, so that
    every loop runs along windows: column x = STEP c + jj is ``[..., jj, c]``."""
    width = padded.shape[1]
    n_c = width // STEP  # column groups; windows start at groups 0 .. n_c - 2
    n_w = n_c - 1
    lines = np.empty((BLOCK, width), np.float32)  # [k, x]: the columns' frequencies
    cols = np.empty((BLOCK, STEP, n_c), np.float32)  # [k, jj, c]
    acc = np.empty((BLOCK, STEP, n_c), np.float32)
    has_nan = np.empty(n_c, np.bool_)
    freq = np.empty((BLOCK, BLOCK, n_w), np.float32)  # [l, k, c]
    kept = np.empty(n_w, np.float32)
    mirrored = np.empty((BLOCK, n_w), np.float32)
    low, high = np.empty(n_c, np.float32), np.empty(n_c, np.float32)
    one = np.float32(1.0)
    tiny = np.float32(1e-20)
    zero = np.float32(0.0)
    for r in range(first, stop):
        top = (phase + 2 * r) * STEP
        if top + BLOCK > padded.shape[0]:
            continue
        rows = padded[top : top + BLOCK]
        for k in range(BLOCK):
            b0, b1, b2, b3 = basis[k, 0], basis[k, 1], basis[k, 2], basis[k, 3]
            b4, b5, b6, b7 = basis[k, 4], basis[k, 5], basis[k, 6], basis[k, 7]
            for x in range(width):
                lines[k, x] = (
                    b0 * rows[0, x] + b1 * rows[1, x] + b2 * rows[2, x] + b3 * rows[3, x]
                    + b4 * rows[4, x] + b5 * rows[5, x] + b6 * rows[6, x] + b7 * rows[7, x]
                )  # fmt: skip
        for c in range(n_c):
            has_nan[c] = False
            for jj in range(STEP):
                has_nan[c] = has_nan[c] or math.isnan(lines[0, STEP * c + jj])
        for k in range(BLOCK):
            for jj in range(STEP):
                for c in range(n_c):
                    cols[k, jj, c] = lines[k, STEP * c + jj]
        # the windows' rows' DCTs: freq[l, k, c] = sum_j basis[l, j] cols[k, j, c]; even
        # frequencies see the mirrored sums (column j and 7 - j), odd ones the differences
        for k in range(BLOCK):
            a0, a1, a2, a3 = cols[k, 0], cols[k, 1], cols[k, 2], cols[k, 3]
            for c in range(n_w):
                mirrored[0, c], mirrored[4, c] = a0[c] + a3[c + 1], a0[c] - a3[c + 1]
                mirrored[1, c], mirrored[5, c] = a1[c] + a2[c + 1], a1[c] - a2[c + 1]
                mirrored[2, c], mirrored[6, c] = a2[c] + a1[c + 1], a2[c] - a1[c + 1]
                mirrored[3, c], mirrored[7, c] = a3[c] + a0[c + 1], a3[c] - a0[c + 1]
            for l in range(BLOCK):
                b0, b1, b2, b3 = basis[l, 0], basis[l, 1], basis[l, 2], basis[l, 3]
                m = 4 * (l % 2)
                m0, m1, m2, m3 = mirrored[m], mirrored[m + 1], mirrored[m + 2], mirrored[m + 3]
                f = freq[l, k]
                for c in range(n_w):
                    f[c] = b0 * m0[c] + b1 * m1[c] + b2 * m2[c] + b3 * m3[c]
        # garrote: c (1 - t^2 / c^2) above the threshold, the DC whole
        kept[:] = 0.0
        for l in range(BLOCK):
            for k in range(BLOCK):
                if l == 0 and k == 0:
                    continue
                for c in range(n_w):
                    x = freq[l, k, c]
                    g = max(one - t2 / max(x * x, tiny), np.float32(0.0))
                    freq[l, k, c] = x * g
                    kept[c] += g * g
        if period > 0.0:  # (a window across a cyclic map's seam: left alone)
            for c in range(n_c):
                lo = hi = padded[top, STEP * c]
                for i in range(BLOCK):
                    for jj in range(STEP):
                        v = padded[top + i, STEP * c + jj]
                        lo, hi = min(lo, v), max(hi, v)
                low[c], high[c] = lo, hi
        for c in range(n_w):
            skip = has_nan[c] or has_nan[c + 1]
            if period > 0.0:
                skip = skip or max(high[c], high[c + 1]) - min(low[c], low[c + 1]) > 0.5 * period
            kept[c] = np.float32(0.0) if skip else one / (kept[c] + one)
        # back along rows, minus the columns: each window's correction, weighted
        acc[:, :, :] = 0.0
        # (columns j and 7 - j from the even frequencies' sum plus / minus the odd ones')
        for j in range(BLOCK // 2):
            b0, b2, b4, b6 = basis[0, j], basis[2, j], basis[4, j], basis[6, j]
            b1, b3, b5, b7 = basis[1, j], basis[3, j], basis[5, j], basis[7, j]
            for k in range(BLOCK):
                f0, f1, f2, f3 = freq[0, k], freq[1, k], freq[2, k], freq[3, k]
                f4, f5, f6, f7 = freq[4, k], freq[5, k], freq[6, k], freq[7, k]
                near, far = acc[k, j], acc[k, BLOCK // 2 - 1 - j]
                col_near, col_far = cols[k, j], cols[k, BLOCK // 2 - 1 - j]
                for c in range(n_w):
                    even = b0 * f0[c] + b2 * f2[c] + b4 * f4[c] + b6 * f6[c]
                    odd = b1 * f1[c] + b3 * f3[c] + b5 * f5[c] + b7 * f7[c]
                    # (a window left out, kept 0, may hold a NaN: it adds nothing)
                    w = kept[c]
                    near[c] += w * (even + odd - col_near[c]) if w > 0.0 else zero
                    far[c + 1] += w * (even - odd - col_far[c + 1]) if w > 0.0 else zero
        for c in range(n_w):
            weight[top // STEP, c] = kept[c]
        for k in range(BLOCK):
            for jj in range(STEP):
                for c in range(n_c):
                    lines[k, STEP * c + jj] = acc[k, jj, c]
        for i in range(BLOCK):
            b0, b1, b2, b3 = basis[0, i], basis[1, i], basis[2, i], basis[3, i]
            b4, b5, b6, b7 = basis[4, i], basis[5, i], basis[6, i], basis[7, i]
            for x in range(width):
                total[top + i, x] += (
                    b0 * lines[0, x] + b1 * lines[1, x] + b2 * lines[2, x] + b3 * lines[3, x]
                    + b4 * lines[4, x] + b5 * lines[5, x] + b6 * lines[6, x] + b7 * lines[7, x]
                )  # fmt: skip


@nb.njit(**_JIT)
def _back(  # pragma: no cover - jitted
    position, padded, total, weight, pad, edges, cyclic, out, start, stop
):
    """Positions moved by their windows' mean correction, back from stable units: the
    bin found by walking from the pixel's own (corrections are a few bins)."""
    n_bins = edges.shape[0] - 1
    period = edges[n_bins]
    width = position.shape[1]
    for y in range(start, stop):
        for x in range(width):
            u = position[y, x]
            r, c = (y + pad) // STEP, (x + pad) // STEP  # (the four windows over the pixel)
            w = weight[r - 1, c - 1] + weight[r - 1, c] + weight[r, c - 1] + weight[r, c]
            if math.isnan(u) or w <= 0.0:
                out[y, x] = u
                continue
            z = padded[y + pad, x + pad] + total[y + pad, x + pad] / w
            if cyclic:
                z -= period * math.floor(z / period)
            k = min(max(int(u * n_bins), 0), n_bins - 1)
            while k > 0 and z < edges[k]:
                k -= 1
            while k < n_bins - 1 and z > edges[k + 1]:
                k += 1
            u = k + (z - edges[k]) / (edges[k + 1] - edges[k])
            out[y, x] = min(max(u / n_bins, 0.0), 1.0)
