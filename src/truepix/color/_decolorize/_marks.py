"""numba kernel of ``_plan.block_score``: JPEG's marks on the rows of a picture's sample.

One pass over the rows ``block_score`` reads gives the sums its statistics are
made of (per column phase: the residual's steps between neighbouring columns;
second differences of the picture's and the map's Y Cb Cr along rows), instead of
a dozen numpy temporaries of the rows. The map's color at a pixel's position is
``np.interp``'s arithmetic to the last bit (``_interp_rgb``). The numpy oracle is
``_oracle.block_score``.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT, POS_MASK, RESIDUAL_SHIFT
from truepix.color._decolorize._vertex import _walk

__all__ = ["block_marks", "interp_at", "interp_table", "vertex_guide"]

#: Cells a vertex of the walks' guide (:func:`vertex_guide`).
GUIDE_CELLS = 8


def interp_table(
    positions: np.ndarray, vertices: np.ndarray, n_bins: int, cyclic: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """``np.interp``'s table of a polyline: (xp, fp, slopes, period; 0 when not cyclic).

    A cyclic map gets what ``np.interp(..., period=n_bins)`` makes of it: positions
    taken modulo the period, sorted, and one vertex repeated past each end. The
    slopes between vertices are numpy's (it computes them first when the points to
    interpolate outnumber the vertices).
    """
    xp = np.asarray(positions, dtype=np.float64)
    fp = np.asarray(vertices, dtype=np.float64)
    period = 0.0
    if cyclic:
        period = float(n_bins)
        xp = xp % period
        order = np.argsort(xp)
        xp, fp = xp[order], fp[order]
        xp = np.concatenate((xp[-1:] - period, xp, xp[0:1] + period))
        fp = np.concatenate((fp[-1:], fp, fp[0:1]))
    slopes = (fp[1:] - fp[:-1]) / (xp[1:] - xp[:-1])[:, None]
    return np.ascontiguousarray(xp), np.ascontiguousarray(fp), slopes, period


@nb.njit(**_JIT)
def _interp_nan(x, xp, fp, slopes, j, c):  # pragma: no cover - jitted
    """numpy's fallback where ``slope * (x - xp[j]) + fp[j]`` is NaN: the other way."""
    value = slopes[j, c] * (x - xp[j + 1]) + fp[j + 1, c]
    if math.isnan(value) and fp[j, c] == fp[j + 1, c]:
        value = fp[j, c]
    return value


# inlined by numba: a call passes its arrays by value, which costs more than the work
@nb.njit(inline="always", **_JIT)
def _interp_rgb(x, xp, fp, slopes, j):  # pragma: no cover - jitted
    """``np.interp(x, xp, fp[:, c])`` for c = 0, 1, 2 given j, the last of ``xp`` at
    or before x: numpy's own arithmetic, its slopes computed beforehand as it does
    (:func:`interp_table`)."""
    n = xp.shape[0]
    if j < 0:
        return fp[0, 0], fp[0, 1], fp[0, 2]
    if j >= n - 1:
        return fp[n - 1, 0], fp[n - 1, 1], fp[n - 1, 2]
    if xp[j] == x:
        return fp[j, 0], fp[j, 1], fp[j, 2]
    dx = x - xp[j]
    r = slopes[j, 0] * dx + fp[j, 0]
    g = slopes[j, 1] * dx + fp[j, 1]
    b = slopes[j, 2] * dx + fp[j, 2]
    if math.isnan(r + g + b):
        r = _interp_nan(x, xp, fp, slopes, j, np.int64(0)) if math.isnan(r) else r
        g = _interp_nan(x, xp, fp, slopes, j, np.int64(1)) if math.isnan(g) else g
        b = _interp_nan(x, xp, fp, slopes, j, np.int64(2)) if math.isnan(b) else b
    return r, g, b


# a call of its own without reference counting, its walk inlined (as ``_color_at``):
# inlined into ``_interp._colors`` and calling the walk, each position took and dropped
# counts of the arrays (atomic calls into numba's runtime)
@nb.njit(_nrt=False, **_JIT)
def interp_at(x, xp, fp, slopes, period, n_bins):  # pragma: no cover - jitted
    """The polyline's RGB at position x (bins, not NaN) as ``np.interp`` gives it
    (``period=n_bins`` on cyclic maps); the table from :func:`interp_table`."""
    if period > 0.0:
        x = x % period
    n = xp.shape[0]
    if math.isnan(x):  # (an infinite x's remainder: searchsorted's, NaN sorts last)
        return _interp_rgb(x, xp, fp, slopes, n - 1)
    j = _walk(xp, x, int(min(max(x * (n / n_bins), 0.0), n - 1.0)))  # (_vertex_walked's)
    return _interp_rgb(x, xp, fp, slopes, j)


@nb.njit(**_JIT)
def vertex_guide(positions, n_bins, n_cells):  # pragma: no cover - jitted
    """Where the vertex walks of :func:`block_marks` and the chroma test start: per cell
    of ``n_cells`` over [0, ``n_bins``], the last of ``positions`` (ascending) at or
    before the cell's start (-1: none). A walk from it mostly takes no step."""
    guide = np.empty(n_cells, np.int64)
    per_bin = n_cells / n_bins
    at = -1
    for cell in range(n_cells):
        while at + 1 < positions.shape[0] and positions[at + 1] <= cell / per_bin:
            at += 1
        guide[cell] = at
    return guide


