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
    # (the map's hull asked once per color: a photograph's candidates share colors)
    shown, back = np.unique(flat[pixels, :3], axis=0, return_inverse=True)
    own = (shown.astype(np.float64) * scale) @ _YCBCR.T
    colors = np.ascontiguousarray(vertices, dtype=np.float64) @ _YCBCR.T
    inside = np.zeros(len(shown), dtype=bool)
    _hull_kernel(own, colors, PULLED_MAP_MARGIN, HULL_STEPS, inside)
    inside = inside[back.ravel()]
    pixels = pixels[~inside]
    if not len(pixels):
        return out
    directions = _directions(PULLED_DIRECTIONS) @ _YCBCR
    outside = np.zeros(len(pixels), dtype=bool)
    _pulled_kernel(
        flat, float(scale), width, len(on_map) // width, pixels, on_map,
        np.ascontiguousarray(directions), PULLED_RADIUS, PULLED_MIN_DATA, PULLED_MARGIN,
        outside,
    )  # fmt: skip
    out[np.flatnonzero(~inside)[outside]] = True
    return out


def _directions(count: int) -> np.ndarray:
    """(count, 3) unit vectors spread evenly over the sphere (a Fibonacci lattice)."""
    i = np.arange(count) + 0.5
    polar = np.arccos(1.0 - 2.0 * i / count)
    turn = math.pi * (1.0 + math.sqrt(5.0)) * i
    return np.stack(
        [np.cos(polar), np.cos(turn) * np.sin(polar), np.sin(turn) * np.sin(polar)], axis=1
    )


@nb.njit(**_JIT)
def _pulled_kernel(  # pragma: no cover - jitted
    flat, scale, width, height, pixels, on_map, directions, radius, min_data, margin, out
):
    """One pixel at a time: the chroma hull of the ``on_map`` pixels around it, as their
    largest projection on each of ``directions`` (RGB -> projected chroma rows), and
    whether the pixel's projection passes one of them by more than ``margin``."""
    n_dir = directions.shape[0]
    top = np.empty(n_dir)
    for i in range(len(pixels)):
        p = pixels[i]
        y, x = p // width, p % width
        count = 0
        for k in range(n_dir):
            top[k] = -np.inf
        for yy in range(max(0, y - radius), min(height, y + radius + 1)):
            for xx in range(max(0, x - radius), min(width, x + radius + 1)):
                q = yy * width + xx
                if q == p or not on_map[q]:
                    continue
                count += 1
                for k in range(n_dir):
                    v = (flat[q, 0] * directions[k, 0] + flat[q, 1] * directions[k, 1]
                         + flat[q, 2] * directions[k, 2]) * scale  # fmt: skip
                    if v > top[k]:
                        top[k] = v
        if count < min_data:
            continue
        for k in range(n_dir):
            v = (flat[p, 0] * directions[k, 0] + flat[p, 1] * directions[k, 1]
                 + flat[p, 2] * directions[k, 2]) * scale  # fmt: skip
            if v > top[k] + margin:
                out[i] = True
                break
