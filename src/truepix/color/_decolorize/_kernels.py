"""numba kernels of :mod:`truepix.color._decolorize._api` (the numpy oracle is ``_decolor_oracle``).

The colormap is a polyline through its distinct colors (see ``_decolor_palette``),
living in a *metric space* ``p' = A @ rgb``. A pixel's answer is the closest point
of that polyline: its position along the map (in colormap bins), its distance
(the residual) and whether a clearly different place of the map is about as close
(ambiguous). A grid over the RGB cube lists, per cell, the only segments that can
hold the closest point of any color inside the cell, so a pixel looks at a handful
of segments instead of all of them. Cells are built lazily, only those a picture's
colors fall in (a few hundred to a few thousand of the 64**3).

For 8-bit pictures every answer is memoised in a table indexed by the 24-bit
color, packed into one ``uint32`` (0 = not computed yet):

======  =====================================================================
bits    meaning
======  =====================================================================
0-21    position as a fraction of the map, ``round(u * POS_SCALE)``
22      ambiguous flag
23-31   ``1 + min(round(residual * 4), 509)``: residual in quarter DN, 1-510
======  =====================================================================

Kernels assume clean input: the friendly layer validated shapes, dtypes and ranges.
"""

from __future__ import annotations

import math
from typing import Any

import numba as nb
import numpy as np

__all__ = [
    "AMBIGUOUS_BIT",
    "PENDING",
    "POS_MASK",
    "POS_SCALE",
    "RESIDUAL_MAX_CODE",
    "RESIDUAL_SHIFT",
    "RESIDUAL_STEPS",
    "cell_candidates",
    "cells_float",
    "chroma_subsampling_test",
    "codes_to_fields",
    "codes_to_values",
    "decode_float",
    "lookup_u8",
    "plane_wiener",
    "positions_to_values",
    "residual_histogram",
    "resolve_u8",
    "resolve_values_u8",
    "unmix",
    "values_u8",
]

POS_BITS = 22
POS_SCALE = (1 << POS_BITS) - 1
POS_MASK = np.uint32(POS_SCALE)
AMBIGUOUS_BIT = np.uint32(1 << POS_BITS)
RESIDUAL_SHIFT = POS_BITS + 1
RESIDUAL_STEPS = 4.0  # residual resolution: quarter DN
RESIDUAL_MAX_CODE = 510  # code 510 = residual >= 127.25 DN
PENDING = np.uint32(0xFFFFFFFF)  # not a valid code: residual codes stop at 510
PENDING_BITS = np.uint64(0x7FF4_0000_DEAD_BEEF)  # a NaN numpy never makes

TIE = 1e-9  # squared distances closer than this are equal
VERTEX = 1e-12  # a segment parameter this close to 0 or 1 is the table color itself

NORM_LINEAR = 0
NORM_LOG = 1  # low, high are log10(vmin), log10(vmax)
NORM_OTHER = 2  # not computed by the kernels

_JIT: dict[str, Any] = {"cache": True, "nogil": True, "error_model": "numpy"}


@nb.njit(**_JIT)
def _segment_dist2(px, py, pz, seg_a, seg_d, seg_inv, j):  # pragma: no cover - jitted
    """Squared distance from point p to segment j, and the segment parameter t."""
    ax = px - seg_a[j, 0]
    ay = py - seg_a[j, 1]
    az = pz - seg_a[j, 2]
    t = (ax * seg_d[j, 0] + ay * seg_d[j, 1] + az * seg_d[j, 2]) * seg_inv[j]
    if t < 0.0:
        t = 0.0
    elif t > 1.0:
        t = 1.0
    dx = ax - t * seg_d[j, 0]
    dy = ay - t * seg_d[j, 1]
    dz = az - t * seg_d[j, 2]
    return dx * dx + dy * dy + dz * dz, t


@nb.njit(**_JIT)
def _metric_half_diagonal(matrix, cell_size):  # pragma: no cover - jitted
    """Largest metric distance from a cell's center to its corners (|A d| is convex)."""
    half = 0.0
    h = 0.5 * cell_size
    for sx in (-1.0, 1.0):
        for sy in (-1.0, 1.0):
            for sz in (-1.0, 1.0):
                ex = (matrix[0, 0] * sx + matrix[0, 1] * sy + matrix[0, 2] * sz) * h
                ey = (matrix[1, 0] * sx + matrix[1, 1] * sy + matrix[1, 2] * sz) * h
                ez = (matrix[2, 0] * sx + matrix[2, 1] * sy + matrix[2, 2] * sz) * h
                half = max(half, math.sqrt(ex * ex + ey * ey + ez * ez))
    return half


