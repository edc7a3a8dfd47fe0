"""An ink's luma peak made of a smoothing kernel's blends of the map colors around them.

``imshow(noisy, interpolation="bilinear" | "bicubic" | "gaussian")`` draws each pixel as a
blend of 2-16 of the array's cells: where a dark cell meets a bright one (viridis' purple
and yellow) the blend is a grayish color at the data's mean luma, off the map. Those
blends pile at one luma, which ``_inked`` takes for an ink's peak, and the stroke it
lays there claims them (viridis q75 bilinear / gaussian, bicubic q90: 3-12 % of the
picture). Two things tell them from an ink's stroke (:func:`peak_blends`): a blend is a
color the map colors around it blend to -- it lies in the convex hull of the map's arc
between the positions seen on the map within PEAK_BLEND_RADIUS px (gray contours over
a DEM lie 10+ DN off it: their field spans a short arc) -- and its pixels make short
pieces, one cell's blurred spot or the ring around it, where a stroke is long (light
gray contours over coolwarm, whose middle is gray, are such colors: their claim is long).
"""

from __future__ import annotations

from collections.abc import Callable

import numba as nb
import numpy as np

from truepix.color._decolorize._around import _hull_kernel
from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import _YCBCR

__all__ = ["peak_blends"]

#: A claimed pixel at the peak's luma is a blend when it lies within PEAK_BLEND_TOLERANCE
#: DN (Y Cb Cr) of the hull of the map's colors between the lowest and highest position of
#: the pixels within the threshold within PEAK_BLEND_RADIUS px (at most
#: PEAK_BLEND_SAMPLE of them asked); PEAK_BLENDS or more of them make the peak the
#: field's, unless PEAK_BLEND_LONG or more of the claim lies in pieces (8-connected)
#: PEAK_BLEND_EXTENT px or more across. benchmarks/interp6/probe.py: imshow noisy
#: 120x150 arrays at 2.7x (bicubic q90, bilinear / gaussian q75, viridis, rainbow) 0.51-0.80
#: blends, 0.02-0.26 long; gray contours over viridis' fbm / DEM (test_decolorize_gray_
#: contours) 0.05 / 0.00 blends; light gray contours over coolwarm and RdBu_r at 400x300
#: ... 96x72 0.66-0.88 blends, 0.53-0.73 long.
PEAK_BLEND_RADIUS = 4
PEAK_BLEND_TOLERANCE = 10.0
PEAK_BLEND_SAMPLE = 400
PEAK_BLENDS = 0.3
PEAK_BLEND_EXTENT = 15
PEAK_BLEND_LONG = 0.4
#: (the map's arc sampled at this many positions)
_ARC = 257


def peak_blends(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, line: Polyline,
    claim: np.ndarray, at_peak: np.ndarray, near_map: Callable[[], np.ndarray] | None,
) -> bool:  # fmt: skip
    """Whether a stroke's ``claim`` (flat mask) at an ink's luma peak is the field's
    blends: its pixels ``at_peak`` (flat mask) blends of the map colors around them
    (``near_map()``: the pixels within the threshold; ``position``: every pixel's, 0-1) and
    the claim in short pieces (PEAK_BLENDS, PEAK_BLEND_LONG); never without ``near_map``
    or on a cyclic map (its arc wraps)."""
    asked = np.flatnonzero(at_peak)
    if near_map is None or line.cyclic or not len(asked):
        return False
    asked = asked[:: max(len(asked) // PEAK_BLEND_SAMPLE, 1)]
    arc = np.ascontiguousarray(
        line.colors_at(np.linspace(0.0, line.n_bins, _ARC)) @ _YCBCR.T, dtype=np.float64
    )  # fmt: skip
    own = (flat[asked, :3].astype(np.float64) * scale) @ _YCBCR.T
    found = np.zeros(len(asked), dtype=bool)
    near = near_map()
    _blends_kernel(position, near, width, len(near) // width, asked, own, arc,
                   PEAK_BLEND_RADIUS, float(PEAK_BLEND_TOLERANCE), found)  # fmt: skip
    if found.mean() < PEAK_BLENDS:
        return False
    return _long_share(claim, width, PEAK_BLEND_EXTENT) < PEAK_BLEND_LONG


@nb.njit(**_JIT)
def _blends_kernel(
    position, near_map, width, height, asked, own, arc, radius, tolerance, found
):  # pragma: no cover - jitted
    """Per pixel ``asked``: within ``tolerance`` of the hull of the ``arc`` colors between
    the lowest and highest position ``near_map`` within ``radius`` (``_hull_kernel``)."""
    last = len(arc) - 1
    for i in range(len(asked)):
        y, x = asked[i] // width, asked[i] % width
        low, high = np.inf, -np.inf
        for yy in range(max(0, y - radius), min(height, y + radius + 1)):
            for xx in range(max(0, x - radius), min(width, x + radius + 1)):
                at = yy * width + xx
                p = position[at]
                if near_map[at] and np.isfinite(p):
                    low, high = min(low, p), max(high, p)
        if not high > low:
            continue
        first = min(max(int(np.floor(low * last)), 0), last)
        end = min(max(int(np.ceil(high * last)), first), last) + 1
        _hull_kernel(own[i : i + 1], arc[first:end], tolerance, 256, found[i : i + 1])


def _long_share(claim: np.ndarray, width: int, extent: int) -> float:
    """The share of the ``claim``'s pixels (flat mask) in 8-connected pieces ``extent``
    px or more across (their bounding box's longer side)."""
    pixels = np.flatnonzero(claim)
    if not len(pixels):
        return 0.0
    return _long_kernel(claim, width, len(claim) // width, pixels, extent) / len(pixels)


@nb.njit(**_JIT)
def _long_kernel(claim, width, height, pixels, extent):  # pragma: no cover - jitted
    """The pixels of ``claim`` in pieces ``extent`` px or more across (a search each)."""
    seen = np.zeros(len(claim), dtype=np.bool_)
    stack = np.empty(len(pixels), dtype=np.int64)
    long = 0
    for start in pixels:
        if seen[start]:
            continue
        seen[start] = True
        stack[0], n, size = start, 1, 0
        top, bottom, left, right = height, -1, width, -1
        while n:
            n -= 1
            at = stack[n]
            size += 1
            y, x = at // width, at % width
            top, bottom = min(top, y), max(bottom, y)
            left, right = min(left, x), max(right, x)
            for dy in range(-1, 2):
                for dx in range(-1, 2):
                    yy, xx = y + dy, x + dx
                    if 0 <= yy < height and 0 <= xx < width:
                        nxt = yy * width + xx
                        if claim[nxt] and not seen[nxt]:
                            seen[nxt] = True
                            stack[n] = nxt
                            n += 1
        if max(bottom - top, right - left) + 1 >= extent:
            long += size
    return long
