"""numba kernels of :mod:`truepix.color._decolorize._api` (the numpy oracle is ``_decolor_oracle``).

The colormap is a polyline through its distinct colors (see ``_decolor_palette``),
living in a *metric space* ``p' = A @ rgb``. A pixel's answer is the closest point
of that polyline: its position along the map (in colormap bins), its distance
(the residual) and whether a clearly different place of the map is about as close
(ambiguous). A grid over the RGB cube lists, per cell, the only segments that can
hold the closest point of any color inside the cell, so a pixel looks at a handful
of segments instead of all of them. Cells are built lazily, only those a picture's
colors fall in (a few hundred to a few thousand of the 64**3).

For 8-bit pictures every answer is memoised per 24-bit color (``Memo``: a block of
codes per grid cell, made for the cells pictures use), packed into one ``uint32``
(0 = not computed yet):

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

import contextlib
import math
from collections.abc import Iterator

import numba as nb
import numpy as np

from truepix._threads import start_threads
from truepix._validate import readonly
from truepix.color._decolorize._vertex import _JIT, _vertex_search

__all__ = [
    "AMBIGUOUS_BIT", "PENDING", "POS_MASK", "POS_SCALE", "RESIDUAL_MAX_CODE", "RESIDUAL_SHIFT",
    "RESIDUAL_STEPS", "SERIAL_CANDIDATES", "cells_float", "codes_to_fields", "codes_to_values",
    "decode_float", "lookup_u8", "positions_to_values", "readonly", "resolve_u8",
    "resolve_values_u8", "rgb_rows", "threads_for", "values_u8",
]  # fmt: skip

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


#: Pictures of fewer pixels run the kernels on the calling thread alone: waking a
#: thread pool costs more than their work (a 256-pixel picture decoded 15x faster
#: on a loaded 2-core machine).
SERIAL_BELOW = 1 << 16


#: ... and kernels over this few candidate pixels (``_jpeg``'s, 0.3-0.5 us of work
#: each): a JPEG'd megapixel's 2 000-2 500 took 1.1 ms on one thread and 3.8 ms of CPU
#: on two (a loaded 2-core machine, where waking the pool is the cost).
SERIAL_CANDIDATES = 1 << 12


@contextlib.contextmanager
def threads_for(n_pixels: int, below: int = SERIAL_BELOW) -> Iterator[None]:
    """Run the parallel kernels called inside on one thread for small inputs
    (fewer than ``below``).

    ``numba.set_num_threads`` is local to the calling thread, so other threads
    (dask workers) keep their own setting. numba's pool is started first, the way
    :func:`truepix._threads.start_threads` says.
    """
    start_threads()
    if n_pixels >= below:
        yield
        return
    before = nb.get_num_threads()
    nb.set_num_threads(1)
    try:
        yield
    finally:
        nb.set_num_threads(before)


def rgb_rows(flat: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """``flat[rows, :3]`` of (P, C) pixels, the same array, taken as whole rows: numpy's
    index of rows and a slice took 0.9 ms for a JPEG'd jet megapixel's 17 000
    candidates, this 0.4."""
    taken = np.take(flat, rows, axis=0)
    return taken if flat.shape[1] == 3 else np.ascontiguousarray(taken[:, :3])


@nb.njit(**_JIT)
def _segment_dist2(px, py, pz, seg_a, seg_d, seg_inv, j):  # pragma: no cover - jitted
    """Squared distance from point p to segment j, and the segment parameter t."""
    ax = px - seg_a[j, 0]
    ay = py - seg_a[j, 1]
    az = pz - seg_a[j, 2]
    t = (ax * seg_d[j, 0] + ay * seg_d[j, 1] + az * seg_d[j, 2]) * seg_inv[j]
    # clamped without a branch (the same t, NaN kept: numba's max and min keep a NaN
    # first argument): a color new to a cold decoder 188 -> 169 ns (RGB), one thread
    t = min(max(t, 0.0), 1.0)
    dx = ax - t * seg_d[j, 0]
    dy = ay - t * seg_d[j, 1]
    dz = az - t * seg_d[j, 2]
    return dx * dx + dy * dy + dz * dz, t


@nb.njit(**_JIT)
def _cell_of(r, g, b, n_axis, cell_size):  # pragma: no cover - jitted
    i = min(int(r / cell_size), n_axis - 1)
    j = min(int(g / cell_size), n_axis - 1)
    k = min(int(b / cell_size), n_axis - 1)
    return (i * n_axis + j) * n_axis + k


@nb.njit(inline="always", **_JIT)  # see _memo_code
def _project(r, g, b, search, ambiguity=True):  # pragma: no cover - jitted
    """Closest polyline point of the RGB color (r, g, b), DN floats in [0, 255].

    ``search`` is ``Grid.search()``: the polyline, the grid and the ambiguity test.
    Returns (position in bins, metric distance, ambiguous); without ``ambiguity``
    the test is skipped (False). The color's grid cell must have been built. A table
    color that runs apart share comes back at ``seg_exact``'s middle, ambiguous.
    """
    (
        matrix, seg_a, seg_d, seg_inv, seg_s, seg_ds, cell_start, cell_count, pool,
        n_axis, cell_size, period, gap, tolerance, seg_exact,
    ) = search  # fmt: skip
    cell = _cell_of(r, g, b, n_axis, cell_size)
    px = matrix[0, 0] * r + matrix[0, 1] * g + matrix[0, 2] * b
    py = matrix[1, 0] * r + matrix[1, 1] * g + matrix[1, 2] * b
    pz = matrix[2, 0] * r + matrix[2, 1] * g + matrix[2, 2] * b
    best = np.inf
    best_pos = 0.0
    best_vertex = False
    best_exact = np.nan
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
            best_exact = seg_exact[seg, 0] if t <= VERTEX else seg_exact[seg, 1]
    if period > 0.0 and best_pos >= period:
        best_pos -= period
    residual = math.sqrt(best)
    # exactly a color that runs apart share: the middle of their union, ambiguous
    shared = best_vertex and best <= TIE and not math.isnan(best_exact)
    if shared:
        best_pos = best_exact
    if not ambiguity:
        return best_pos, residual, False
    if shared:
        return best_pos, residual, True
    # Ambiguous: another place of the map, more than `gap` bins away, within
    # `tolerance` of the best distance.
    limit = residual + tolerance
    limit *= limit
    ambiguous = False
    for q in range(lo, hi):
        seg = pool[q]
        # a segment whose two ends lie within `gap` of the best position holds no
        # point apart from it (the position seg_s + t * seg_ds, rounded, lies between
        # the two, whichever the sign): skipped before its distance -- its neighbours
        # along the map, most of a cell's list
        start = seg_s[seg]
        if abs(start - best_pos) <= gap and abs(start + seg_ds[seg] - best_pos) <= gap:
            continue
        d2, t = _segment_dist2(px, py, pz, seg_a, seg_d, seg_inv, seg)
        if d2 <= limit:
            apart = abs(start + t * seg_ds[seg] - best_pos)
            if period > 0.0:
                apart = apart % period
                apart = min(apart, period - apart)
            if apart > gap:
                ambiguous = True
                break
    return best_pos, residual, ambiguous


# a call of its own without reference counting, its search inlined: inlined into the
# kernels (and calling the search), each call took and dropped counts of both arrays
# (four atomic calls into numba's runtime a color): 40-55 -> 14-19 ns a call in a plain
# loop (one thread); jet's 4:2:0 model at q75 (159 000 calls) stays at ~6.5 ms, bound by
# the latency of the positions it gathers
@nb.njit(_nrt=False, **_JIT)
def _color_at(s, vertices, positions, n_bins, cyclic):  # pragma: no cover - jitted
    """RGB of the polyline at position s (bins): linear between the two vertices."""
    n = positions.shape[0]
    if n == 1:
        return vertices[0, 0], vertices[0, 1], vertices[0, 2]
    if cyclic and s < positions[0]:
        s += n_bins
    k = _vertex_search(positions, s, n_bins)
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
def lookup_u8(pixels, block, pool, opaque, out, need):  # pragma: no cover - jitted
    """Pass 1 over (P, C) uint8 pixels: answers known to the memo go to ``out``.

    The memo (``Memo``: ``block`` per grid cell, codes in ``pool``, 0 = unknown)
    holds answers per 24-bit color. A pixel rejected by its alpha gets code 0
    (alpha 0 always; any alpha but 255 when the map is ``opaque``); an unknown one
    gets PENDING, and its grid cell is flagged in ``need`` when it has no block yet.
    Returns the number of pending pixels.
    """
    # a plain prange over pixels (numba splits it evenly among its threads): loops
    # over chunks inside a prange ran 1.2-17x slower (not vectorized, bounds unknown)
    pending = 0
    if pixels.shape[1] == 3:
        for p in nb.prange(pixels.shape[0]):
            code = _known_rgb(pixels, p, block, pool, need)
            if code == 0:
                code = PENDING
                pending += 1
            out[p] = code
        return pending
    for p in nb.prange(pixels.shape[0]):
        code = _lookup(pixels, np.int64(p), block, pool, opaque, need)
        if code == PENDING:
            pending += 1
        out[p] = code
    return pending


@nb.njit(**_JIT)
def _lookup(pixels, p, block, pool, opaque, need):  # pragma: no cover - jitted
    """Pixel p's code from the memo: 0 if alpha rejects it, PENDING if not known yet
    (its grid cell then flagged in ``need`` when it has no block)."""
    if _rejected(pixels, p, opaque):
        return np.uint32(0)
    slot = _slot(pixels, p, block)
    if slot < 0:
        cell = _cell_u8(pixels, p)
        if need[cell] == 0:  # (see _known_rgb)
            need[cell] = 1
        return PENDING
    code = pool[slot]
    if code == 0:
        return PENDING
    return code


@nb.njit(**_JIT)
def _rejected(pixels, p, opaque):  # pragma: no cover - jitted
    """Whether uint8 pixel p's alpha rejects it (0; or not 255 when the map is opaque).

    A function of its own: written inline, the test kept LLVM from inlining
    ``_lookup`` into the pixel loops (15 ms instead of 2.5 ms per megapixel).
    """
    if pixels.shape[1] == 4:
        alpha = pixels[p, 3]
        return alpha == 0 or (opaque and alpha != 255)
    return False


@nb.njit(**_JIT)
def _cell_u8(pixels, p):  # pragma: no cover - jitted
    """The grid cell of uint8 pixel p: ``_cell_of`` for 64 cells of 4 levels per axis."""
    r = np.int64(pixels[p, 0]) >> 2
    g = np.int64(pixels[p, 1]) >> 2
    b = np.int64(pixels[p, 2]) >> 2
    return (r << 12) | (g << 6) | b


@nb.njit(**_JIT)
def _slot(pixels, p, block):  # pragma: no cover - jitted
    """Index in a memo's pool of uint8 pixel p's color; -1 while its cell has no block."""
    first = block[_cell_u8(pixels, p)]
    if first < 0:
        return np.int64(-1)
    r = np.int64(pixels[p, 0]) & 3
    g = np.int64(pixels[p, 1]) & 3
    b = np.int64(pixels[p, 2]) & 3
    return (np.int64(first) << 6) | (r << 4) | (g << 2) | b


@nb.njit(inline="always", **_JIT)
def _known_rgb(pixels, p, block, pool, need):  # pragma: no cover - jitted
    """``_lookup`` for a picture without alpha: pixel p's code, 0 while unknown (its
    grid cell flagged in ``need`` when it has no block). The pixel loops of 3-channel
    pictures run on it: one test instead of three (alpha, block, code), ~35 % less
    time on an exact megapixel, ~10 % on a JPEG'd one (one thread)."""
    r = np.int64(pixels[p, 0])
    g = np.int64(pixels[p, 1])
    b = np.int64(pixels[p, 2])
    cell = ((r >> 2) << 12) | ((g >> 2) << 6) | (b >> 2)
    first = block[cell]
    if first < 0:
        # read first: threads writing the same flags take turns at their cache line
        # (a cold JPEG'd megapixel's first pass, loaded 2-core machine: 7.9 -> 5.6 ms
        # on two threads, 2.4 -> 1.6 ms on one)
        if need[cell] == 0:
            need[cell] = 1
        return np.uint32(0)
    return pool[(np.int64(first) << 6) | ((r & 3) << 4) | ((g & 3) << 2) | (b & 3)]


