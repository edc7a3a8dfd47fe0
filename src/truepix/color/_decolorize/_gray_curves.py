"""Thin gray curves over a smooth field, found by their shape (``gray_curves``).

A gray contour (``contour(..., colors="0.4", linewidths=0.8)``) over viridis's blues has
nearly the field's luma (102 against 88-94 DN) and differs from it in chroma, which JPEG's
4:2:0 averages over 2x2 pixels and its quantization smooths further: the JPEG'd line is
8-23 DN (RGB) off the map, as far as JPEG's own error reaches on textured data (the
99th percentile of the untouched pixels beside the other strokes: 19-27 DN). No rule that
reads distance to the map takes it without taking data (trial 45's t02, bumps field under
viridis at q75: the 0.3 contour wholly unflagged, 67 % of the gray ink's core).
Its shape tells it where the field is smooth: a curve 1-3 px wide, GRAY_CURVE_EXTENT px
long or more, whose every pixel stands GRAY_CURVE_STAND DN or more out of both sides
(luma, GRAY_CURVE_REACHES px across in 4 directions, the sides within GRAY_CURVE_AGREE DN
of each other: a contour runs along the data's own level, so its sides agree), lies
GRAY_CURVE_RESIDUAL DN or more off the map, and whose chroma is the field's shrunk toward
gray better than it is the field's mixed with a map color of about its luma (a thin line
of the *data* after 4:2:0: the latter; the mortar of a brick texture under CMRmap or
viridis, 0.2-1.5 % of such pictures without this test; GRAY_CURVE_MARGIN). Texture
stands out everywhere: a curve is taken only where, around its median pixel, under GRAY_CURVE_DENSE
of a GRAY_CURVE_WINDOW-px square stands out (the camera's grass under viridis, JPEG q75:
8.8 % of the all-data picture without this gate); and it is thin: GRAY_CURVE_THIN pixels
per px of its extent at most.

Measured on trial 45's t02 figures (384^2, JPEG q75 4:2:0, benchmarks/annot8): the ink's
core (the PNG within 20 DN of it) flagged, viridis bumps gray 67.4 -> 95.7 % (rim 76.7 ->
88.8), jet camera black 84.5 -> 88.6 %; the other 25 map x field x ink cells, and holes
more than 3 px from the ink, as before. It looks only where other rules flagged something
(a figure's text, a line): all-data pictures are as before and cost nothing (under 0.1 ms
on 512^2 JPEGs; the same rule on all-data pictures cost jet 3.4x, viridis 1.5x). What it
leaves: gray over a textured field (the DEM, the camera: 82-93 %), where JPEG's error
stands out as much as the ink does (docs/decolorize.md, "What colour and shape can tell").
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._plan import _YCBCR
from truepix.color._decolorize._vertex import _JIT

__all__ = ["gray_curves"]


#: Per pixel: its luma stands GRAY_CURVE_STAND DN out of both of two pixels
#: GRAY_CURVE_REACHES px away on opposite sides (rows, columns, diagonals), which agree
#: within GRAY_CURVE_AGREE DN; and its residual is GRAY_CURVE_RESIDUAL DN or more.
GRAY_CURVE_STAND = 4.0
GRAY_CURVE_AGREE = 8.0
GRAY_CURVE_REACHES = (2, 3)
GRAY_CURVE_RESIDUAL = 9.0
#: Map colors from GRAY_CURVE_LUMA DN short of the pixel's luma to GRAY_CURVE_LUMA_REACH
#: times its step from the field beyond it are the data's own thin lines (blurred, a
#: line keeps a share of its luma step); a curve's pixels are a gray's mix by
#: GRAY_CURVE_MARGIN DN more than such a line's, median (a brick texture's mortar under
#: cubehelix, Blues, CMRmap, JPEG q50-q90: 0.06-1.02 % of the all-data picture lost
#: with the pixel's luma +- 6 DN and no margin).
GRAY_CURVE_LUMA = 6.0
GRAY_CURVE_LUMA_REACH = 3.0
GRAY_CURVE_MARGIN = 1.0
#: A curve (8-connected) spans GRAY_CURVE_EXTENT px or more along rows or columns,
#: holds GRAY_CURVE_THIN pixels per px of that span at most, and the median of its
#: pixels' GRAY_CURVE_WINDOW-px squares has under GRAY_CURVE_DENSE of them standing out.
#: Pieces GRAY_CURVE_GAP px apart or less are one curve (a JPEG'd contour's pixels fail
#: the tests above one in three, the curve breaks into pieces of 1-60 px: t02's bumps
#: under viridis 90.7 % of the ink's core flagged with no gap bridged, 96 % with 2).
GRAY_CURVE_GAP = 2
GRAY_CURVE_EXTENT = 25
GRAY_CURVE_THIN = 5.0
GRAY_CURVE_WINDOW = 15
GRAY_CURVE_DENSE = 0.3


def gray_curves(
    flat: np.ndarray, scale: float, width: int, residual: np.ndarray, off_map: np.ndarray,
    colors: np.ndarray,
) -> None:  # fmt: skip
    """Mark in ``off_map`` the thin gray curves over a smooth field (see the module's doc).

    ``flat``: the pixels (N, 3+) in units of ``scale`` DN; ``residual``: their distance to
    the map (N, DN); ``colors``: the map's colors (M, 3, DN) sampled along it.
    """
    if not off_map.any():  # (all-data pictures: at once; a figure's gray ink elsewhere
        return  # -- its text, a line -- is flagged: t02's, the tests')
    asked = np.flatnonzero((residual.ravel() >= GRAY_CURVE_RESIDUAL) & ~off_map)
    if len(asked) < GRAY_CURVE_EXTENT:
        return
    ycc = np.ascontiguousarray(colors, dtype=np.float64) @ _YCBCR.T
    order = np.argsort(ycc[:, 0], kind="stable")
    ycc = np.ascontiguousarray(ycc[order])
    weights = np.ascontiguousarray(_YCBCR * scale)
    height = len(off_map) // width
    margin = _standing(flat, weights, width, height, asked, ycc)
    kept = margin > 0.0
    points, margin = asked[kept], margin[kept]
    if len(points) < GRAY_CURVE_EXTENT:
        return
    found = _curves(flat, weights, width, height, points, margin)
    off_map[points[found]] = True


#: ``_channel``'s channels as int64, not literals: one compiled form, not one per channel
_LUMA, _CB, _CR = np.int64(0), np.int64(1), np.int64(2)


@nb.njit(**_JIT)
def _channel(flat, weights, p, k):  # pragma: no cover - jitted
    """Pixel ``p``'s YCbCr channel ``k`` (DN)."""
    return weights[k, 0] * flat[p, 0] + weights[k, 1] * flat[p, 1] + weights[k, 2] * flat[p, 2]


@nb.njit(**_JIT)
def _stand(flat, weights, width, height, p, reaches, agree, stand):  # pragma: no cover
    """How far pixel ``p``'s luma stands out of both sides (the best direction; 0: none)
    and that direction's sides' mean chroma."""
    y, x = p // width, p % width
    luma = _channel(flat, weights, p, _LUMA)
    best, cb, cr, field = 0.0, 0.0, 0.0, 0.0
    for r in reaches:
        for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
            y1, x1, y2, x2 = y - r * dy, x - r * dx, y + r * dy, x + r * dx
            if not (0 <= y1 < height and 0 <= y2 < height and 0 <= x1 < width
                    and 0 <= x2 < width):  # fmt: skip
                continue
            a, b = y1 * width + x1, y2 * width + x2
            la = _channel(flat, weights, a, _LUMA)
            lb = _channel(flat, weights, b, _LUMA)
            if abs(la - lb) >= agree:
                continue
            if luma > la and luma > lb:
                s = min(luma - la, luma - lb)
            elif luma < la and luma < lb:
                s = min(la - luma, lb - luma)
            else:
                continue
            if s > stand and s > best:
                best = s
                field = (la + lb) / 2
                cb = 0.0
                cr = 0.0
                for c in range(3):
                    cb += weights[1, c] * (flat[a, c] + flat[b, c]) / 2
                    cr += weights[2, c] * (flat[a, c] + flat[b, c]) / 2
    return best, cb, cr, luma, field


@nb.njit(**_JIT)
def _segment(px, py, ax, ay, bx, by):  # pragma: no cover - jitted
    """Distance from (px, py) to the segment (ax, ay)-(bx, by)."""
    ux, uy = bx - ax, by - ay
    n = ux * ux + uy * uy
    t = 0.0 if n <= 1e-12 else min(1.0, max(0.0, ((px - ax) * ux + (py - ay) * uy) / n))
    ex, ey = ax + t * ux - px, ay + t * uy - py
    return np.sqrt(ex * ex + ey * ey)


@nb.njit(**_JIT)
def _standing(flat, weights, width, height, asked, ycc):  # pragma: no cover - jitted
    """Which ``asked`` pixels stand out of both sides and are a gray's mix with the field
    better than a map color's of their luma (``ycc``: the map's colors, YCbCr, sorted by
    luma): by how much (DN; -inf: not standing out)."""
    margin = np.full(len(asked), -np.inf)
    reaches = np.array(GRAY_CURVE_REACHES)
    lumas = ycc[:, 0].copy()
    for i in range(len(asked)):
        p = asked[i]
        best, fb, fr, luma, field = _stand(flat, weights, width, height, p, reaches,
                                           GRAY_CURVE_AGREE, GRAY_CURVE_STAND)  # fmt: skip
        if best <= 0.0:
            continue
        pb, pr = _channel(flat, weights, p, _CB), _channel(flat, weights, p, _CR)
        gray = _segment(pb, pr, 0.0, 0.0, fb, fr)
        # a thin line of the data keeps less than its own luma: map colors from the
        # pixel's luma on to GRAY_CURVE_LUMA_REACH times its step from the field
        step = GRAY_CURVE_LUMA_REACH * (luma - field)
        if luma < field:
            low, high = luma + step, luma + GRAY_CURVE_LUMA
        else:
            low, high = luma - GRAY_CURVE_LUMA, luma + step
        data = np.inf
        for j in range(np.searchsorted(lumas, low), len(lumas)):
            if lumas[j] > high:
                break
            data = min(data, _segment(pb, pr, fb, fr, ycc[j, 1], ycc[j, 2]))
        margin[i] = data - gray
    return margin


@nb.njit(**_JIT)
def _curves(flat, weights, width, height, points, margin):  # pragma: no cover - jitted
    """Which ``points`` (flat indices, sorted) lie on thin, long curves over a smooth
    field (8-connected pieces of them; see the module's doc)."""
    n = len(points)
    index = np.full(height * width, -1, dtype=np.int32)
    standing = np.full(height * width, -1, dtype=np.int8)  # (stands out: 1; unknown: -1)
    for i in range(n):
        index[points[i]] = i
    label = np.full(n, -1, dtype=np.int64)
    stack = np.empty(n, dtype=np.int64)
    members = np.empty(n, dtype=np.int64)
    found = np.zeros(n, dtype=np.bool_)
    reaches = np.array(GRAY_CURVE_REACHES)
    half = GRAY_CURVE_WINDOW // 2
    for s in range(n):
        if label[s] >= 0:
            continue
        label[s] = s
        stack[0] = s
        top, count = 1, 0
        y0, y1, x0, x1 = height, -1, width, -1
        while top:
            top -= 1
            i = stack[top]
            members[count] = i
            count += 1
            y, x = points[i] // width, points[i] % width
            y0, y1, x0, x1 = min(y0, y), max(y1, y), min(x0, x), max(x1, x)
            for dy in range(-GRAY_CURVE_GAP - 1, GRAY_CURVE_GAP + 2):
                for dx in range(-GRAY_CURVE_GAP - 1, GRAY_CURVE_GAP + 2):
                    yy, xx = y + dy, x + dx
                    if 0 <= yy < height and 0 <= xx < width:
                        j = index[yy * width + xx]
                        if j >= 0 and label[j] < 0:
                            label[j] = s
                            stack[top] = j
                            top += 1
        extent = max(y1 - y0, x1 - x0) + 1
        if extent < GRAY_CURVE_EXTENT or count > GRAY_CURVE_THIN * extent:
            continue
        # texture stands out everywhere: the share standing out around the curve's pixels
        shares = np.empty(count)
        for k in range(count):
            y, x = points[members[k]] // width, points[members[k]] % width
            total, area = 0, 0
            for yy in range(max(0, y - half), min(height, y + half + 1)):
                for xx in range(max(0, x - half), min(width, x + half + 1)):
                    q = yy * width + xx
                    if standing[q] < 0:
                        best = _stand(flat, weights, width, height, q, reaches,
                                      GRAY_CURVE_AGREE, GRAY_CURVE_STAND)[0]  # fmt: skip
                        standing[q] = 1 if best > 0.0 else 0
                    total += standing[q]
                    area += 1
            shares[k] = total / area
        margins = np.empty(count)
        for k in range(count):
            margins[k] = margin[members[k]]
        if np.median(shares) <= GRAY_CURVE_DENSE and np.median(margins) >= GRAY_CURVE_MARGIN:
            for k in range(count):
                found[members[k]] = True
    return found
