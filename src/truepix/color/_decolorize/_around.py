"""Core pixels of a resized picture that blend two data colors found around them.

A picture shrunk before it was JPEG'd blends, within one pixel, data that lay several
pixels apart: where the field has fine detail (a photograph's texture) a pixel's two
sides are no longer its opposite neighbours (``_edges.edge_blends``), which are blends
themselves, off the map and past the threshold. JPEG then moves some of them far off
its model: a core with a few such pixels was taken for a stroke's, and every core
within 16-32 px with it (``_alone``). Such a pixel still lies between two data colors
(pixels on the map) a few pixels around it; a stroke's ink lies between none. Where
the detail was finer than a pixel, no pixel around keeps the colors blended: such a
pixel still lies in the convex hull of the map's colors (``hull_blends``), which
black, white and most inks do not.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._plan import _YCBCR, JPEG_CHROMA_WEIGHT

__all__ = ["around_blends", "hull_blends"]

#: A core pixel far off JPEG's model (or beyond the map's luma) of a picture resized
#: before it was JPEG'd (``_edges.resized_blends``) is no evidence of a stroke when it
#: lies within AROUND_TOLERANCE DN (Y Cb Cr, chroma weighted JPEG_CHROMA_WEIGHT) of the
#: segment between two pixels on the map within AROUND_RADIUS px of it, AROUND_STEP DN
#: or more apart in RGB, past either end by up to AROUND_OVERSHOOT of the segment
#: (cubic and Lanczos lobes, JPEG's ringing) (:func:`around_blends`).
#: The same test as ``_edges.EDGE_BLEND_TOLERANCE``'s, between any two data pixels
#: around rather than opposite neighbours. trial16/user_tools_sweep.py (5 maps x camera,
#: astronaut, coffee x OpenCV area 0.5 / 0.33, cubic 0.5, linear 2, Pillow Lanczos 0.5 x
#: Pillow q90 / q75 / q50, OpenCV q75): turbo's camera shrunk 0.5x by OpenCV cubic, q50,
#: 0.50 -> 0.00 % holes, the others as before. Jet's astronaut shrunk 0.33x by area at
#: q50 (0.66 %) and its camera 0.5x by Lanczos at q50 (0.46 %) keep theirs: their far
#: pixels are darker than any data color within 6 px (blends of data the shrink and
#: JPEG moved off the map too), 20 of 26 and 11 of 12 of them: see HULL_TOLERANCE.
AROUND_RADIUS = 3
AROUND_TOLERANCE = 16.0
AROUND_STEP = 24.0
AROUND_OVERSHOOT = 0.25
#: ... nor, within the map's luma range, when it lies within HULL_TOLERANCE DN (the same
#: metric) of the convex hull of the map's colors (:func:`hull_blends`): a shrink blends,
#: within one pixel, detail finer than a pixel -- the astronaut's flag stripes, the
#: camera's grass -- whose data colors no pixel around keeps. jet's far pixels that
#: AROUND_TOLERANCE left (astronaut 0.33x area at q50, camera 0.5x Lanczos at q50)
#: lie 0.0-10.8 DN from jet's hull, and 26-164 DN from the map. Black and white lie
#: outside every map's luma range; gray is inside jet's hull (blue and yellow make it),
#: so gray strokes on a resized jet picture give up this evidence (others remain:
#: ``_alone``'s blobs and strung cores). HULL_STEPS bounds the search (Frank-Wolfe
#: steps, each a bound on the distance both ways; 256 decide all but points within 5 % of
#: the tolerance on random colors around jet).
HULL_TOLERANCE = AROUND_TOLERANCE
HULL_STEPS = 256


def around_blends(
    flat: np.ndarray, scale: float, width: int, pixels: np.ndarray, on_map: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Per pixel (flat indices into rows of ``width``): whether it lies between two
    ``on_map`` pixels (a flat mask) within AROUND_RADIUS of it (AROUND_TOLERANCE)."""
    found = np.zeros(len(pixels), dtype=bool)
    if not len(pixels):
        return found
    metric = _metric()
    _around_kernel(
        flat, float(scale), width, len(flat) // width, pixels, on_map, metric, AROUND_RADIUS,
        float(AROUND_TOLERANCE), float(AROUND_STEP), float(AROUND_OVERSHOOT), found,
    )  # fmt: skip
    return found