# inlined by numba: the memo's answer, read first (a call passes the whole search by
# value, ~100 ns, more than the read); only a color new to the memo calls _new_code
@nb.njit(inline="always", **_JIT)
def _memo_code(  # pragma: no cover - jitted
    pixels, p, slot, pool, search, search_pos, joint, inv_span, known_block, known_pool
):
    """The packed answer for uint8 pixel p (at ``slot`` of the memo's ``pool``), from
    the memo or projected and stored there (:func:`_new_code`)."""
    code = pool[slot]
    if code == 0:
        code = _new_code(  # one type for p (parallel loops give uint64, others int64)
            pixels, np.int64(p), slot, pool, search, search_pos, joint, inv_span, known_block,
            known_pool,
        )  # fmt: skip
    return code


# inlined into each resolve kernel (resolve_u8, resolve_values_u8, resolve_fields_u8);
# the projections are not (_projected: compiled once, where three inlined copies of
# _project took ~25 s of a fresh install's compile per kernel). As a call of its own
# (even compiled without reference counting, ``_nrt=False``) each color new to the
# memo paid ~0.4 us beside its ~0.3 us of projections (JPEG q75 1 MP, inferno's
# 37 000 colors, one thread: 0.76 -> 0.38 us a color inlined)
@nb.njit(inline="always", **_JIT)
def _new_code(  # pragma: no cover - jitted
    pixels, p, slot, pool, search, search_pos, joint, inv_span, known_block, known_pool
):
    """Project uint8 pixel p's color, store its packed answer at ``slot`` of ``pool``.
    ``joint``: the position from ``search_pos`` (another metric, e.g. luma), residual and
    ambiguity from ``search``, whose answers the ``known`` memo holds (read first, then
    filled; its block exists); otherwise all from ``search``. Threads racing on one
    color compute and store the same value."""
    r = float(pixels[p, 0])
    g = float(pixels[p, 1])
    b = float(pixels[p, 2])
    # a flag typed bool, not Literal[bool](True): one compile of _projected serves both
    ambiguity = np.bool_(True)
    if joint:
        known = _slot(pixels, p, known_block)
        code = known_pool[known]
        if code == 0:
            pos, res, amb = _projected(r, g, b, search, ambiguity)
            code = _pack(pos, res, amb, inv_span)
            known_pool[known] = code
        pos, _, _ = _projected(r, g, b, search_pos, not ambiguity)  # its position only
        code = (code & ~POS_MASK) | _pack(pos, 0.0, np.bool_(False), inv_span) & POS_MASK
    else:
        pos, res, amb = _projected(r, g, b, search, ambiguity)
        code = _pack(pos, res, amb, inv_span)
    pool[slot] = code
    return code


