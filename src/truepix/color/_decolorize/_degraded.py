"""numba kernels for degraded pictures (the friendly layer is ``_api``).

The decoding of clean pictures lives in ``_kernels``; these kernels handle what
lossy delivery does to a picture: a test for JPEG's 4:2:0 chroma subsampling
(``chroma_subsampling_test``), unmixing pixels that are a blend of two nearby map
colors (``unmix``), and an edge-preserving local-plane Wiener filter over positions
along the map (``plane_wiener``), used when a picture is noisy. Kernels assume clean
input: the friendly layer validated shapes, dtypes and ranges.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._blocks import block_chroma, needed_blocks
from truepix.color._decolorize._kernels import (
    _JIT,
    NORM_LINEAR,
    POS_MASK,
    POS_SCALE,
    RESIDUAL_SHIFT,
    _color_at,
    _inverse_norm,
)
from truepix.color._decolorize._histogram import _row_sums, _zeros_float
from truepix.color._decolorize._remodel import model_distance

__all__ = [
    "chroma_model_residual", "chroma_subsampling_test", "near", "near_any", "plane_wiener",
    "unmix", "window_pixels",
]  # fmt: skip


@nb.njit(parallel=True, **_JIT)
def chroma_subsampling_test(  # pragma: no cover - jitted
    pixels,
    scale,
    codes,
    width,
    max_code,
    vertices,
    positions,
    n_bins,
    cyclic,
    step,
    ycc,
):
    """How well JPEG's 4:2:0 chroma model explains the observed chroma.

    For every ``step``-th row of 2x2 blocks: the map's chroma at each pixel's decoded
    position (``ycc`` rows 1-2 map RGB to Cb, Cr), averaged per block and upsampled
    back as libjpeg does (a triangle filter: 9/16 own block, 3/16 each edge
    neighbour, 1/16 the corner one). Returns ``[e_map, e_model]``: squared distance
    of the observed chroma to the map's chroma and to the modelled one. A JPEG'd
    picture fits the model; an exact, noisy or resampled one fits the map.
    """
    height = codes.shape[0] // width
    n_brow = height // 2
    n_bcol = width // 2
    picks = max(0, (n_brow - 2 + step - 1) // step)
    partial = _zeros_float(max(picks, 1), 2)  # (not a parallel loop of its own)
    for k in nb.prange(picks):
        i = 1 + k * step  # block row, with one block row of context on each side
        block = np.zeros((3, n_bcol, 2), np.float64)
        good = np.ones((3, n_bcol), np.bool_)
        mapped = np.zeros((2, 2 * n_bcol, 2), np.float64)
        for r in range(3):
            for j in range(n_bcol):
                for dy in range(2):
                    for dx in range(2):
                        p = (2 * (i - 1 + r) + dy) * width + 2 * j + dx
                        code = codes[p]
                        res = code >> RESIDUAL_SHIFT
                        if res == 0 or res > max_code:
                            good[r, j] = False
                            continue
                        s0 = (code & POS_MASK) * (1.0 / POS_SCALE) * n_bins
                        cr, cg, cb = _color_at(s0, vertices, positions, n_bins, cyclic)
                        u = ycc[1, 0] * cr + ycc[1, 1] * cg + ycc[1, 2] * cb
                        v = ycc[2, 0] * cr + ycc[2, 1] * cg + ycc[2, 2] * cb
                        block[r, j, 0] += 0.25 * u
                        block[r, j, 1] += 0.25 * v
                        if r == 1:
                            mapped[dy, 2 * j + dx, 0] = u
                            mapped[dy, 2 * j + dx, 1] = v
        for dy in range(2):
            rv = 0 if dy == 0 else 2  # the vertical neighbour block row
            for j in range(n_bcol):
                for dx in range(2):
                    jh = max(0, j - 1) if dx == 0 else min(n_bcol - 1, j + 1)
                    if not (good[1, j] and good[rv, j] and good[1, jh] and good[rv, jh]):
                        continue
                    p = (2 * i + dy) * width + 2 * j + dx
                    for c in range(2):
                        model = (
                            9.0 * block[1, j, c] + 3.0 * block[rv, j, c]
                            + 3.0 * block[1, jh, c] + block[rv, jh, c]
                        ) / 16.0  # fmt: skip
                        obs = (
                            ycc[c + 1, 0] * pixels[p, 0]
                            + ycc[c + 1, 1] * pixels[p, 1]
                            + ycc[c + 1, 2] * pixels[p, 2]
                        ) * scale
                        e_map = obs - mapped[dy, 2 * j + dx, c]
                        e_model = obs - model
                        partial[k, 0] += e_map * e_map
                        partial[k, 1] += e_model * e_model
    return _row_sums(partial)


@nb.njit(parallel=True, **_JIT)
def chroma_model_residual(  # pragma: no cover - jitted
    pixels, scale, width, position, candidates, vertices, positions, n_bins, cyclic, ycc,
    strong, luma_low, luma_high, stroke, flat, out, out_strong,
):  # fmt: skip
    """Per pixel of ``candidates`` (flat indices; those past the RGB residual threshold):
    how far JPEG's 4:2:0 model is.

    The model is what ``chroma_subsampling_test`` scores: luma of the map color at
    the pixel's position (from the luma-weighted metric), chroma of the map colors
    at the positions around, averaged per 2x2 block and upsampled as libjpeg does.
    ``out[k]`` is the distance (DN, Y Cb Cr) of pixel ``candidates[k]`` to it,
    infinite where a position is missing. ``out_strong[k]``: the
    pixel is farther than ``strong``, or its luma lies ``stroke`` DN outside the
    map's luma range [luma_low, luma_high] or outside its 3x3 neighbours' (a thin
    stroke is darker or brighter than all of them), or the 3x3 luma varies by less
    than ``flat`` DN (JPEG leaves flat areas nearly as they were). Only the listed
    pixels are visited: a JPEG'd picture has a few per cent of them at most.
    Returns the chroma of the blocks read and each block's 1 + row in it (0: not read;
    ``_blocks.needed_blocks``), which ``_remodel.remodel`` reads again once pixels
    moved.
    """
    height = position.shape[0] // width
    # each block the model reads, once (``_blocks``); jet's JPEG'd megapixel (q75) reads
    # 36 000: 11-24 ms on one thread in a serial kernel of their own, 5-9 here
    n_bx, n_by = (width + 1) // 2, (height + 1) // 2
    blocks, row = needed_blocks(width, height, candidates)
    chroma = np.empty((blocks.shape[0], 2), np.float64)
    for i in nb.prange(blocks.shape[0]):
        chroma[i, 0], chroma[i, 1] = block_chroma(
            position, width, height, blocks[i] // n_bx, blocks[i] % n_bx, vertices, positions,
            n_bins, cyclic, ycc,
        )  # fmt: skip
    for k in nb.prange(candidates.shape[0]):
        p = candidates[k]
        y, x = p // width, p % width
        out[k], luma, known = model_distance(
            pixels, scale, p, position[p], chroma, row, width, n_bx, n_by, vertices, positions,
            n_bins, cyclic, ycc,
        )  # fmt: skip
        if not known:  # (a position missing: out[k] is inf)
            out_strong[k] = True
            continue
        low = high = luma
        first = True
        for yy in range(max(0, y - 1), min(height, y + 2)):
            for xx in range(max(0, x - 1), min(width, x + 2)):
                q = yy * width + xx
                if q == p:
                    continue
                lq = (ycc[0, 0] * pixels[q, 0] + ycc[0, 1] * pixels[q, 1]
                      + ycc[0, 2] * pixels[q, 2]) * scale  # fmt: skip
                if first:
                    low = high = lq
                    first = False
                low = min(low, lq)
                high = max(high, lq)
        out_strong[k] = (
            out[k] > strong
            or luma < luma_low - stroke or luma > luma_high + stroke
            or luma < low - stroke or luma > high + stroke
            or max(high, luma) - min(low, luma) < flat
        )  # fmt: skip
    return chroma, row


@nb.njit(**_JIT)
def near(cores, width, height, radius, out):  # pragma: no cover - jitted
    """Mark in ``out`` (flat, rows of ``width``) the pixels within ``radius`` (a square)
    of the flat indices ``cores``: a dilation that costs what the cores are, or where
    their squares would cover the picture twice over, a pass along the rows and one
    down the columns (counts of cores: the same marks; a JPEG'd hist2d figure's 36
    calls, 640 x 480: 21 -> 10 ms)."""
    side = 2 * radius + 1
    if cores.shape[0] * side * side > 2 * width * height:
        row = np.zeros(height * width, np.int32)
        for p in cores:
            row[p] = 1
        for y in range(height):  # (row: cores in the row within radius, from counts)
            count = np.zeros(width + 1, np.int32)
            for x in range(width):
                count[x + 1] = count[x] + row[y * width + x]
            for x in range(width):
                row[y * width + x] = count[min(x + radius + 1, width)] - count[max(x - radius, 0)]
        # (and down the columns, row by row: per column the rows within radius
        # marked, a window's running count -- 1 MP, radius 2, half the pixels cores: 9.3 -> 3.1 ms)
        column = np.zeros(width, np.int32)
        for y in range(min(radius, height)):
            for x in range(width):
                column[x] += row[y * width + x] > 0
        for y in range(height):
            enter, leave = y + radius, y - radius - 1
            if enter < height:
                for x in range(width):
                    column[x] += row[enter * width + x] > 0
            if leave >= 0:
                for x in range(width):
                    column[x] -= row[leave * width + x] > 0
            for x in range(width):
                if column[x] > 0:
                    out[y * width + x] = True
        return
    for p in cores:
        y, x = p // width, p % width
        for yy in range(max(0, y - radius), min(height, y + radius + 1)):
            for xx in range(max(0, x - radius), min(width, x + radius + 1)):
                out[yy * width + xx] = True


def near_any(cores: np.ndarray, width: int, height: int, radius: int, out: np.ndarray) -> None:
    """:func:`near`, not called (nor loaded in a fresh process) for no ``cores``."""
    if len(cores):
        near(cores, width, height, radius, out)


@nb.njit(parallel=True, **_JIT)
def unmix(  # pragma: no cover - jitted
    pixels,
    scale,
    width,
    position,
    residual,
    min_residual,
    threshold,
    vertices,
    positions,
    n_bins,
    cyclic,
    overshoot,
    out,
    out_residual,
):
    """Positions of blended pixels: the best blend of two neighbours' map colors.

    A resampled (or antialiased) pixel is a weighted mean of neighbouring colors, a
    point on a chord of the map rather than on the map. For each pixel whose residual
    exceeds ``min_residual`` (DN), every pair of map pixels (residual at most
    ``threshold``) in its 3x3 neighbourhood, itself included, spans a chord
    ``P(a) -> P(b)``; if the closest chord is nearer to the pixel's color than the
    map is (by more than half a DN), the pixel gets the blend's position
    ``(1 - t) a + t b`` and that distance as its residual. Positions in [0, 1].
    ``t`` runs over ``[-overshoot, 1 + overshoot]``: a kernel with negative lobes
    (cubic, Lanczos) weighs one side of an edge by more than 1 and the other by
    less than 0, so its pixel lies on the chord past its end -- and so does the
    truth, the data resampled alike.
    """
    height = position.shape[0] // width
    for y in nb.prange(height):
        pos = np.empty(9, np.float64)
        col = np.empty((9, 3), np.float64)
        for x in range(width):
            p = y * width + x
            out[p] = position[p]
            out_residual[p] = residual[p]
            if math.isnan(position[p]) or not residual[p] > min_residual:
                continue
            k = 0
            for yy in range(max(0, y - 1), min(height, y + 2)):
                for xx in range(max(0, x - 1), min(width, x + 2)):
                    q = yy * width + xx
                    v = position[q]
                    if math.isnan(v) or not residual[q] <= threshold:
                        continue
                    pos[k] = v
                    col[k, 0], col[k, 1], col[k, 2] = _color_at(
                        v * n_bins, vertices, positions, n_bins, cyclic
                    )
                    k += 1
            r = pixels[p, 0] * scale
            g = pixels[p, 1] * scale
            b = pixels[p, 2] * scale
            best = residual[p] - 0.5
            best2 = best * best
            for i in range(k):
                for j in range(i + 1, k):
                    dr = col[j, 0] - col[i, 0]
                    dg = col[j, 1] - col[i, 1]
                    db = col[j, 2] - col[i, 2]
                    length2 = dr * dr + dg * dg + db * db
                    if length2 <= 0.0:
                        continue
                    t = (r - col[i, 0]) * dr + (g - col[i, 1]) * dg + (b - col[i, 2]) * db
                    t = min(max(t / length2, -overshoot), 1.0 + overshoot)
                    er = r - col[i, 0] - t * dr
                    eg = g - col[i, 1] - t * dg
                    eb = b - col[i, 2] - t * db
                    d2 = er * er + eg * eg + eb * eb
                    if d2 < best2:
                        best2 = d2
                        other = pos[j]
                        if cyclic:  # blend across the seam the short way
                            other -= math.floor(other - pos[i] + 0.5)
                        blend = (1.0 - t) * pos[i] + t * other
                        if cyclic:
                            blend -= math.floor(blend)
                        else:
                            blend = min(max(blend, 0.0), 1.0)
                        out[p] = blend
                        out_residual[p] = math.sqrt(d2)


@nb.njit(**_JIT)
def _noise_at(v, noise_by_bin):  # pragma: no cover - jitted
    n_bins = noise_by_bin.shape[0]
    return noise_by_bin[min(max(int(v * n_bins), 0), n_bins - 1)]


@nb.njit(**_JIT)
def _plane_estimate(
    center, n, sx, sy, sxx, syy, sxy, sv, sxv, syv, svv, noise
):  # pragma: no cover - jitted
    """Adaptive Wiener estimate at the center from window sums (offsets dx, dy).

    The least-squares plane ``v ~ a + b dx + c dy`` has value ``a`` at the center and
    residual variance ``rss / n``; with mean noise variance ``noise / n`` (less the
    share the three fitted parameters absorb) the estimate is
    ``a + gain * (center - a)``, ``gain = max(var - noise, 0) / var``.
    """
    if n < 4.0:
        return center
    if sx == 0.0 and sy == 0.0 and sxy == 0.0:
        # a symmetric window (every full one): the normal equations are diagonal
        a = sv / n
        b = sxv / sxx
        c = syv / syy
    else:  # solved by Cramer's rule
        det = n * (sxx * syy - sxy * sxy) - sx * (sx * syy - sxy * sy) + sy * (sx * sxy - sxx * sy)
        if abs(det) < 1e-9:
            return center
        a = (
            sv * (sxx * syy - sxy * sxy)
            - sx * (sxv * syy - sxy * syv)
            + sy * (sxv * sxy - sxx * syv)
        ) / det
        b = (
            n * (sxv * syy - syv * sxy) - sv * (sx * syy - sxy * sy) + sy * (sx * syv - sxv * sy)
        ) / det
        c = (
            n * (sxx * syv - sxy * sxv) - sx * (sx * syv - sxv * sy) + sv * (sx * sxy - sxx * sy)
        ) / det
    rss = max(svv - a * sv - b * sxv - c * syv, 0.0)
    residual_var = rss / n
    noise_share = noise / n * (1.0 - 3.0 / n)
    gain = 0.0
    if residual_var > noise_share:
        gain = (residual_var - noise_share) / residual_var
    return a + gain * (center - a)


@nb.njit(**_JIT)
def _slide_row(cols, position, noise_by_bin, old, new, y_start):  # pragma: no cover - jitted
    """Add row ``new`` to the per-column sums and remove row ``old``, in one branch-free
    sweep; a row index of -1 is no row, and a NaN pixel counts as nothing.

    Per column: count, dy, dy^2, v, dy v, v^2 and noise variance, with dy counted
    from ``y_start`` so that the numbers stay small.
    """
    old_dy = float(old - y_start)
    new_dy = float(new - y_start)
    n_bins = noise_by_bin.shape[0]
    for x in range(position.shape[1]):
        v = position[old, x] if old >= 0 else np.nan
        w = position[new, x] if new >= 0 else np.nan
        v_in = not math.isnan(v)
        w_in = not math.isnan(w)
        mv = 1.0 if v_in else 0.0
        mw = 1.0 if w_in else 0.0
        v0 = v if v_in else 0.0
        w0 = w if w_in else 0.0
        zv = noise_by_bin[min(max(int(v0 * n_bins), 0), n_bins - 1)] * mv
        zw = noise_by_bin[min(max(int(w0 * n_bins), 0), n_bins - 1)] * mw
        cols[0, x] += mw - mv
        cols[1, x] += new_dy * mw - old_dy * mv
        cols[2, x] += new_dy * new_dy * mw - old_dy * old_dy * mv
        cols[3, x] += w0 - v0
        cols[4, x] += new_dy * w0 - old_dy * v0
        cols[5, x] += w0 * w0 - v0 * v0
        cols[6, x] += zw - zv


@nb.njit(**_JIT)
def _column_terms(cols, column, offset):  # pragma: no cover - jitted
    """One column's share of the window sums, its offset dx = ``offset``: count, dx,
    dx^2, dy, dx dy, dy^2, v, dx v, dy v, v^2, noise."""
    c0 = cols[0, column]
    c1 = cols[1, column]
    c3 = cols[3, column]
    return (
        c0, offset * c0, offset * offset * c0, c1, offset * c1, cols[2, column], c3,
        offset * c3, cols[4, column], cols[5, column], cols[6, column],
    )  # fmt: skip


@nb.njit(inline="always", **_JIT)
def _shift_sums(  # pragma: no cover - jitted
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, cols, column, offset, sign
):
    """The window sums with one column added (sign 1) or removed (sign -1); inlined,
    so the sums stay in registers."""
    t = _column_terms(cols, column, offset)
    return (
        s0 + sign * t[0], s1 + sign * t[1], s2 + sign * t[2], s3 + sign * t[3],
        s4 + sign * t[4], s5 + sign * t[5], s6 + sign * t[6], s7 + sign * t[7],
        s8 + sign * t[8], s9 + sign * t[9], s10 + sign * t[10],
    )  # fmt: skip


@nb.njit(inline="always", **_JIT)
def _window_estimate(  # pragma: no cover - jitted
    center, xr, yr, n_full, inv_moment, dof_share, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10
):
    """The Wiener-shrunk plane estimate at offset (xr, yr) from the window's sums
    (see ``_column_terms``); scalars in, so the sums stay in registers when inlined."""
    if s0 == n_full:
        # a full window (most pixels): the normal equations are diagonal with known
        # terms; _plane_estimate's arithmetic with the constant divisions made products
        sxv = s7 - xr * s6
        syv = s8 - yr * s6
        a = s6 * (1.0 / n_full)
        b = sxv * inv_moment
        c = syv * inv_moment
        rss = max(s9 - a * s6 - b * sxv - c * syv, 0.0)
        shared = s10 * dof_share
        gain = 1.0 - shared / rss if rss > shared else 0.0
        return a + gain * (center - a)
    return _plane_estimate(
        center,
        s0,
        s1 - xr * s0,
        s3 - yr * s0,
        s2 - 2.0 * xr * s1 + xr * xr * s0,
        s5 - 2.0 * yr * s3 + yr * yr * s0,
        s4 - xr * s3 - yr * s1 + xr * yr * s0,
        s6,
        s7 - xr * s6,
        s8 - yr * s6,
        s9,
        s10,
    )


def plane_wiener(
    position: np.ndarray,
    noise_by_bin: np.ndarray,
    radius: int,
    cyclic: bool,
    out: np.ndarray,
    kind: int = NORM_LINEAR,
    low: float = 0.0,
    high: float = 1.0,
) -> None:
    """Locally adaptive Wiener filter of a 2-D position field (in [0, 1]) around planes.

    ``out`` receives the filtered positions mapped through the norm's inverse
    (``kind``, ``low``, ``high`` as in :func:`codes_to_values`; the default is the
    identity), so that data values need no further pass.

    In each (2r+1)^2 window of valid (non-NaN) pixels a least-squares plane is fitted
    (see ``_plane_estimate``): flat and sloped areas get the plane, texture and edges
    keep their pixel. ``noise_by_bin[k]`` is the noise variance of a position in bin
    ``k`` of the map. On cyclic maps neighbours are first unwrapped to the center's
    side of the seam (a direct loop); otherwise window sums slide along rows and
    columns, restarting every band of rows and block of columns so that rounding
    cannot build up.
    """
    if cyclic:
        _plane_wiener_cyclic(position, noise_by_bin, radius, out, kind, low, high)
    else:
        _plane_wiener_flat(position, noise_by_bin, radius, out, kind, low, high)


@nb.njit(parallel=True, **_JIT)
def _plane_wiener_flat(position, noise_by_bin, radius, out, kind, low, high):  # pragma: no cover
    height, width = position.shape
    band = 64
    block = 64
    n_bands = (height + band - 1) // band
    side = 2 * radius + 1
    n_full = float(side * side)
    moment = 0.0  # sum of dx^2 over a full window (= sum of dy^2)
    for d in range(-radius, radius + 1):
        moment += side * d * d
    inv_moment = 1.0 / moment if moment > 0 else 0.0
    dof_share = 1.0 - 3.0 / n_full  # the noise the fitted plane leaves in rss
    for k in nb.prange(n_bands):
        y_start = k * band
        # per column, over the window's rows: count, dy, dy^2, v, dy v, v^2, noise
        # (dy counted from y_start, so the numbers stay small)
        cols = np.zeros((7, width), np.float64)
        for row in range(max(0, y_start - radius), min(height, y_start + radius + 1)):
            _slide_row(cols, position, noise_by_bin, np.int64(-1), row, y_start)
        for y in range(y_start, min(height, y_start + band)):
            if y > y_start:
                old = y - radius - 1 if y - radius - 1 >= 0 else -1
                new = y + radius if y + radius < height else -1
                _slide_row(cols, position, noise_by_bin, old, new, y_start)
            yr = float(y - y_start)
            for x_start in range(0, width, block):
                # the window's sums (see _column_terms) in locals, which stay in registers
                s0 = s1 = s2 = s3 = s4 = s5 = s6 = s7 = s8 = s9 = s10 = 0.0
                for column in range(max(0, x_start - radius), min(width, x_start + radius + 1)):
                    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 = _shift_sums(
                        s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10,
                        cols, column, float(column - x_start), 1.0,
                    )  # fmt: skip
                for x in range(x_start, min(width, x_start + block)):
                    if x > x_start:
                        if x - radius - 1 >= 0:
                            column = x - radius - 1
                            s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 = _shift_sums(
                                s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10,
                                cols, column, float(column - x_start), -1.0,
                            )  # fmt: skip
                        if x + radius < width:
                            column = x + radius
                            s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 = _shift_sums(
                                s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10,
                                cols, column, float(column - x_start), 1.0,
                            )  # fmt: skip
                    center = position[y, x]
                    if math.isnan(center):
                        out[y, x] = center
                        continue
                    out[y, x] = _inverse_norm(
                        _window_estimate(
                            center, float(x - x_start), yr, n_full, inv_moment, dof_share,
                            s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10,
                        ),
                        kind, low, high,
                    )  # fmt: skip


@nb.njit(parallel=True, **_JIT)
def _plane_wiener_cyclic(position, noise_by_bin, radius, out, kind, low, high):  # pragma: no cover
    height, width = position.shape
    for y in nb.prange(height):
        y0 = max(0, y - radius)
        y1 = min(height, y + radius + 1)
        for x in range(width):
            center = position[y, x]
            if math.isnan(center):
                out[y, x] = center
                continue
            n = sx = sy = sxx = syy = sxy = sv = sxv = syv = svv = noise = 0.0
            for yy in range(y0, y1):
                for xx in range(max(0, x - radius), min(width, x + radius + 1)):
                    v = position[yy, xx]
                    if math.isnan(v):
                        continue
                    noise += _noise_at(v, noise_by_bin)
                    d = v - center
                    d -= math.floor(d + 0.5)
                    dx = float(xx - x)
                    dy = float(yy - y)
                    n += 1.0
                    sx += dx
                    sy += dy
                    sxx += dx * dx
                    syy += dy * dy
                    sxy += dx * dy
                    sv += d
                    sxv += dx * d
                    syv += dy * d
                    svv += d * d
            estimate = center + _plane_estimate(
                0.0, n, sx, sy, sxx, syy, sxy, sv, sxv, syv, svv, noise
            )
            out[y, x] = _inverse_norm(estimate - math.floor(estimate), kind, low, high)


def window_pixels(pixels: np.ndarray, width: int, height: int, radius: int) -> np.ndarray:
    """Flat indices of the square window of ``radius`` around each pixel, clipped to
    the picture (edges repeat), shape (len(pixels), (2 radius + 1)^2 - 1): the pixel
    itself left out."""
    y, x = pixels // width, pixels % width
    steps = np.arange(-radius, radius + 1)
    dy, dx = (d.ravel() for d in np.meshgrid(steps, steps, indexing="ij"))
    keep = (dy != 0) | (dx != 0)
    rows = y[:, None] + dy[keep]
    cols = x[:, None] + dx[keep]
    np.clip(rows, 0, height - 1, out=rows)
    np.clip(cols, 0, width - 1, out=cols)
    rows *= width
    rows += cols
    return rows
