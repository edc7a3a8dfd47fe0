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
from truepix.color._decolorize._rays import flanks_explain, runs

__all__ = [
    "hull_accept", "hull_distance", "hull_distances", "lone_specks", "simplify", "thin_blends",
]

_JIT = {"cache": True, "nogil": True, "error_model": "numpy"}
#: BT.601 luma of RGB, for the thin-stroke test.
_LUMA_R, _LUMA_G, _LUMA_B = 0.299, 0.587, 0.114
#: Frank-Wolfe steps at most; the test stops as soon as a bound decides it.
_MAX_STEPS = 256
#: Candidates per parallel block of ``hull_distances`` (each block remembers its last
#: color's distance).
_BLOCK = 4096


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

    Pairwise Frank-Wolfe: each step moves weight from the corner the gradient likes
    least among those in use to the one it likes most. The distance only falls and
    the duality gap bounds it from below, so the loop stops as soon as one bound
    decides ``distance^2 <= limit2`` either way. (Plain Frank-Wolfe zig-zags towards
    a point inside a face: 256 steps left points of the hull 4 DN outside it.)
    """
    weights = np.zeros(n_corners)
    best = 0
    best2 = np.inf
    for i in range(n_corners):
        d2 = 0.0
        for k in range(3):
            d2 += (corners[i, k] - point[k]) ** 2
        if d2 < best2:
            best2, best = d2, i
    weights[best] = 1.0
    x0, x1, x2 = corners[best, 0], corners[best, 1], corners[best, 2]
    f = best2
    for _ in range(_MAX_STEPS):
        if f <= limit2:
            return f
        e0, e1, e2 = x0 - point[0], x1 - point[1], x2 - point[2]
        pick = away = 0
        lowest = np.inf
        highest = -np.inf
        for i in range(n_corners):
            v = e0 * corners[i, 0] + e1 * corners[i, 1] + e2 * corners[i, 2]
            if v < lowest:
                lowest, pick = v, i
            if weights[i] > 0.0 and v > highest:
                highest, away = v, i
        gap = e0 * x0 + e1 * x1 + e2 * x2 - lowest  # f - f* <= 2 gap
        if f - 2.0 * gap > limit2:
            return f - 2.0 * gap
        s0 = corners[pick, 0] - corners[away, 0]
        s1 = corners[pick, 1] - corners[away, 1]
        s2 = corners[pick, 2] - corners[away, 2]
        length2 = s0 * s0 + s1 * s1 + s2 * s2
        slope = -(e0 * s0 + e1 * s1 + e2 * s2)
        if gap <= 0.0 or length2 <= 0.0 or slope <= 0.0:
            return f
        step = min(slope / length2, weights[away])
        weights[pick] += step
        weights[away] -= step
        x0, x1, x2 = x0 + step * s0, x1 + step * s1, x2 + step * s2
        f = (x0 - point[0]) ** 2 + (x1 - point[1]) ** 2 + (x2 - point[2]) ** 2
    return f


@nb.njit(**_JIT)
def _luma(pixels, p, scale):  # pragma: no cover - jitted
    return (_LUMA_R * pixels[p, 0] + _LUMA_G * pixels[p, 1] + _LUMA_B * pixels[p, 2]) * scale


@nb.njit(**_JIT)
def _local_arc(  # pragma: no cover - jitted
    position, residual, arc_threshold, width, height, x, y, radius, cyclic, found
):
    """Lowest and highest position of the anchors around (x, y): the local arc.

    On a cyclic map the arc is the shortest one holding every anchor: the circle
    minus the widest gap between anchors (``hi`` may exceed 1, ``hi - lo <= 1``).
    ``found`` (scratch) holds the anchors' positions.
    """
    n = 0
    lo = np.inf
    hi = -np.inf
    for yy in range(max(0, y - radius), min(height, y + radius + 1)):
        for xx in range(max(0, x - radius), min(width, x + radius + 1)):
            q = yy * width + xx
            if residual[q] <= arc_threshold and not math.isnan(position[q]):
                v = position[q]
                lo = min(lo, v)
                hi = max(hi, v)
                found[n] = v - math.floor(v)
                n += 1
    if cyclic and n > 1:
        ordered = np.sort(found[:n])
        lo, hi = ordered[0], ordered[n - 1]  # the gap across the seam
        gap = ordered[0] + 1.0 - ordered[n - 1]
        for i in range(1, n):
            if ordered[i] - ordered[i - 1] > gap:
                gap = ordered[i] - ordered[i - 1]
                lo, hi = ordered[i], ordered[i - 1] + 1.0
    return lo, hi


@nb.njit(**_JIT)
def _column_arcs(  # pragma: no cover - jitted
    position, residual, arc_threshold, width, height, y, radius, low, high
):
    """Lowest and highest anchor position (as :func:`_local_arc` picks them) of each
    column's ``2 radius + 1`` rows around row ``y`` (``inf`` and ``-inf`` where none):
    a non-cyclic arc is their extreme over the window's columns."""
    for x in range(width):
        low[x] = np.inf
        high[x] = -np.inf
    for yy in range(max(0, y - radius), min(height, y + radius + 1)):
        for x in range(width):
            q = yy * width + x
            if residual[q] <= arc_threshold and not math.isnan(position[q]):
                v = position[q]
                low[x] = min(low[x], v)
                high[x] = max(high[x], v)