@nb.njit(_nrt=False, **_JIT)
def _projected(r, g, b, search, ambiguity):  # pragma: no cover - jitted
    """``_project`` as a call, compiled once (``ambiguity`` a bool, see _new_code)."""
    return _project(r, g, b, search, ambiguity)


@nb.njit(parallel=True, **_JIT)
def resolve_u8(  # pragma: no cover - jitted
    pixels, block, pool, search, search_pos, joint, span, out, known_block, known_pool
):
    """Pass 2: project the PENDING pixels, store their answers in ``out`` and the memo
    (whose blocks now cover their cells).

    ``search_pos``, ``joint`` and the ``known`` memo: see :func:`_new_code`.
    """
    inv_span = 1.0 / span
    for p in nb.prange(pixels.shape[0]):  # see lookup_u8
        if out[p] == PENDING:
            # a color met before in this pass: the memo alone (the call passes
            # the whole search by value, which costs more than the lookup)
            slot = _slot(pixels, np.int64(p), block)  # (_memo_code reads the memo first)
            code = _memo_code(
                pixels, np.int64(p), slot, pool, search, search_pos, joint, inv_span, known_block,
                known_pool,
            )  # fmt: skip
            out[p] = code


@nb.njit(parallel=True, **_JIT)
def cells_float(pixels, scale, cell_count, n_axis, cell_size, need):  # pragma: no cover
    """Flag in ``need`` the unbuilt grid cells (``Grid.count`` 0) of (P, C) float pixels
    (``scale`` -> DN)."""
    n_pix = pixels.shape[0]
    n_chunks, chunk = _chunks(n_pix, 4096, 256)
    for c in nb.prange(n_chunks):
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            r = min(max(pixels[p, 0] * scale, 0.0), 255.0)
            g = min(max(pixels[p, 1] * scale, 0.0), 255.0)
            b = min(max(pixels[p, 2] * scale, 0.0), 255.0)
            cell = _cell_of(r, g, b, n_axis, cell_size)
            if cell_count[cell] == 0 and need[cell] == 0:  # (see _known_rgb)
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


