"""Blends whose chroma no data around them has: a stroke's ink, not an edge of the data.

On a picture taken for resized (``_edges.resized_blends``) a candidate that lies between
two opposite neighbours on the map, by luma and with chroma weighed little, passes for
a blend of the data's two sides and is kept as data. A thin stroke in a color the map
lacks (a magenta coastline over jet) passes so too: JPEG keeps its luma, which lies
between the field's either side, and 4:2:0 shares its chroma with the field's. But a
blend of data, and JPEG's chroma average over a 2x2 block and libjpeg's triangle
upsampling of it, are convex combinations of data colors: their chroma lies inside
the hull of the chroma of the data pixels around. An ink pulls the block's chroma out
of that hull, toward the ink (:func:`pulled_out`), by more than JPEG's chroma
quantization moves data (PULLED_MARGIN).
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._around import HULL_STEPS, _hull_kernel
from truepix.color._decolorize._degraded import near_any
from truepix.color._decolorize._edges import EDGE_STROKE_RADIUS
from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._plan import _YCBCR

__all__ = ["PULLED_MARGIN", "PULLED_RADIUS", "pulled_out", "pulled_strokes"]

#: The data around: the pixels on the map within PULLED_RADIUS (a square: a 2x2 chroma
#: block, libjpeg's upsampling from the next, and their neighbours), at least
#: PULLED_MIN_DATA of them; a candidate's chroma past their hull by more than
#: PULLED_MARGIN DN (in any of PULLED_DIRECTIONS directions of the Cb Cr plane) is no
#: blend of theirs.
PULLED_RADIUS = 3
PULLED_MIN_DATA = 8
PULLED_MARGIN = 16.0
PULLED_DIRECTIONS = 48
#: ... and past the hull of the map's own colors by more than PULLED_MAP_MARGIN DN (Y Cb Cr):
#: a resized picture's blends, and JPEG's averages of them, are the map's colors' blends.
PULLED_MAP_MARGIN = 16.0
#: DN: steps compared in Y Cb Cr closer than this to the margin are compared as the
#: projections in RGB are (a bound far above either's rounding, ~1e-12 DN).
_TIE = 1e-6


#: Candidates within PULLED_STROKE_RADIUS (a square) of a core (``groups``) holding
#: PULLED_CORE or more pulled pixels are the stroke's, not blends.
PULLED_STROKE_RADIUS = EDGE_STROKE_RADIUS
PULLED_CORE = 24


def pulled_strokes(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, on_map: np.ndarray,
    groups: np.ndarray, blend: np.ndarray, vertices: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Per candidate (flat indices): whether a ``blend`` is :func:`pulled_out` or lies
    within PULLED_STROKE_RADIUS of a core (``groups``: a label per candidate, 0 none)
    that holds PULLED_CORE or more pulled-out pixels: a stroke's ink, not a blend of
    data. Only the blends and the cores' pixels are asked (a resized picture's
    candidates are most of its edges: 13-220 k on 0.03-4 MP photographs)."""
    asked = np.flatnonzero(blend | (groups > 0))
    pulled = np.zeros(len(candidates), dtype=bool)
    pulled[asked] = pulled_out(flat, scale, width, candidates[asked], on_map, vertices)
    cored = pulled & (groups > 0)
    if not cored.any():
        return pulled & blend
    count = np.bincount(groups[cored], minlength=int(groups.max()) + 1)
    cores = candidates[cored & (count[groups] >= PULLED_CORE)]
    near = np.zeros(len(on_map), dtype=bool)
    near_any(cores, width, len(on_map) // width, PULLED_STROKE_RADIUS, near)
    return (pulled | near[candidates]) & blend


def pulled_out(
    flat: np.ndarray, scale: float, width: int, pixels: np.ndarray, on_map: np.ndarray,
    vertices: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Per pixel of ``pixels`` (flat indices into ``flat``, rows of ``width``): whether
    its color lies more than PULLED_MARGIN DN outside the hull of the colors of the
    ``on_map`` pixels within PULLED_RADIUS (PULLED_MIN_DATA or more of them; fewer:
    False) and more than PULLED_MAP_MARGIN DN outside the hull of the map's colors
    (``vertices``, DN RGB). ``flat`` times ``scale`` is in DN."""
    out = np.zeros(len(pixels), dtype=bool)
    if not len(pixels):
        return out
    # the data around first: it decides most pixels within a few neighbours (a pixel near
    # one of them in color is no farther from their hull), the map's hull the few left
    units = _directions(PULLED_DIRECTIONS)
    _pulled_kernel(
        flat, float(scale), width, len(on_map) // width, pixels, on_map,
        _offsets(PULLED_RADIUS), _YCBCR, units, np.ascontiguousarray(units @ _YCBCR),
        PULLED_MIN_DATA, PULLED_MARGIN, out,
    )  # fmt: skip
    asked = np.flatnonzero(out)
    if not len(asked):
        return out
    # (the map's hull asked once per color: a photograph's pixels share colors)
    shown, back = _colors(flat[pixels[asked], :3])
    own = (shown.astype(np.float64) * scale) @ _YCBCR.T
    colors = np.ascontiguousarray(vertices, dtype=np.float64) @ _YCBCR.T
    inside = np.zeros(len(shown), dtype=bool)
    _hull_kernel(own, colors, PULLED_MAP_MARGIN, HULL_STEPS, inside)
    out[asked[inside[back]]] = False
    return out


def _colors(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of ``rgb`` (n, 3) and each row's index among them: integers of
    16 bits or fewer as one key each (``np.unique`` sorts rows several times slower)."""
    if rgb.dtype.kind not in "ui" or rgb.dtype.itemsize > 2:
        shown, back = np.unique(rgb, axis=0, return_inverse=True)
        return shown, back.ravel()
    wide = rgb.astype(np.int64) - np.iinfo(rgb.dtype).min
    keys, back = np.unique((wide[:, 0] << 32) | (wide[:, 1] << 16) | wide[:, 2],
                           return_inverse=True)  # fmt: skip
    shown = np.stack([keys >> 32, (keys >> 16) & 0xFFFF, keys & 0xFFFF], axis=1)
    return shown + np.iinfo(rgb.dtype).min, back.ravel()


def _directions(count: int) -> np.ndarray:
    """(count, 3) unit vectors spread evenly over the sphere (a Fibonacci lattice)."""
    i = np.arange(count) + 0.5
    polar = np.arccos(1.0 - 2.0 * i / count)
    turn = math.pi * (1.0 + math.sqrt(5.0)) * i
    return np.stack(
        [np.cos(polar), np.cos(turn) * np.sin(polar), np.sin(turn) * np.sin(polar)], axis=1
    )


def _offsets(radius: int) -> np.ndarray:
    """(n, 2) row and column steps to the pixels of a square of ``radius`` around one,
    itself left out, nearest first."""
    steps = np.arange(-radius, radius + 1)
    rows, columns = np.meshgrid(steps, steps, indexing="ij")
    offsets = np.stack([rows.ravel(), columns.ravel()], axis=1)
    offsets = offsets[np.argsort(np.hypot(rows, columns).ravel(), kind="stable")]
    return np.ascontiguousarray(offsets[1:])


@nb.njit(**_JIT)
def _pulled_kernel(  # pragma: no cover - jitted
    flat, scale, width, height, pixels, on_map, offsets, ycbcr, units, directions, min_data,
    margin, out,
):  # fmt: skip
    """One pixel at a time: whether its projection on one of ``directions`` (RGB ->
    projected chroma rows; ``units``: the same in Y Cb Cr) passes that of every
    ``on_map`` pixel at ``offsets`` by more than ``margin`` (the chroma hull of theirs,
    as its largest projection on each). A neighbour within ``margin`` of its color stops
    every direction (``ycbcr``: RGB -> Y Cb Cr), and one that stops a direction is tried
    first on the next. The steps are taken in Y Cb Cr; within ``_TIE`` of the margin
    the projections in RGB decide, as :func:`pulled_out` defines them."""
    n_dir = directions.shape[0]
    radius = np.abs(offsets).max()
    jumps = offsets[:, 0] * width + offsets[:, 1]
    around = np.empty(len(offsets), dtype=np.int64)
    steps = np.empty((len(offsets), 3))
    near2 = (margin - _TIE) ** 2
    for i in range(len(pixels)):
        p = pixels[i]
        y, x = p // width, p % width
        inner = radius <= y < height - radius and radius <= x < width - radius
        red, green, blue = float(flat[p, 0]), float(flat[p, 1]), float(flat[p, 2])
        count, n_steps = 0, 0
        near = red != red or green != green or blue != blue  # (NaN: past nothing)
        for o in range(len(offsets) if not near else 0):
            q = p + jumps[o]
            if not inner:
                yy, xx = y + offsets[o, 0], x + offsets[o, 1]
                if yy < 0 or yy >= height or xx < 0 or xx >= width:
                    continue
            if not on_map[q]:
                continue
            d0, d1, d2 = red - flat[q, 0], green - flat[q, 1], blue - flat[q, 2]
            gap2 = 0.0
            for c in range(3):
                step = (ycbcr[c, 0] * d0 + ycbcr[c, 1] * d1 + ycbcr[c, 2] * d2) * scale
                steps[n_steps, c] = step
                gap2 += step * step
            if gap2 < near2:  # (below every direction's margin: no need to count)
                near = True
                break
            if gap2 == gap2:  # (a NaN neighbour counts, but stops no direction)
                around[n_steps] = q
                n_steps += 1
            count += 1
        if near or count < min_data:
            continue
        for k in range(n_dir):
            passed = True
            for j in range(n_steps):
                ahead = (units[k, 0] * steps[j, 0] + units[k, 1] * steps[j, 1]
                         + units[k, 2] * steps[j, 2])  # fmt: skip
                if ahead > margin + _TIE:
                    continue
                if ahead > margin - _TIE:  # (too close to call in Y Cb Cr)
                    q = around[j]
                    v = (flat[p, 0] * directions[k, 0] + flat[p, 1] * directions[k, 1]
                         + flat[p, 2] * directions[k, 2]) * scale  # fmt: skip
                    w = (flat[q, 0] * directions[k, 0] + flat[q, 1] * directions[k, 1]
                         + flat[q, 2] * directions[k, 2]) * scale  # fmt: skip
                    if v > w + margin:
                        continue
                passed = False
                if j:
                    for c in range(3):
                        steps[j, c], steps[0, c] = steps[0, c], steps[j, c]
                    around[j], around[0] = around[0], around[j]
                break
            if passed:
                out[i] = True
                break
