"""Antialiased edges between a sharp render's cells (:func:`fill_cell_edges`).

``hexbin`` (and ``pcolormesh``, ``contourf``, ``tripcolor``) draw each face in its own
color, stroked in the same color and antialiased: where two (at a corner three) faces
meet, Agg blends their colors by coverage. On a map whose neighbouring cells' colors
lie far apart along the table (jet, turbo), the blend is off the map, so a sharp
render's decode takes it for something drawn over the map (``_resampled``'s fringe,
``_tables.flag_strokes``) and leaves it NaN: trial 55's ``hexbin(gridsize=25 / 60,
cmap="jet")`` PNG, 2.9-8.2 % of the data NaN (viridis / magma: none, their blends lie
near the curve).

Such a pixel is data: a blend of two or three colors decoded within REACH of it, far
apart (SPREAD DN), within TOLERANCE of their segment (or triangle), well between them.
It gets their values weighed as the colors are. Pixels within the decode's threshold of
one decoded color beside such a blend (the blend's flagged fringe) get its value. An
annotation's edge is a blend of its ink and ONE map color (black or white: on seismic's
and hot's straight stretches also a blend of two map colors), and its ink (a NaN pixel
no blend explains, or a gray one) lies within GUARD of it: none of these is filled. The fill runs in
PASSES (a band of edge pixels, filled from the decoded cells inwards).
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT

__all__ = ["fill_cell_edges"]

#: Pixels (Chebyshev) within which decoded colors are the cells a pixel blends.
REACH = 3
#: A NaN pixel no blend explains (an ink's core) keeps NaN every pixel this near.
GUARD = 2
#: DN from the segment (triangle) of the cells' colors: Agg's 8-bit blends, rounded.
TOLERANCE = 3.0
#: Least DN between two cells' colors for their blend to count (no ink-with-field blend
#: along a map's gentle slope).
SPREAD = 6.0
#: Least weight of each color in a blend (a blend, not one color nudged).
LEAST_WEIGHT = 0.0
#: A NaN pixel whose channels lie within this (DN) is an ink (black, white, gray: the
#: inks a map's gray ends or pale middle share, hot's, seismic's), whatever explains it.
GRAY_INK = 8
#: Passes of the fill.
PASSES = 3
#: Distinct decoded colors looked at around a pixel.
_COLORS = 12


def fill_cell_edges(
    values: np.ndarray, pixels: np.ndarray, threshold: float, inks: np.ndarray | None = None,
    table: np.ndarray | None = None,
) -> int:  # fmt: skip
    """Fill (in place) NaN pixels of ``values`` (H, W) that blend two or three decoded
    colors of ``pixels`` (H, W, >= 3; 8-bit) around them, and their fringe within
    ``threshold`` DN of one decoded color beside them; how many were filled. ``inks``
    (H, W; optional): pixels known drawn (an ink in the map's own colors), foreign as
    gray ones and those no blend explains. ``table`` (N, 3; 8-bit; optional): the map's
    colors; where black or white lies on it (hot, seismic), a pixel as near a blend of
    that ink with one decoded color as to any cells' blend is the ink's edge.

    Examples
    --------
    >>> rgb = np.zeros((5, 6, 3), np.uint8)
    >>> rgb[:, :3] = (0, 0, 200); rgb[:, 3:] = (200, 0, 0); rgb[:, 3] = (100, 0, 100)
    >>> values = np.where(rgb[..., 0] == 200, 1.0, 0.0); values[:, 3] = np.nan
    >>> fill_cell_edges(values, rgb, 3.0)
    5
    >>> values[0].round(2).tolist()
    [0.0, 0.0, 0.0, 0.5, 1.0, 1.0]
    """
    if values.ndim != 2 or not np.isnan(values).any():
        return 0
    rgb = np.ascontiguousarray(pixels[..., :3], dtype=np.float64)
    found = np.full(values.shape, np.nan)
    kinds = np.where(np.isnan(values), 0, 3).astype(np.int8)
    # (a figure's paper: no decoded pixel near, never looked at)
    judged = np.isnan(values) & _grown(kinds == 3, REACH)
    filled = np.zeros(values.shape, bool)  # the blends filled so far
    spread = pixels[..., :3].max(axis=-1).astype(np.int16) - pixels[..., :3].min(axis=-1)
    gray = spread <= GRAY_INK  # (an ink: black, white, gray; a blend of two cells, hardly)
    if inks is not None:
        gray |= inks
    total = 0
    ends = np.array([[0.0] * 3, [255.0] * 3])
    if table is not None:  # (the inks the map also holds: their blends look like its own)
        table = np.asarray(table)[:, :3].astype(np.float64)
        ends = ends[[np.abs(table - end).max(axis=1).min() <= GRAY_INK for end in ends]]
    else:
        ends = ends[:0]
    for _ in range(PASSES):
        ys, xs = np.nonzero(judged)
        _explain(values, rgb, max(TOLERANCE, threshold), threshold, ys, xs, found, kinds, ends)
        foreign = np.isnan(values) & ((kinds == 0) | (kinds == 4) | gray)
        near = _grown(foreign, GUARD)
        blends = (kinds == 2) & ~near
        filled |= blends
        take = blends | ((kinds == 1) & ~near & _grown(filled, 1))
        if not take.any():
            break
        values[take] = found[take]
        kinds[take] = 3
        total += int(take.sum())
        # (judged again: what the new decoded pixels may explain)
        judged = np.isnan(values) & _grown(take, REACH)
    return total


def _grown(mask: np.ndarray, radius: int) -> np.ndarray:
    """``mask`` grown by ``radius`` pixels (Chebyshev)."""
    out = mask.copy()
    height, width = mask.shape
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            if abs(dy) >= height or abs(dx) >= width:  # (a picture smaller than the reach)
                continue
            src = mask[max(0, -dy) : height - max(0, dy), max(0, -dx) : width - max(0, dx)]
            out[max(0, dy) : height - max(0, -dy), max(0, dx) : width - max(0, -dx)] |= src
    return out


@nb.njit(**_JIT)
def _explain(values, rgb, tolerance, threshold, ys, xs, found, kinds, ends):  # pragma: no cover
    """Per NaN pixel (``ys``, ``xs``): kinds 4 (a blend of black or white with a decoded
    color around: an ink's edge), 2 (a blend of 2-3 decoded colors around, value in
    found), 1 (within threshold of one, its value), 0 (none)."""
    height, width = values.shape
    colors = np.empty((_COLORS, 3))
    vals = np.empty(_COLORS)
    for at in range(len(ys)):
        y, x = ys[at], xs[at]
        kinds[y, x] = 0
        n = 0
        for yy in range(max(0, y - REACH), min(height, y + REACH + 1)):
            for xx in range(max(0, x - REACH), min(width, x + REACH + 1)):
                v = values[yy, xx]
                if np.isnan(v) or n >= _COLORS:
                    continue
                seen = False
                for k in range(n):
                    if (colors[k, 0] == rgb[yy, xx, 0] and colors[k, 1] == rgb[yy, xx, 1]
                            and colors[k, 2] == rgb[yy, xx, 2]):  # fmt: skip
                        seen = True
                        break
                if not seen:
                    for c in range(3):
                        colors[n, c] = rgb[yy, xx, c]
                    vals[n] = v
                    n += 1
        if n == 0:
            continue
        p0, p1, p2 = rgb[y, x, 0], rgb[y, x, 1], rgb[y, x, 2]
        inked = _inked(p0, p1, p2, colors, n, tolerance, threshold, ends)
        best = np.inf
        for i in range(n):  # one color: the fringe
            d = (p0 - colors[i, 0]) ** 2 + (p1 - colors[i, 1]) ** 2 + (p2 - colors[i, 2]) ** 2
            if d <= threshold * threshold and d < best:
                best = d
                found[y, x] = vals[i]
                kinds[y, x] = 1
        best = np.inf
        tol2 = tolerance * tolerance
        for i in range(n):
            for j in range(i + 1, n):
                e0 = colors[j, 0] - colors[i, 0]
                e1 = colors[j, 1] - colors[i, 1]
                e2 = colors[j, 2] - colors[i, 2]
                ll = e0 * e0 + e1 * e1 + e2 * e2
                if ll < SPREAD * SPREAD:
                    continue
                q0, q1, q2 = p0 - colors[i, 0], p1 - colors[i, 1], p2 - colors[i, 2]
                t = (q0 * e0 + q1 * e1 + q2 * e2) / ll
                if t < LEAST_WEIGHT or t > 1.0 - LEAST_WEIGHT:
                    continue
                d = (q0 - t * e0) ** 2 + (q1 - t * e1) ** 2 + (q2 - t * e2) ** 2
                if d <= tol2 and d < best:
                    best = d
                    found[y, x] = (1.0 - t) * vals[i] + t * vals[j]
                    kinds[y, x] = 2
                for k in range(j + 1, n):  # three colors (a corner)
                    f0 = colors[k, 0] - colors[i, 0]
                    f1 = colors[k, 1] - colors[i, 1]
                    f2 = colors[k, 2] - colors[i, 2]
                    mm = f0 * f0 + f1 * f1 + f2 * f2
                    if mm < SPREAD * SPREAD:
                        continue
                    em = e0 * f0 + e1 * f1 + e2 * f2
                    det = ll * mm - em * em
                    if det < 1e-6 * ll * mm:
                        continue
                    qe = q0 * e0 + q1 * e1 + q2 * e2
                    qf = q0 * f0 + q1 * f1 + q2 * f2
                    s = (qe * mm - qf * em) / det
                    u = (qf * ll - qe * em) / det
                    if s < LEAST_WEIGHT or u < LEAST_WEIGHT or 1.0 - s - u < LEAST_WEIGHT:
                        continue
                    r0 = q0 - s * e0 - u * f0
                    r1 = q1 - s * e1 - u * f1
                    r2 = q2 - s * e2 - u * f2
                    d = r0 * r0 + r1 * r1 + r2 * r2
                    if d <= tol2 and d < best:
                        best = d
                        found[y, x] = (1.0 - s - u) * vals[i] + s * vals[j] + u * vals[k]
                        kinds[y, x] = 2
        if inked <= best:  # (as well an ink's edge as the cells' blend: the ink's)
            kinds[y, x] = 4


@nb.njit(**_JIT)
def _inked(p0, p1, p2, colors, n, tolerance, threshold, ends):  # pragma: no cover - jitted
    """How far (squared DN) a pixel lies from the blends of an ink (``ends``) with one of
    ``colors[:n]`` farther than ``threshold`` from it (an annotation's edge); inf past
    ``tolerance``."""
    best = np.inf
    for end in range(len(ends)):
        for i in range(n):
            e0 = ends[end, 0] - colors[i, 0]
            e1 = ends[end, 1] - colors[i, 1]
            e2 = ends[end, 2] - colors[i, 2]
            ll = e0 * e0 + e1 * e1 + e2 * e2
            if ll <= threshold * threshold:
                continue
            q0, q1, q2 = p0 - colors[i, 0], p1 - colors[i, 1], p2 - colors[i, 2]
            t = min(max((q0 * e0 + q1 * e1 + q2 * e2) / ll, 0.0), 1.0)
            if t * t * ll <= threshold * threshold:
                continue
            d = (q0 - t * e0) ** 2 + (q1 - t * e1) ** 2 + (q2 - t * e2) ** 2
            if d <= tolerance * tolerance and d < best:
                best = d
    return best