@nb.njit(parallel=True, **_JIT)
def cell_candidates(
    cells, matrix, seg_a, seg_d, seg_inv, n_axis, cell_size, slack
):  # pragma: no cover
    """Candidate segments of the given grid cells, as (counts, concatenated lists).

    A cell is the RGB box ``[i, i+1) * cell_size`` on each axis. Its center c lies
    within ``half`` (metric) of every color in it, so for any such color the closest
    segment is within ``d_min(c) + 2 * half`` of c; ``slack`` widens the list so the
    ambiguity test (best + tolerance) sees every contender.
    """
    n_cells = cells.shape[0]
    n_seg = seg_a.shape[0]
    half = _metric_half_diagonal(matrix, cell_size)
    counts = np.zeros(n_cells, np.int64)
    dist2 = np.empty((n_cells, n_seg), np.float64)
    limits = np.empty(n_cells, np.float64)
    for c in nb.prange(n_cells):
        cell = cells[c]
        x = (cell // (n_axis * n_axis) + 0.5) * cell_size
        y = ((cell // n_axis) % n_axis + 0.5) * cell_size
        z = (cell % n_axis + 0.5) * cell_size
        px = matrix[0, 0] * x + matrix[0, 1] * y + matrix[0, 2] * z
        py = matrix[1, 0] * x + matrix[1, 1] * y + matrix[1, 2] * z
        pz = matrix[2, 0] * x + matrix[2, 1] * y + matrix[2, 2] * z
        best = np.inf
        for j in range(n_seg):
            d2, _ = _segment_dist2(px, py, pz, seg_a, seg_d, seg_inv, j)
            dist2[c, j] = d2
            best = min(best, d2)
        limit = math.sqrt(best) + 2.0 * half + slack
        limits[c] = limit * limit
        count = 0
        for j in range(n_seg):
            if dist2[c, j] <= limits[c]:
                count += 1
        counts[c] = count
    offsets = np.zeros(n_cells + 1, np.int64)
    offsets[1:] = np.cumsum(counts)
    candidates = np.empty(offsets[-1], np.int32)
    for c in nb.prange(n_cells):
        q = offsets[c]
        for j in range(n_seg):
            if dist2[c, j] <= limits[c]:
                candidates[q] = j
                q += 1
    return counts, candidates


@nb.njit(**_JIT)
def _cell_of(r, g, b, n_axis, cell_size):  # pragma: no cover - jitted
    i = min(int(r / cell_size), n_axis - 1)
    j = min(int(g / cell_size), n_axis - 1)
    k = min(int(b / cell_size), n_axis - 1)
    return (i * n_axis + j) * n_axis + k


@nb.njit(**_JIT)
def _project(r, g, b, search):  # pragma: no cover - jitted
    """Closest polyline point of the RGB color (r, g, b), DN floats in [0, 255].

    ``search`` is ``Grid.search()``: the polyline, the grid and the ambiguity test.
    Returns (position in bins, metric distance, ambiguous). The color's grid cell
    must have been built.
    """
    (
        matrix, seg_a, seg_d, seg_inv, seg_s, seg_ds, cell_start, cell_count, pool,
        n_axis, cell_size, period, gap, tolerance,
    ) = search  # fmt: skip
    cell = _cell_of(r, g, b, n_axis, cell_size)
    px = matrix[0, 0] * r + matrix[0, 1] * g + matrix[0, 2] * b
    py = matrix[1, 0] * r + matrix[1, 1] * g + matrix[1, 2] * b
    pz = matrix[2, 0] * r + matrix[2, 1] * g + matrix[2, 2] * b
    best = np.inf
    best_pos = 0.0
    best_vertex = False
    lo = cell_start[cell]
    hi = lo + cell_count[cell]
    for q in range(lo, hi):
        seg = pool[q]
        d2, t = _segment_dist2(px, py, pz, seg_a, seg_d, seg_inv, seg)
        # Ties (within rounding) go to a table color over the inside of a segment
        # -- a map that folds back (prism) passes its own colors again between
        # others -- and then to the lowest segment.
        vertex = t <= VERTEX or t >= 1.0 - VERTEX
        if d2 < best - TIE or (vertex and not best_vertex and d2 <= best + TIE):
            best = d2
            best_pos = seg_s[seg] + t * seg_ds[seg]
            best_vertex = vertex
    if period > 0.0 and best_pos >= period:
        best_pos -= period
    residual = math.sqrt(best)
    # Ambiguous: another place of the map, more than `gap` bins away, within
    # `tolerance` of the best distance.
    limit = residual + tolerance
    limit *= limit
    ambiguous = False
    for q in range(lo, hi):
        seg = pool[q]
        d2, t = _segment_dist2(px, py, pz, seg_a, seg_d, seg_inv, seg)
        if d2 <= limit:
            apart = abs(seg_s[seg] + t * seg_ds[seg] - best_pos)
            if period > 0.0:
                apart = apart % period
                apart = min(apart, period - apart)
            if apart > gap:
                ambiguous = True
                break
    return best_pos, residual, ambiguous


@nb.njit(**_JIT)
def _pack(position, residual, ambiguous, inv_span):  # pragma: no cover - jitted
    pos_code = np.uint32(min(max(position * inv_span, 0.0), 1.0) * POS_SCALE + 0.5)
    res_code = 1 + min(int(residual * RESIDUAL_STEPS + 0.5), RESIDUAL_MAX_CODE - 1)
    code = pos_code | (np.uint32(res_code) << np.uint32(RESIDUAL_SHIFT))
    if ambiguous:
        code |= AMBIGUOUS_BIT
    return code


@nb.njit(**_JIT)
def _chunks(n_items, per_chunk, most):  # pragma: no cover - jitted
    n_chunks = max(1, min(n_items // per_chunk, most))
    return n_chunks, (n_items + n_chunks - 1) // n_chunks


@nb.njit(parallel=True, **_JIT)
def lookup_u8(pixels, memo, opaque, cell_start, n_axis, cell_size, out, need):  # pragma: no cover
    """Pass 1 over (P, C) uint8 pixels: answers known to ``memo`` go to ``out``.

    ``memo`` (2**24 uint32, 0 = unknown) holds answers per 24-bit color. A pixel
    rejected by its alpha gets code 0 (alpha 0 always; any alpha but 255 when the
    map is ``opaque``); an unknown one gets PENDING, and its grid cell is flagged in
    ``need`` when not built yet. Returns the number of pending pixels.
    """
    n_pix = pixels.shape[0]
    n_chunks, chunk = _chunks(n_pix, 4096, 256)
    pending = np.zeros(n_chunks, np.int64)
    for c in nb.prange(n_chunks):
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            code = _lookup(pixels, p, memo, opaque, cell_start, n_axis, cell_size, need)
            if code == PENDING:
                pending[c] += 1
            out[p] = code
    return pending.sum()


@nb.njit(**_JIT)
def _lookup(pixels, p, memo, opaque, cell_start, n_axis, cell_size, need):  # pragma: no cover
    """Pixel p's code from ``memo``: 0 if alpha rejects it, PENDING if not known yet
    (its grid cell then flagged in ``need`` unless built)."""
    if pixels.shape[1] == 4:
        alpha = pixels[p, 3]
        if alpha == 0 or (opaque and alpha != 255):
            return np.uint32(0)
    r = pixels[p, 0]
    g = pixels[p, 1]
    b = pixels[p, 2]
    code = memo[(np.int64(r) << 16) | (np.int64(g) << 8) | np.int64(b)]
    if code == 0:
        cell = _cell_of(float(r), float(g), float(b), n_axis, cell_size)
        if cell_start[cell] < 0:
            need[cell] = 1
        return PENDING
    return code


@nb.njit(**_JIT)
def _memo_code(pixels, p, memo, search, search_pos, joint, inv_span):  # pragma: no cover
    """The packed answer for uint8 pixel p, from ``memo`` or projected and stored there.

    ``joint``: the position comes from ``search_pos`` (another metric, e.g. luma) and
    the residual and ambiguity from ``search``; otherwise all three from ``search``.
    Threads racing on one color compute and store the same value.
    """
    key = (np.int64(pixels[p, 0]) << 16) | (np.int64(pixels[p, 1]) << 8)
    key |= np.int64(pixels[p, 2])
    code = memo[key]
    if code == 0:
        r = float(pixels[p, 0])
        g = float(pixels[p, 1])
        b = float(pixels[p, 2])
        pos, res, amb = _project(r, g, b, search)
        if joint:
            pos, _, _ = _project(r, g, b, search_pos)
        code = _pack(pos, res, amb, inv_span)
        memo[key] = code
    return code


@nb.njit(parallel=True, **_JIT)
def resolve_u8(pixels, memo, search, search_pos, joint, span, out):  # pragma: no cover
    """Pass 2: project the PENDING pixels, store their answers in ``out`` and ``memo``.

    ``search_pos`` and ``joint``: see :func:`_memo_code`.
    """
    n_pix = pixels.shape[0]
    inv_span = 1.0 / span
    n_chunks, chunk = _chunks(n_pix, 4096, 256)
    for c in nb.prange(n_chunks):
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            if out[p] == PENDING:
                out[p] = _memo_code(pixels, p, memo, search, search_pos, joint, inv_span)


@nb.njit(parallel=True, **_JIT)
def cells_float(pixels, scale, cell_start, n_axis, cell_size, need):  # pragma: no cover
    """Flag in ``need`` the unbuilt grid cells of (P, C) float pixels (``scale`` -> DN)."""
    n_pix = pixels.shape[0]
    n_chunks, chunk = _chunks(n_pix, 4096, 256)
    for c in nb.prange(n_chunks):
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            r = min(max(pixels[p, 0] * scale, 0.0), 255.0)
            g = min(max(pixels[p, 1] * scale, 0.0), 255.0)
            b = min(max(pixels[p, 2] * scale, 0.0), 255.0)
            cell = _cell_of(r, g, b, n_axis, cell_size)
            if cell_start[cell] < 0:
                need[cell] = 1


@nb.njit(parallel=True, **_JIT)
def decode_float(pixels, scale, opaque, search, span, out):  # pragma: no cover - jitted
    """Codes of (P, C) float pixels; ``scale`` maps them to DN (no memo: not 8-bit)."""
    n_pix = pixels.shape[0]
    n_chan = pixels.shape[1]
    inv_span = 1.0 / span
    full = 255.0 / scale  # the value of an opaque alpha
    n_chunks, chunk = _chunks(n_pix, 1024, 1024)
    for c in nb.prange(n_chunks):
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            if n_chan == 4:
                alpha = pixels[p, 3]
                if alpha == 0 or (opaque and alpha != full):
                    out[p] = 0
                    continue
            r = min(max(pixels[p, 0] * scale, 0.0), 255.0)
            g = min(max(pixels[p, 1] * scale, 0.0), 255.0)
            b = min(max(pixels[p, 2] * scale, 0.0), 255.0)
            pos, res, amb = _project(r, g, b, search)
            out[p] = _pack(pos, res, amb, inv_span)


@nb.njit(parallel=True, **_JIT)
def residual_histogram(codes):  # pragma: no cover - jitted
    """Counts of residual codes (index 0: alpha-rejected pixels)."""
    n_pix = codes.shape[0]
    n_bins = RESIDUAL_MAX_CODE + 1
    n_chunks, chunk = _chunks(n_pix, 65536, 64)
    partial = np.zeros((n_chunks, n_bins), np.int64)
    shift = np.uint32(RESIDUAL_SHIFT)
    for c in nb.prange(n_chunks):
        # four interleaved counters: most pixels share one code, and a single
        # counter would serialize on its own increments
        local = np.zeros((4, n_bins), np.int64)
        p = c * chunk
        stop = min(n_pix, (c + 1) * chunk)
        while p + 4 <= stop:
            local[0, codes[p] >> shift] += 1
            local[1, codes[p + 1] >> shift] += 1
            local[2, codes[p + 2] >> shift] += 1
            local[3, codes[p + 3] >> shift] += 1
            p += 4
        while p < stop:
            local[0, codes[p] >> shift] += 1
            p += 1
        partial[c] = local.sum(axis=0)
    return partial.sum(axis=0)


@nb.njit(**_JIT)
def _inverse_norm(u, kind, low, high):  # pragma: no cover - jitted
    # the arithmetic of truepix.color._norms' inverses, to the last bit
    if kind == NORM_LOG:
        return 10.0 ** (low + u * (high - low))
    return low + u * (high - low)


@nb.njit(parallel=True, **_JIT)
def codes_to_values(codes, max_code, kind, low, high, out):  # pragma: no cover
    """Data values from codes; NaN where rejected or the residual code exceeds ``max_code``."""
    n_pix = codes.shape[0]
    n_chunks = max(1, min(n_pix // 16384, 256))
    chunk = (n_pix + n_chunks - 1) // n_chunks
    for c in nb.prange(n_chunks):
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            code = codes[p]
            res_code = code >> RESIDUAL_SHIFT
            if res_code == 0 or res_code > max_code:
                out[p] = np.nan
            else:
                u = (code & POS_MASK) * (1.0 / POS_SCALE)
                out[p] = _inverse_norm(u, kind, low, high)


@nb.njit(**_JIT)
def _code_value(code, max_code, kind, low, high):  # pragma: no cover - jitted
    res_code = code >> RESIDUAL_SHIFT
    if res_code == 0 or res_code > max_code:
        return np.nan
    return _inverse_norm((code & POS_MASK) * (1.0 / POS_SCALE), kind, low, high)


@nb.njit(parallel=True, **_JIT)
def values_u8(  # pragma: no cover - jitted
    pixels,
    memo,
    opaque,
    cell_start,
    n_axis,
    cell_size,
    max_code,
    kind,
    low,
    high,
    out,
    out_bits,
    need,
):
    """Pass 1 of the one-pass path: data values straight from ``memo`` into ``out``.

    Like :func:`lookup_u8`, but writes values (NaN past ``max_code``) instead of codes;
    a color not in the memo leaves the NaN pattern PENDING_BITS in ``out_bits`` (the
    same memory seen as uint64) for :func:`resolve_values_u8`. Returns how many.
    """
    n_pix = pixels.shape[0]
    n_chunks, chunk = _chunks(n_pix, 4096, 256)
    pending = np.zeros(n_chunks, np.int64)
    for c in nb.prange(n_chunks):
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            code = _lookup(pixels, p, memo, opaque, cell_start, n_axis, cell_size, need)
            if code == PENDING:
                out_bits[p] = PENDING_BITS
                pending[c] += 1
            else:  # code 0 (alpha) gives NaN too
                out[p] = _code_value(code, max_code, kind, low, high)
    return pending.sum()


@nb.njit(parallel=True, **_JIT)
def resolve_values_u8(  # pragma: no cover - jitted
    pixels, memo, search, search_pos, joint, span, max_code, kind, low, high, out, out_bits
):
    """Pass 2 of the one-pass path: the pixels :func:`values_u8` left pending.

    ``search_pos`` and ``joint``: see :func:`_memo_code`.
    """
    n_pix = pixels.shape[0]
    inv_span = 1.0 / span
    n_chunks, chunk = _chunks(n_pix, 4096, 256)
    for c in nb.prange(n_chunks):
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            if out_bits[p] == PENDING_BITS:
                code = _memo_code(pixels, p, memo, search, search_pos, joint, inv_span)
                out[p] = _code_value(code, max_code, kind, low, high)


@nb.njit(parallel=True, **_JIT)
def positions_to_values(position, kind, low, high, out):  # pragma: no cover - jitted
    """Data values of positions in [0, 1] (NaN stays NaN), as ``codes_to_values``."""
    n_pix = position.shape[0]
    n_chunks, chunk = _chunks(n_pix, 16384, 256)
    for c in nb.prange(n_chunks):
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            out[p] = _inverse_norm(position[p], kind, low, high)


@nb.njit(parallel=True, **_JIT)
def codes_to_fields(codes, max_code, position, residual, ambiguous):  # pragma: no cover
    """Unpack codes: position in [0, 1] (NaN where rejected), residual (DN), ambiguity."""
    n_pix = codes.shape[0]
    for p in nb.prange(n_pix):
        code = codes[p]
        res_code = code >> RESIDUAL_SHIFT
        ambiguous[p] = (code & AMBIGUOUS_BIT) != 0
        if res_code == 0:
            residual[p] = np.nan
            position[p] = np.nan
            continue
        residual[p] = (res_code - 1) / RESIDUAL_STEPS
        if res_code > max_code:
            position[p] = np.nan
        else:
            position[p] = (code & POS_MASK) * (1.0 / POS_SCALE)


@nb.njit(**_JIT)
def _color_at(s, vertices, positions, n_bins, cyclic):  # pragma: no cover - jitted
    """RGB of the polyline at position s (bins): linear between the two vertices."""
    n = positions.shape[0]
    if n == 1:
        return vertices[0, 0], vertices[0, 1], vertices[0, 2]
    if cyclic and s < positions[0]:
        s += n_bins
    k = np.searchsorted(positions, s, side="right") - 1  # vertex at or before s
    if k < 0:
        k = 0
    if k >= n - 1:
        if not cyclic:
            return vertices[n - 1, 0], vertices[n - 1, 1], vertices[n - 1, 2]
        k0, k1, p0, p1 = n - 1, 0, positions[n - 1], positions[0] + n_bins
    else:
        k0, k1, p0, p1 = k, k + 1, positions[k], positions[k + 1]
    t = min(max((s - p0) / (p1 - p0), 0.0), 1.0)
    return (
        vertices[k0, 0] + t * (vertices[k1, 0] - vertices[k0, 0]),
        vertices[k0, 1] + t * (vertices[k1, 1] - vertices[k0, 1]),
        vertices[k0, 2] + t * (vertices[k1, 2] - vertices[k0, 2]),
    )


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
    partial = np.zeros((max(picks, 1), 2), np.float64)
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
    return partial.sum(axis=0)


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
                    t = min(max(t / length2, 0.0), 1.0)
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
    inv_n = 1.0 / n_full
    inv_moment = 1.0 / moment if moment > 0 else 0.0
    dof_share = 1.0 - 3.0 / n_full  # the noise the fitted plane leaves in rss
    for k in nb.prange(n_bands):
        y_start = k * band
        # per column, over the window's rows: count, dy, dy^2, v, dy v, v^2, noise
        # (dy counted from y_start, so the numbers stay small)
        cols = np.zeros((7, width), np.float64)
        for row in range(max(0, y_start - radius), min(height, y_start + radius + 1)):
            _slide_row(cols, position, noise_by_bin, -1, row, y_start)
        for y in range(y_start, min(height, y_start + band)):
            if y > y_start:
                old = y - radius - 1 if y - radius - 1 >= 0 else -1
                new = y + radius if y + radius < height else -1
                _slide_row(cols, position, noise_by_bin, old, new, y_start)
            yr = float(y - y_start)
            for x_start in range(0, width, block):
                # the window's sums (see _column_terms) in locals, which stay in registers;
                # spelled out: a helper passing them as a tuple measured 20-30 % slower
                s0 = s1 = s2 = s3 = s4 = s5 = s6 = s7 = s8 = s9 = s10 = 0.0
                for column in range(max(0, x_start - radius), min(width, x_start + radius + 1)):
                    t = _column_terms(cols, column, float(column - x_start))
                    s0 += t[0]
                    s1 += t[1]
                    s2 += t[2]
                    s3 += t[3]
                    s4 += t[4]
                    s5 += t[5]
                    s6 += t[6]
                    s7 += t[7]
                    s8 += t[8]
                    s9 += t[9]
                    s10 += t[10]
                for x in range(x_start, min(width, x_start + block)):
                    if x > x_start:
                        if x - radius - 1 >= 0:
                            column = x - radius - 1
                            t = _column_terms(cols, column, float(column - x_start))
                            s0 -= t[0]
                            s1 -= t[1]
                            s2 -= t[2]
                            s3 -= t[3]
                            s4 -= t[4]
                            s5 -= t[5]
                            s6 -= t[6]
                            s7 -= t[7]
                            s8 -= t[8]
                            s9 -= t[9]
                            s10 -= t[10]
                        if x + radius < width:
                            column = x + radius
                            t = _column_terms(cols, column, float(column - x_start))
                            s0 += t[0]
                            s1 += t[1]
                            s2 += t[2]
                            s3 += t[3]
                            s4 += t[4]
                            s5 += t[5]
                            s6 += t[6]
                            s7 += t[7]
                            s8 += t[8]
                            s9 += t[9]
                            s10 += t[10]
                    center = position[y, x]
                    if math.isnan(center):
                        out[y, x] = center
                        continue
                    xr = float(x - x_start)
                    if s0 == n_full:
                        # a full window (most pixels): the normal equations are
                        # diagonal with known terms; _plane_estimate's arithmetic
                        # with the constant divisions made multiplications
                        sxv = s7 - xr * s6
                        syv = s8 - yr * s6
                        a = s6 * inv_n
                        b = sxv * inv_moment
                        c = syv * inv_moment
                        rss = max(s9 - a * s6 - b * sxv - c * syv, 0.0)
                        shared = s10 * dof_share
                        gain = 1.0 - shared / rss if rss > shared else 0.0
                        out[y, x] = _inverse_norm(a + gain * (center - a), kind, low, high)
                        continue
                    estimate = _plane_estimate(
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
                    out[y, x] = _inverse_norm(estimate, kind, low, high)


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