@nb.njit(**_JIT)
def _around_kernel(  # pragma: no cover - jitted
    flat, scale, width, height, pixels, on_map, metric, radius, tolerance, min_step, overshoot,
    found,
):  # fmt: skip
    """``around_blends``, one pixel at a time: the on-map colors in its window (metric
    space), then every pair of them far enough apart, until one explains it."""
    side = 2 * radius + 1
    colors = np.empty((side * side, 3))
    rgb = np.empty((side * side, 3))
    own = np.empty(3)
    for i in range(len(pixels)):
        y, x = pixels[i] // width, pixels[i] % width
        n = 0
        for yy in range(max(0, y - radius), min(height, y + radius + 1)):
            for xx in range(max(0, x - radius), min(width, x + radius + 1)):
                at = yy * width + xx
                if not on_map[at]:
                    continue
                for k in range(3):
                    rgb[n, k] = flat[at, k] * scale
                for k in range(3):
                    colors[n, k] = 0.0
                    for j in range(3):
                        colors[n, k] += rgb[n, j] * metric[k, j]
                n += 1
        if n < 2:
            continue
        for k in range(3):
            own[k] = 0.0
            for j in range(3):
                own[k] += flat[pixels[i], j] * scale * metric[k, j]
        for a in range(n):
            if found[i]:
                break
            for b in range(a + 1, n):
                step2 = 0.0
                for j in range(3):
                    step2 += (rgb[b, j] - rgb[a, j]) ** 2
                if step2 < min_step**2:
                    continue
                length2 = 0.0
                dot = 0.0
                for k in range(3):
                    segment = colors[b, k] - colors[a, k]
                    length2 += segment * segment
                    dot += (own[k] - colors[a, k]) * segment
                t = min(max(dot / max(length2, 1e-9), -overshoot), 1.0 + overshoot)
                gap = 0.0
                for k in range(3):
                    gap += (own[k] - colors[a, k] - t * (colors[b, k] - colors[a, k])) ** 2
                if gap <= tolerance**2:
                    found[i] = True
                    break


def hull_blends(
    flat: np.ndarray, scale: float, pixels: np.ndarray, vertices: np.ndarray
) -> np.ndarray:
    """Per pixel (flat indices): whether it lies within HULL_TOLERANCE of the convex hull
    of ``vertices`` (the map's colors, DN RGB), in the metric of :func:`around_blends`."""
    found = np.zeros(len(pixels), dtype=bool)
    if not len(pixels):
        return found
    metric = _metric()
    colors = np.ascontiguousarray(vertices, dtype=np.float64) @ metric.T
    own = (flat[pixels, :3].astype(np.float64) * scale) @ metric.T
    _hull_kernel(own, colors, float(HULL_TOLERANCE), HULL_STEPS, found)
    return found


def _metric() -> np.ndarray:
    """RGB -> Y Cb Cr with chroma weighted JPEG_CHROMA_WEIGHT (3x3, rows Y, Cb, Cr)."""
    weights = np.sqrt(np.array([1.0, JPEG_CHROMA_WEIGHT, JPEG_CHROMA_WEIGHT]))
    return np.ascontiguousarray(_YCBCR * weights[:, None], dtype=np.float64)


@nb.njit(**_JIT)
def _hull_kernel(own, colors, tolerance, steps, found):  # pragma: no cover - jitted
    """``hull_blends``, one pixel at a time: Frank-Wolfe steps toward it from the nearest
    vertex, until the point reached is within ``tolerance`` or the supporting plane
    of the hull facing the pixel is farther than that."""
    point = np.empty(3)
    for i in range(len(own)):
        best, nearest = np.inf, 0
        for v in range(len(colors)):
            d2 = 0.0
            for k in range(3):
                d2 += (own[i, k] - colors[v, k]) ** 2
            if d2 < best:
                best, nearest = d2, v
        for k in range(3):
            point[k] = colors[nearest, k]
        for _ in range(steps):
            gap2 = 0.0
            for k in range(3):
                gap2 += (own[i, k] - point[k]) ** 2
            if gap2 <= tolerance * tolerance:
                found[i] = True
                break
            # the vertex farthest toward the pixel: the hull lies behind its plane
            reach, support = -np.inf, 0
            for v in range(len(colors)):
                along = 0.0
                for k in range(3):
                    along += (colors[v, k] - point[k]) * (own[i, k] - point[k])
                if along > reach:
                    reach, support = along, v
            gap = np.sqrt(gap2)
            if gap - reach / gap > tolerance:
                break  # (every hull point is farther than the tolerance)
            length2, dot = 0.0, 0.0
            for k in range(3):
                length2 += (colors[support, k] - point[k]) ** 2
                dot += (colors[support, k] - point[k]) * (own[i, k] - point[k])
            t = min(max(dot / max(length2, 1e-12), 0.0), 1.0)
            for k in range(3):
                point[k] += t * (colors[support, k] - point[k])
