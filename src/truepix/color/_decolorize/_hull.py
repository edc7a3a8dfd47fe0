"""Which off-map pixels are still data: blends of the map colors around them.

A resampled picture (downscaled, upscaled, interpolated) holds weighted means of
neighbouring colors. On a textured field drawn with a map that turns sharply (jet,
turbo), such a mean of several map colors can lie far from the map itself -- tens
of DN -- although it is data. What it cannot be is a color that the map colors
*around it* cannot make: a pixel is a blend of the field values near it, so its
color lies in the convex hull of the map's colors over the range of positions its
neighbours hold (the *local arc*). Annotations differ on both counts: black, white
and off-map colors are outside that hull, and a thin stroke is a luma extreme among
its neighbours where a blend lies between them.

Kernels here assume clean input (see ``_decolor_kernels``); the plain-numpy oracle
is ``_decolor_oracle`` (``hull_distance``, ``hull_accept``).
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._degraded import _color_at
from truepix.color._decolorize._grow import core_groups
from truepix.color._decolorize._palette import Polyline

__all__ = ["hull_accept", "hull_distance", "hull_distances", "lone_specks", "simplify"]

_JIT = {"cache": True, "nogil": True, "error_model": "numpy"}
#: BT.601 luma of RGB, for the thin-stroke test.
_LUMA_R, _LUMA_G, _LUMA_B = 0.299, 0.587, 0.114
#: Frank-Wolfe steps at most; the test stops as soon as a bound decides it.
_MAX_STEPS = 256


def simplify(points: np.ndarray, positions: np.ndarray, tolerance: float) -> np.ndarray:
    """Indices of the vertices Douglas-Peucker keeps (within ``tolerance`` of the rest).

    The hull of a local arc is spanned by its corners; a map with 256 entries has a
    handful (jet: 6) once the nearly collinear ones are dropped.

    Examples
    --------
    >>> points = np.array([[0.0, 0, 0], [1, 0, 0], [2, 0.1, 0], [2, 5, 0]])
    >>> simplify(points, np.arange(4.0), 0.5).tolist()
    [0, 2, 3]
    """
    del positions  # kept in order by index
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last <= first + 1:
            continue
        start, direction = points[first], points[last] - points[first]
        length2 = float(direction @ direction)
        rel = points[first + 1 : last] - start
        t = np.clip(rel @ direction / length2, 0.0, 1.0) if length2 > 0 else np.zeros(len(rel))
        dist = np.linalg.norm(rel - t[:, None] * direction, axis=1)
        worst = int(np.argmax(dist))
        if dist[worst] > tolerance:
            keep[first + 1 + worst] = True
            stack += [(first, first + 1 + worst), (first + 1 + worst, last)]
    return np.flatnonzero(keep)


@nb.njit(**_JIT)
def hull_distance(point, corners, n_corners, limit2):  # pragma: no cover - jitted
    """Squared distance from ``point`` to the convex hull of ``corners[:n_corners]``.

    Frank-Wolfe: the distance only falls, and the duality gap bounds it from below,
    so the answer is exact enough to decide ``distance^2 <= limit2`` either way and
    the loop stops as soon as one bound decides it.
    """
    best = 0
    best2 = np.inf
    for i in range(n_corners):
        d2 = 0.0
        for k in range(3):
            d2 += (corners[i, k] - point[k]) ** 2
        if d2 < best2:
            best2, best = d2, i
    x0, x1, x2 = corners[best, 0], corners[best, 1], corners[best, 2]
    f = best2
    for _ in range(_MAX_STEPS):
        if f <= limit2:
            return f
        e0, e1, e2 = x0 - point[0], x1 - point[1], x2 - point[2]
        pick = 0
        lowest = np.inf
        for i in range(n_corners):
            v = e0 * corners[i, 0] + e1 * corners[i, 1] + e2 * corners[i, 2]
            if v < lowest:
                lowest, pick = v, i
        s0, s1, s2 = x0 - corners[pick, 0], x1 - corners[pick, 1], x2 - corners[pick, 2]
        gap = e0 * s0 + e1 * s1 + e2 * s2  # f - f* <= 2 gap
        if f - 2.0 * gap > limit2:
            return f - 2.0 * gap
        length2 = s0 * s0 + s1 * s1 + s2 * s2
        if gap <= 0.0 or length2 <= 0.0:
            return f
        step = min(gap / length2, 1.0)
        x0, x1, x2 = x0 - step * s0, x1 - step * s1, x2 - step * s2
        f = (x0 - point[0]) ** 2 + (x1 - point[1]) ** 2 + (x2 - point[2]) ** 2
    return f


@nb.njit(**_JIT)
def _luma(pixels, p, scale):  # pragma: no cover - jitted
    return (_LUMA_R * pixels[p, 0] + _LUMA_G * pixels[p, 1] + _LUMA_B * pixels[p, 2]) * scale


@nb.njit(parallel=True, **_JIT)
def hull_accept(  # pragma: no cover - jitted
    pixels,
    scale,
    width,
    position,
    residual,
    threshold,
    arc_threshold,
    radius,
    margin,
    corners,
    corner_pos,
    vertices,
    positions,
    n_bins,
    matrix,
    tolerance,
    out,
):
    """Pixels off the map that are blends of the map colors around them.

    For each pixel with ``residual > threshold`` (DN; NaN residuals are skipped):
    the anchors are the pixels of its ``(2 radius + 1)^2`` window within
    ``arc_threshold``; their positions (in [0, 1]) span the local arc ``[lo, hi]``, widened
    by ``margin`` times its length on each side (within [0, 1]). The pixel
    is accepted (``out`` True) when it is no luma extreme of its 3x3 neighbours (by
    more than ``tolerance``) and its color, mapped by ``matrix``, is within
    ``tolerance`` of the convex hull of the arc: the map colors at ``lo`` and ``hi``
    and the ``corners`` (metric coordinates, positions ``corner_pos`` in bins)
    between them. On a cyclic map the arc is taken in [0, 1] without wrapping: an arc
    across the seam becomes the whole map when anchors lie near both ends, the long
    way round otherwise (blends across the seam may then stay off the map).
    ``out`` is left False elsewhere.
    """
    height = position.shape[0] // width
    n_max = corners.shape[0] + 2
    limit2 = tolerance * tolerance
    for y in nb.prange(height):
        pts = np.empty((n_max, 3), np.float64)
        color = np.empty(3, np.float64)
        for x in range(width):
            p = y * width + x
            out[p] = False
            if not residual[p] > threshold:
                continue
            lo = np.inf
            hi = -np.inf
            for yy in range(max(0, y - radius), min(height, y + radius + 1)):
                for xx in range(max(0, x - radius), min(width, x + radius + 1)):
                    q = yy * width + xx
                    if residual[q] <= arc_threshold and not math.isnan(position[q]):
                        lo = min(lo, position[q])
                        hi = max(hi, position[q])
            if hi < lo:
                continue
            # a filter mixes values beyond those its neighbours kept: widen the arc
            span = (hi - lo) * margin
            lo = max(0.0, lo - span)
            hi = min(1.0, hi + span)
            # a thin stroke is darker or brighter than all its neighbours
            own = _luma(pixels, p, scale)
            low_l = np.inf
            high_l = -np.inf
            for yy in range(max(0, y - 1), min(height, y + 2)):
                for xx in range(max(0, x - 1), min(width, x + 2)):
                    q = yy * width + xx
                    if q != p:
                        lum = _luma(pixels, q, scale)
                        low_l = min(low_l, lum)
                        high_l = max(high_l, lum)
            if own < low_l - tolerance or own > high_l + tolerance:
                continue
            n = 0
            for end in (lo, hi):
                r, g, b = _color_at(end * n_bins, vertices, positions, n_bins, False)
                for k in range(3):
                    pts[n, k] = matrix[k, 0] * r + matrix[k, 1] * g + matrix[k, 2] * b
                n += 1
            for i in range(corners.shape[0]):
                s = corner_pos[i] / n_bins
                if lo < s < hi:
                    for k in range(3):
                        pts[n, k] = corners[i, k]
                    n += 1
            r = pixels[p, 0] * scale
            g = pixels[p, 1] * scale
            b = pixels[p, 2] * scale
            for k in range(3):
                color[k] = matrix[k, 0] * r + matrix[k, 1] * g + matrix[k, 2] * b
            out[p] = hull_distance(color, pts, n, limit2) <= limit2


@nb.njit(parallel=True, **_JIT)
def hull_distances(pixels, scale, candidates, corners, matrix, limit, out):  # pragma: no cover
    """Distance (DN) of each ``candidates`` pixel to the hull of ``corners``, decided
    against ``limit``: exact enough that ``out <= limit`` is the true answer.

    ``corners`` are metric coordinates (``matrix`` maps a pixel's RGB to them).
    """
    limit2 = limit * limit
    for k in nb.prange(candidates.shape[0]):
        p = candidates[k]
        color = np.empty(3, np.float64)
        r = pixels[p, 0] * scale
        g = pixels[p, 1] * scale
        b = pixels[p, 2] * scale
        for i in range(3):
            color[i] = matrix[i, 0] * r + matrix[i, 1] * g + matrix[i, 2] * b
        out[k] = math.sqrt(max(hull_distance(color, corners, corners.shape[0], limit2), 0.0))


def lone_specks(
    pixels: np.ndarray, scale: float, width: int, unexplained: np.ndarray, line: Polyline,
    corner_tolerance: float, tolerance: float, min_pixels: int,
) -> np.ndarray:  # fmt: skip
    """Which ``unexplained`` off-map pixels (flat mask) are data all the same.

    Those within ``tolerance`` (DN) of the whole map's hull (spanned by the corners
    :func:`simplify` keeps at ``corner_tolerance``) in 8-connected groups of fewer
    than ``min_pixels`` such pixels: a field's one-pixel peak that a filter blended
    with neighbours whose values it does not share. A stroke is a connected line;
    black, white and colors no map colors make lie outside the hull.
    """
    candidates = np.flatnonzero(unexplained)
    metric_vertices = line.vertices @ line.matrix.T
    corners = simplify(metric_vertices, line.positions, corner_tolerance)
    distance = np.empty(len(candidates), dtype=np.float64)
    hull_distances(
        pixels, scale, candidates, np.ascontiguousarray(metric_vertices[corners]),
        line.matrix, tolerance, distance,
    )  # fmt: skip
    groups = np.empty(len(candidates), dtype=np.int64)
    core_groups(
        np.ones(len(candidates), dtype=bool), distance, candidates, width,
        len(unexplained) // width, min_pixels, tolerance, groups,
    )  # fmt: skip
    specks = np.zeros(len(unexplained), dtype=bool)
    specks[candidates[groups == 0]] = True
    return specks