@nb.njit(**_JIT)
def _inverse_norm(u, kind, low, high):  # pragma: no cover - jitted
    # the arithmetic of truepix.color._norms' inverses, to the last bit
    if kind == NORM_LOG:
        return 10.0 ** (low + u * (high - low))
    return low + u * (high - low)


@nb.njit(parallel=True, **_JIT)
def codes_to_values(codes, max_code, kind, low, high, out):  # pragma: no cover
    """Data values from codes; NaN where rejected or the residual code exceeds ``max_code``."""
    for p in nb.prange(codes.shape[0]):  # see lookup_u8
        out[p] = _code_value(codes[p], max_code, kind, low, high)


@nb.njit(**_JIT)
def _code_value(code, max_code, kind, low, high):  # pragma: no cover - jitted
    res_code = code >> RESIDUAL_SHIFT
    if res_code == 0 or res_code > max_code:
        return np.nan
    return _inverse_norm((code & POS_MASK) * (1.0 / POS_SCALE), kind, low, high)


@nb.njit(parallel=True, **_JIT)
def values_u8(  # pragma: no cover - jitted
    pixels,
    block,
    pool,
    opaque,
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
    same memory seen as uint64) for :func:`resolve_values_u8`. Returns how many, and
    how many values written are NaN (counted here: a picture with none needs no
    second pass looking for them, ``_tables.flag_edges``).
    """
    pending = 0
    n_nan = 0
    if pixels.shape[1] == 3:
        for p in nb.prange(pixels.shape[0]):  # see lookup_u8
            code = _known_rgb(pixels, p, block, pool, need)
            if code == 0:
                out_bits[p] = PENDING_BITS
                pending += 1
            else:
                value = _code_value(code, max_code, kind, low, high)
                out[p] = value
                if math.isnan(value):
                    n_nan += 1
        return pending, n_nan
    for p in nb.prange(pixels.shape[0]):  # see lookup_u8
        code = _lookup(pixels, np.int64(p), block, pool, opaque, need)
        if code == PENDING:
            out_bits[p] = PENDING_BITS
            pending += 1
        else:  # code 0 (alpha) gives NaN too
            value = _code_value(code, max_code, kind, low, high)
            out[p] = value
            if math.isnan(value):
                n_nan += 1
    return pending, n_nan


@nb.njit(parallel=True, **_JIT)
def resolve_values_u8(  # pragma: no cover - jitted
    pixels, block, pool, search, search_pos, joint, span, max_code, kind, low, high, out,
    out_bits, known_block, known_pool,
):  # fmt: skip
    """Pass 2 of the one-pass path: the pixels :func:`values_u8` left pending.
    Returns how many of them are NaN.

    ``search_pos``, ``joint`` and the ``known`` memo: see :func:`_new_code`.
    """
    inv_span = 1.0 / span
    n_nan = 0
    for p in nb.prange(pixels.shape[0]):  # see lookup_u8
        if out_bits[p] == PENDING_BITS:
            slot = _slot(pixels, np.int64(p), block)  # (_memo_code reads the memo first)
            code = _memo_code(
                pixels, np.int64(p), slot, pool, search, search_pos, joint, inv_span, known_block,
                known_pool,
            )  # fmt: skip
            value = _code_value(code, max_code, kind, low, high)
            out[p] = value
            if math.isnan(value):
                n_nan += 1
    return n_nan


@nb.njit(parallel=True, **_JIT)
def positions_to_values(position, kind, low, high, out):  # pragma: no cover - jitted
    """Data values of positions in [0, 1] (NaN stays NaN), as ``codes_to_values``.
    Returns how many are NaN (``DecolorizeResult.n_nan``: no scan for them after)."""
    n_nan = 0
    for p in nb.prange(position.shape[0]):  # see lookup_u8
        value = _inverse_norm(position[p], kind, low, high)
        out[p] = value
        if math.isnan(value):
            n_nan += 1
    return n_nan


@nb.njit(parallel=True, **_JIT)
def codes_to_fields(codes, max_code, position, residual, ambiguous):  # pragma: no cover
    """Unpack codes: position in [0, 1] (NaN where rejected), residual (DN), ambiguity."""
    for p in nb.prange(codes.shape[0]):  # see lookup_u8
        position[p], residual[p], ambiguous[p] = _fields(codes[p], max_code)


@nb.njit(**_JIT)
def _fields(code, max_code):  # pragma: no cover - jitted
    """(position in [0, 1], residual in DN, ambiguous) of a code: position NaN where
    rejected or the residual code exceeds ``max_code``, residual NaN where rejected."""
    res_code = code >> RESIDUAL_SHIFT
    ambiguous = (code & AMBIGUOUS_BIT) != 0
    if res_code == 0:
        return np.nan, np.nan, ambiguous
    residual = (res_code - 1) / RESIDUAL_STEPS
    if res_code > max_code:
        return np.nan, residual, ambiguous
    return (code & POS_MASK) * (1.0 / POS_SCALE), residual, ambiguous