@nb.njit(**_JIT)
def _contrast(  # pragma: no cover - jitted
    pixels, residual, threshold, p, x, y, width, height, scale, matrix
):
    """Spread of the colors (metric DN) of the 3x3 neighbours on the map (``residual``
    at most ``threshold``): an edge of the data the pixel may ring beside, not the
    stroke it may belong to; the range of all neighbours' lumas and of those on the
    map (DN)."""
    # (scalars, not arrays: an allocation per pixel was much of the whole's time)
    low0 = low1 = low2 = low_l = low_map = np.inf
    high0 = high1 = high2 = high_l = high_map = -np.inf
    for yy in range(max(0, y - 1), min(height, y + 2)):
        for xx in range(max(0, x - 1), min(width, x + 2)):
            q = yy * width + xx
            if q == p:
                continue
            r, g, b = pixels[q, 0] * scale, pixels[q, 1] * scale, pixels[q, 2] * scale
            lum = _LUMA_R * r + _LUMA_G * g + _LUMA_B * b
            low_l = min(low_l, lum)
            high_l = max(high_l, lum)
            if not residual[q] <= threshold:
                continue
            c0 = matrix[0, 0] * r + matrix[0, 1] * g + matrix[0, 2] * b
            c1 = matrix[1, 0] * r + matrix[1, 1] * g + matrix[1, 2] * b
            c2 = matrix[2, 0] * r + matrix[2, 1] * g + matrix[2, 2] * b
            low0, high0 = min(low0, c0), max(high0, c0)
            low1, high1 = min(low1, c1), max(high1, c1)
            low2, high2 = min(low2, c2), max(high2, c2)
            low_map = min(low_map, lum)
            high_map = max(high_map, lum)
    spread = 0.0
    if high0 > low0:
        spread += (high0 - low0) ** 2
    if high1 > low1:
        spread += (high1 - low1) ** 2
    if high2 > low2:
        spread += (high2 - low2) ** 2
    return math.sqrt(spread), low_l, high_l, low_map, high_map