@nb.njit(**_JIT)
def block_marks(  # pragma: no cover - jitted
    pixels, scale, codes, width, every, max_code, xp, fp, slopes, period, to_bins, n_bins, ycc,
    n_cells, per_bin, out_steps, out_counts, out_detail,
):  # fmt: skip
    """Sums of ``block_score``'s statistics over every ``every``-th row of ``width``.

    Per row: the map's color at each pixel's position (``(code & POS_MASK) *
    to_bins``; ``xp``, ``fp``, ``period`` from :func:`interp_table`), a pixel valid
    when its residual code is in 1..``max_code``. Adds to ``out_steps[phase, c]``
    (and ``out_counts[phase]``) the absolute step of the residual's Y Cb Cr channel c
    between columns j and j + 1 (both valid; j < the last full 8 columns, phase j
    mod 8), and to ``out_detail`` [luma, chroma, map luma, map chroma] the absolute
    second differences along the row (three valid pixels) of the picture's and the
    map's Y and Cb + Cr. The map's color is :func:`interp_at`'s, each walk started
    from the guide of ``n_cells`` cells (``per_bin`` a bin: :func:`vertex_guide`, made
    here: one kernel to load from numba's cache, not two, ~3 ms of a fresh process's
    first JPEG'd picture) and written out here (the helpers' calls cost a row's pixels
    16 ns each, this 7).
    """
    guide = vertex_guide(xp, n_bins, n_cells)
    n_rows = codes.shape[0] // width
    n_phases = (width - 1) // 8 * 8
    observed = np.empty((width, 3), np.float64)
    mapped = np.empty((width, 3), np.float64)
    residual = np.empty((width, 3), np.float64)
    valid = np.empty(width, np.bool_)
    steps = np.zeros((8, 3), np.float64)
    counts = np.zeros(8, np.int64)
    detail = np.zeros(4, np.float64)
    n_xp, last = xp.shape[0], guide.shape[0] - 1
    for row in range(0, n_rows, every):
        for j in range(width):
            p = row * width + j
            code = codes[p]
            res_code = code >> RESIDUAL_SHIFT
            valid[j] = (res_code > 0) & (res_code <= max_code)
            r = pixels[p, 0] * scale
            g = pixels[p, 1] * scale
            b = pixels[p, 2] * scale
            x = (code & POS_MASK) * to_bins
            if period > 0.0:
                x = x % period
            k = guide[min(max(int(x * per_bin), 0), last)]  # then _walk's, either way
            if k >= 0 and xp[k] > x:
                while k >= 0 and xp[k] > x:
                    k -= 1
            else:
                while k + 1 < n_xp and xp[k + 1] <= x:
                    k += 1
            if k < 0:  # (_interp_rgb's arithmetic)
                mr, mg, mb = fp[0, 0], fp[0, 1], fp[0, 2]
            elif k >= n_xp - 1:
                mr, mg, mb = fp[n_xp - 1, 0], fp[n_xp - 1, 1], fp[n_xp - 1, 2]
            elif xp[k] == x:
                mr, mg, mb = fp[k, 0], fp[k, 1], fp[k, 2]
            else:
                dx = x - xp[k]
                mr = slopes[k, 0] * dx + fp[k, 0]
                mg = slopes[k, 1] * dx + fp[k, 1]
                mb = slopes[k, 2] * dx + fp[k, 2]
                if math.isnan(mr + mg + mb):
                    mr = _interp_nan(x, xp, fp, slopes, k, np.int64(0)) if math.isnan(mr) else mr
                    mg = _interp_nan(x, xp, fp, slopes, k, np.int64(1)) if math.isnan(mg) else mg
                    mb = _interp_nan(x, xp, fp, slopes, k, np.int64(2)) if math.isnan(mb) else mb
            for c in range(3):
                y0, y1, y2 = ycc[c, 0], ycc[c, 1], ycc[c, 2]
                observed[j, c] = y0 * r + y1 * g + y2 * b
                mapped[j, c] = y0 * mr + y1 * mg + y2 * mb
                residual[j, c] = y0 * (r - mr) + y1 * (g - mg) + y2 * (b - mb)
        for j in range(n_phases):
            if valid[j] & valid[j + 1]:
                phase = j & 7
                counts[phase] += 1
                for c in range(3):
                    steps[phase, c] += abs(residual[j + 1, c] - residual[j, c])
        for j in range(1, width - 1):
            if not (valid[j - 1] & valid[j] & valid[j + 1]):
                continue
            for c in range(3):
                seen = abs(observed[j, c] - 0.5 * (observed[j + 1, c] + observed[j - 1, c]))
                drawn = abs(mapped[j, c] - 0.5 * (mapped[j + 1, c] + mapped[j - 1, c]))
                slot = min(c, 1)
                detail[slot] += seen
                detail[2 + slot] += drawn
    out_steps += steps
    out_counts += counts
    out_detail += detail