@nb.njit(**_JIT)
def _arc_hull(  # pragma: no cover - jitted
    lo, hi, corners, corner_pos, vertices, positions, n_bins, cyclic, matrix, pts
):
    """Fill ``pts`` with the hull's points of the arc ``[lo, hi]``; return their count."""
    n = 0
    for end in (lo, hi):
        at = end - math.floor(end) if cyclic else end
        r, g, b = _color_at(at * n_bins, vertices, positions, n_bins, cyclic)
        for k in range(3):
            pts[n, k] = matrix[k, 0] * r + matrix[k, 1] * g + matrix[k, 2] * b
        n += 1
    for i in range(corners.shape[0]):
        s = corner_pos[i] / n_bins
        if lo < s < hi or (cyclic and (lo < s + 1.0 < hi or lo < s - 1.0 < hi)):
            for k in range(3):
                pts[n, k] = corners[i, k]
            n += 1
    return n


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
    cyclic,
    matrix,
    tolerance,
    overshoot,
    contrast_threshold,
    out,
):
    """Pixels off the map that are blends of the map colors around them.

    For each pixel with ``residual > threshold`` (DN; NaN residuals are skipped):
    the anchors are the pixels of its ``(2 radius + 1)^2`` window within
    ``arc_threshold``; their positions (in [0, 1]) span the local arc ``[lo, hi]``
    (on a ``cyclic`` map the shortest arc holding them all, across the seam where
    that is shorter), widened by ``margin`` times its length on each side (within
    [0, 1]; the whole circle at most). The pixel is accepted (``out`` True) when it
    is no luma extreme of its 3x3 neighbours and its color, mapped by ``matrix``,
    lies near the convex hull of the arc: the map colors at ``lo`` and ``hi`` and the
    ``corners`` (metric coordinates, positions ``corner_pos`` in bins) between them.
    "By more than" and "near" mean within ``tolerance`` DN, or ``overshoot`` times
    the spread of the colors (lumas) of its 3x3 neighbours near the map (``residual``
    at most ``contrast_threshold``) where that is more: a kernel with negative lobes (cubic,
    Lanczos) sends a pixel past the colors it blends by at most its lobes' weight
    times the contrast under it. ``out`` is left False elsewhere.
    """
    height = position.shape[0] // width
    n_max = corners.shape[0] + 2
    side = 2 * radius + 1
    for y in nb.prange(height):
        pts = np.empty((n_max, 3), np.float64)
        color = np.empty(3, np.float64)
        found = np.empty(side * side, np.float64)
        column_low = np.empty(width, np.float64)
        column_high = np.empty(width, np.float64)
        # the last test's inputs and answer: a run of one color under one arc (a
        # figure's white margin, 36 % of its pixels) asks the same question again
        last_lo = last_hi = last_limit = np.nan
        last_r = last_g = last_b = np.nan
        n = 0
        last_in = False
        # a row with many pixels to judge: the arcs from each column's extremes
        # (one pass over the window's rows, not one per pixel; not on a cyclic map)
        judged = 0
        for x in range(width):
            judged += residual[y * width + x] > threshold
        by_column = not cyclic and judged * side > width
        if by_column:
            _column_arcs(
                position, residual, arc_threshold, width, height, np.int64(y), radius,
                column_low, column_high,
            )  # fmt: skip
        for x in range(width):
            p = y * width + x
            out[p] = False
            if not residual[p] > threshold:
                continue
            if by_column:
                lo = np.inf
                hi = -np.inf
                for xx in range(max(0, x - radius), min(width, x + radius + 1)):
                    lo = min(lo, column_low[xx])
                    hi = max(hi, column_high[xx])
            else:
                # y as int64, as other callers pass it (prange gives uint64): one compile
                lo, hi = _local_arc(
                    position, residual, arc_threshold, width, height, x, np.int64(y), radius,
                    cyclic, found,
                )  # fmt: skip
            if hi < lo:
                continue
            # a filter mixes values beyond those its neighbours kept: widen the arc
            span = (hi - lo) * margin
            lo, hi = lo - span, hi + span
            if not cyclic:
                lo, hi = max(0.0, lo), min(1.0, hi)
            elif hi - lo >= 1.0:
                lo, hi = 0.0, 1.0
            spread, low_l, high_l, low_map, high_map = _contrast(
                pixels, residual, contrast_threshold, p, x, np.int64(y), width, height, scale,
                matrix,
            )  # fmt: skip
            # a thin stroke is darker or brighter than all its neighbours
            own = _luma(pixels, p, scale)
            luma_tolerance = tolerance
            if high_map > low_map:
                luma_tolerance = max(tolerance, overshoot * (high_map - low_map))
            if own < low_l - luma_tolerance or own > high_l + luma_tolerance:
                continue
            r = pixels[p, 0] * scale
            g = pixels[p, 1] * scale
            b = pixels[p, 2] * scale
            limit = max(tolerance, overshoot * spread)
            if lo == last_lo and hi == last_hi:
                if r == last_r and g == last_g and b == last_b and limit == last_limit:
                    out[p] = last_in
                    continue
            else:
                n = _arc_hull(
                    lo, hi, corners, corner_pos, vertices, positions, n_bins, cyclic, matrix,
                    pts,
                )  # fmt: skip
                last_lo, last_hi = lo, hi
            for k in range(3):
                color[k] = matrix[k, 0] * r + matrix[k, 1] * g + matrix[k, 2] * b
            last_in = hull_distance(color, pts, n, limit * limit) <= limit * limit
            last_r, last_g, last_b, last_limit = r, g, b, limit
            out[p] = last_in


@nb.njit(parallel=True, **_JIT)
def hull_distances(pixels, scale, candidates, corners, matrix, limit, out):  # pragma: no cover
    """Distance (DN) of each ``candidates`` pixel to the hull of ``corners``, decided
    against ``limit``: exact enough that ``out <= limit`` is the true answer.

    ``corners`` are metric coordinates (``matrix`` maps a pixel's RGB to them).
    """
    limit2 = limit * limit
    n = candidates.shape[0]
    for block in nb.prange((n + _BLOCK - 1) // _BLOCK):
        color = np.empty(3, np.float64)
        # a run of one color (a figure's white margin) has one distance
        last_r = last_g = last_b = last = np.nan
        for k in range(block * _BLOCK, min(n, (block + 1) * _BLOCK)):
            p = candidates[k]
            r = pixels[p, 0] * scale
            g = pixels[p, 1] * scale
            b = pixels[p, 2] * scale
            if r == last_r and g == last_g and b == last_b:
                out[k] = last
                continue
            for i in range(3):
                color[i] = matrix[i, 0] * r + matrix[i, 1] * g + matrix[i, 2] * b
            last = math.sqrt(max(hull_distance(color, corners, corners.shape[0], limit2), 0.0))
            last_r, last_g, last_b = r, g, b
            out[k] = last


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


@nb.njit(**_JIT)
def _luma_at(pixels, width, height, x, y, scale):  # pragma: no cover - jitted
    if 0 <= x < width and 0 <= y < height:
        return _luma(pixels, y * width + x, scale)
    return np.nan


@nb.njit(**_JIT)
def _uniform_rays(pixels, width, height, p, x, y):  # pragma: no cover - jitted
    """Whether every pixel 1 or 2 steps from ``p`` along a row, column or diagonal
    (those in the picture) has the RGB of ``p``: the rays :func:`thin_extremes` reads."""
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        for step in (-2, -1, 1, 2):
            xx, yy = x + step * dx, y + step * dy
            if 0 <= xx < width and 0 <= yy < height:
                q = yy * width + xx
                for c in range(3):
                    if pixels[q, c] != pixels[p, c]:
                        return False
    return True


@nb.njit(parallel=True, **_JIT)
def thin_extremes(  # pragma: no cover - jitted
    pixels, scale, width, candidates, contrast, vertices, cyclic, tolerance, centers, radii, out
):
    """Which ``candidates`` (flat indices) are a thin stroke's pixels.

    A pixel is one when, across some direction (a row, a column, a diagonal), it and
    at most one neighbour along that direction are darker (or brighter) than the
    pixels flanking them on both sides by more than ``contrast`` DN -- a line one or
    two pixels wide, as antialiased text and lines are once shrunk -- and its color
    is no blend of the flanks' color with a map color beyond it (``vertices``, RGB
    in DN, within ``tolerance``): a field's thin valley or ridge, shrunk, is one.
    ``centers`` and ``radii``: ``_rays.runs`` of ``vertices``.
    """
    height = pixels.shape[0] // width
    limit2 = tolerance * tolerance
    for k in nb.prange(candidates.shape[0]):
        p = candidates[k]
        y, x = p // width, p % width
        if _uniform_rays(pixels, width, height, p, x, y):
            out[k] = False  # (every luma the same: no extreme)
            continue
        luma = _luma(pixels, p, scale)
        extreme = explained = False
        for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
            for first, last in ((-1, 1), (-1, 2), (-2, 1)):
                darkest = brightest = luma
                if last == 2 or first == -2:  # two pixels wide: the other one
                    sign = 1 if last == 2 else -1
                    v = _luma_at(pixels, width, height, x + sign * dx, y + sign * dy, scale)
                    darkest, brightest = min(luma, v), max(luma, v)
                a_x, a_y = x + first * dx, y + first * dy
                b_x, b_y = x + last * dx, y + last * dy
                a = _luma_at(pixels, width, height, a_x, a_y, scale)
                b = _luma_at(pixels, width, height, b_x, b_y, scale)
                if math.isnan(a) or math.isnan(b) or math.isnan(darkest):
                    continue
                if brightest < min(a, b) - contrast or darkest > max(a, b) + contrast:
                    extreme = True
                    explained = flanks_explain(
                        pixels, scale, p, a_y * width + a_x, b_y * width + b_x, vertices,
                        cyclic, limit2, centers, radii,
                    )  # fmt: skip
                if explained:  # (no stroke's, whatever the other directions say)
                    break
            if explained:
                break
        out[k] = extreme and not explained


def strokes(
    pixels: np.ndarray, scale: float, width: int, off_map: np.ndarray, line: Polyline,
    contrast: float, tolerance: float, min_pixels: int,
) -> np.ndarray:  # fmt: skip
    """Off-map pixels (flat mask) in 8-connected lines of ``min_pixels`` or more thin
    luma extremes no map color explains (:func:`thin_extremes`): antialiased text and
    lines, shrunk."""
    candidates = np.flatnonzero(off_map)
    thin = np.empty(len(candidates), dtype=bool)
    centers, radii = runs(line.vertices, line.cyclic)
    thin_extremes(
        pixels, scale, width, candidates, contrast, line.vertices, line.cyclic, tolerance,
        centers, radii, thin,
    )  # fmt: skip
    groups = np.empty(len(candidates), dtype=np.int64)
    core_groups(
        thin, np.zeros(len(candidates)), candidates, width, len(off_map) // width,
        min_pixels, np.inf, groups,
    )  # fmt: skip
    found = np.zeros(len(off_map), dtype=bool)
    found[candidates[groups > 0]] = True
    return found


@nb.njit(parallel=True, **_JIT)
def thin_blends(  # pragma: no cover - jitted
    pixels, scale, width, candidates, residual, threshold, corners, matrix, share, tolerance,
    overshoot, out,
):
    """Which ``candidates`` (flat indices) blend their neighbours with a far map color.

    A filter that shrinks a picture mixes a thin detail (a bright line, a dark
    speck: values its neighbours do not keep) into the pixels over it, at most
    ``share`` of each. Such a pixel lies within ``tolerance`` DN of the convex hull
    of its 3x3 neighbours on the map (``residual`` at most ``threshold``) and of
    those colors moved ``share`` of the way to each of the map's ``corners``
    (metric coordinates, ``matrix`` maps RGB to them): a blend of its neighbours with
    up to ``share`` of any mean of map colors; or farther by ``overshoot`` times the
    spread of those neighbours (a kernel's negative lobes, as in :func:`hull_accept`).
    A stroke's core is a color no map colors make; its antialiased edge, a blend
    with that color.
    """
    height = pixels.shape[0] // width
    n_corners = corners.shape[0]
    total = candidates.shape[0]
    for block in nb.prange((total + _BLOCK - 1) // _BLOCK):
        # (scratch per block: an allocation per candidate was most of the time)
        pts = np.empty((8 * (n_corners + 1), 3), np.float64)
        color = np.empty(3, np.float64)
        for k in range(block * _BLOCK, min(total, (block + 1) * _BLOCK)):
            p = candidates[k]
            y, x = p // width, p % width
            n = np.int64(0)  # (a literal 0 compiled hull_distance a second time)
            for yy in range(max(0, y - 1), min(height, y + 2)):
                for xx in range(max(0, x - 1), min(width, x + 2)):
                    q = yy * width + xx
                    if q == p or not residual[q] <= threshold:
                        continue
                    r, g, b = pixels[q, 0] * scale, pixels[q, 1] * scale, pixels[q, 2] * scale
                    base = n
                    for c in range(3):
                        pts[n, c] = matrix[c, 0] * r + matrix[c, 1] * g + matrix[c, 2] * b
                    n += 1
                    for i in range(n_corners):
                        for c in range(3):
                            pts[n, c] = pts[base, c] + share * (corners[i, c] - pts[base, c])
                        n += 1
            out[k] = False
            if n == 0:  # (no neighbour on the map: a figure's margin)
                continue
            spread = _contrast(
                pixels, residual, threshold, p, x, y, width, height, scale, matrix
            )[0]
            limit2 = max(tolerance, overshoot * spread) ** 2
            r, g, b = pixels[p, 0] * scale, pixels[p, 1] * scale, pixels[p, 2] * scale
            for c in range(3):
                color[c] = matrix[c, 0] * r + matrix[c, 1] * g + matrix[c, 2] * b
            out[k] = hull_distance(color, pts, n, limit2) <= limit2
