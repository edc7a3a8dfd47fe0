"""Strokes drawn in one exact color over a resampled picture (lossless pictures).

A contour line or a label drawn over a resampled heatmap (matplotlib's imshow at
1.24x, antialiased) covers some pixels fully: they hold the stroke's own color,
exactly, hundreds of times over (``(128, 128, 128)`` for ``colors="0.5"``). The
field's blends almost never repeat one off-map color: each mixes other values. Its
other pixels are the stroke's antialiased edge, ``a * stroke + (1 - a) * field``:
on the segment between the stroke color and the field color beside them. Blends of
the map colors around can make many such colors (gray within turbo's loop), so the
local hull (``_hull.hull_accept``) takes them for data; this module flags them.

:func:`stroke_colors` names the colors that repeat far more than the picture's other
off-map colors; :func:`stroke_edges` flags the pixels of those colors and the
off-map pixels joined to them (EDGE_RINGS) that lie on the segment between a
stroke color and a pixel within EDGE_RADIUS.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._grow import joined

__all__ = ["stroke_colors", "stroke_edges"]

#: A stroke color is an exact color held by REPEAT_MIN off-map pixels or more, each
#: farther than REPEAT_RESIDUAL DN from the map, and REPEAT_RATIO times as many as
#: the off-map colors' hash bin REPEAT_RANK places below the fullest (a picture
#: draws with a few colors).
#: Measured on 1.24x matplotlib figures (256^2 camera, fBm terrain; magma, turbo,
#: viridis, jet): the stroke color 1342-1385 times, the field's most repeated off-map
#: colors 8-46 times.
REPEAT_MIN = 40
REPEAT_RESIDUAL = 12.0
REPEAT_RATIO = 8.0
REPEAT_RANK = 8
#: Hash bins of the cheap first count (an upper bound of each color's count).
_HASH_BINS = 1 << 16
#: A stroke's edge pixel lies within EDGE_TOLERANCE DN of the segment from a pixel
#: within EDGE_RADIUS (the field, or an edge pixel less covered) towards the stroke
#: color, at least EDGE_MIN_COVER of the way, joined to the stroke color's pixels
#: through such pixels within EDGE_RINGS steps. Measured on the figures above (22
#: stroke/map/field cases), stroke pixels (changed >= 10 DN) flagged, mean / worst:
#: field pixels only (on the map) 89.2 / 73.1 %, any pixel 90.8 / 80.1 %, with 6 rings
#: 91.7 / 80.4 %; the figure's untouched data pixels lost 0.017 % mean, 0.09 % worst.
#: A tolerance widening towards the field (0.1 of the segment's length there) gave
#: 92.7 / 81.6 % for 0.12 % lost; two field pixels' blend (a triangle) +0.7 point
#: for 20 times the time; the field taken as the map color where the ray from the
#: stroke color through the pixel meets the map (near a pixel around) +2 points for
#: 0.26 % lost (data blends near the map meet it just beyond themselves).
EDGE_TOLERANCE = 5.0
EDGE_MIN_COVER = 0.1
EDGE_RADIUS = 2
EDGE_RINGS = 6


def _keys(flat: np.ndarray) -> np.ndarray | None:
    """One int64 per pixel's RGB bytes (uint8 / uint16 pictures; None for others)."""
    if flat.dtype == np.uint8:
        bits = 8
    elif flat.dtype == np.uint16:
        bits = 16
    else:
        return None
    rgb = flat[:, :3].astype(np.int64)
    return (rgb[:, 0] << (2 * bits)) | (rgb[:, 1] << bits) | rgb[:, 2]


def stroke_colors(
    flat: np.ndarray, residual: np.ndarray, candidates: np.ndarray,
    keys: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """Keys (``_keys``) of the stroke colors among the ``candidates`` (flat indices of
    off-map pixels): empty where none repeats enough. Counted first in hash bins (each
    an upper bound of its colors' counts): all-data pictures stop there. ``keys``: the
    candidates' keys, where the caller has them."""
    none = np.empty(0, dtype=np.int64)
    if len(candidates) < REPEAT_MIN:
        return none
    if keys is None:
        keys = _keys(flat[candidates])
    if keys is None:
        return none
    bins = (keys * 0x9E3779B1 >> 7) & (_HASH_BINS - 1)
    hashed = np.bincount(bins, minlength=_HASH_BINS)
    if hashed.max() < REPEAT_MIN:
        return none
    # the bin REPEAT_RANK places below the fullest, from how many bins hold each count
    # (np.partition crawls over the many equal counts)
    fuller = np.cumsum(np.bincount(hashed)[::-1])  # bins holding max - i or more
    rank = max(len(fuller) - 1 - int(np.searchsorted(fuller, REPEAT_RANK + 1)), 0)
    if hashed.max() < REPEAT_RATIO * rank:
        return none
    busy = np.flatnonzero(hashed[bins] >= REPEAT_MIN)
    colors, first, counts = np.unique(keys[busy], return_index=True, return_counts=True)
    chosen = (counts >= max(REPEAT_MIN, REPEAT_RATIO * rank)) & (
        residual[candidates[busy[first]]] > REPEAT_RESIDUAL
    )  # fmt: skip
    return colors[chosen]


def stroke_edges(
    flat: np.ndarray, scale: float, width: int, residual: np.ndarray, threshold: float
) -> np.ndarray:
    """Pixels (flat mask) of strokes drawn in an exact color and their antialiased
    edges: all False where no color repeats (:func:`stroke_colors`)."""
    found = np.zeros(len(residual), dtype=bool)
    off = ~(residual <= threshold)
    candidates = np.flatnonzero(off)
    keys = _keys(flat[candidates]) if len(candidates) >= REPEAT_MIN else None
    colors = stroke_colors(flat, residual, candidates, keys)
    if not len(colors):
        return found
    seeds = candidates[np.isin(keys, colors)]
    found[seeds] = True
    height = len(residual) // width
    near = joined(found.reshape(height, width), np.ones((height, width), bool), EDGE_RINGS)
    at = np.flatnonzero(near.ravel() & off & ~found)
    if not len(at):
        return found
    factor = 1 << (16 if flat.dtype == np.uint16 else 8)
    strokes = np.stack([colors // factor**2, colors // factor % factor, colors % factor], -1)
    strokes = strokes.astype(np.float64) * scale
    own_all = flat[at, :3].astype(np.float64) * scale
    ys, xs = np.divmod(at, width)
    field = np.ones(len(residual), dtype=bool)  # (an edge pixel too: one less covered)
    field[seeds] = False
    edge = np.zeros(len(at), dtype=bool)
    for dy in range(-EDGE_RADIUS, EDGE_RADIUS + 1):
        for dx in range(-EDGE_RADIUS, EDGE_RADIUS + 1):
            q = np.clip(ys + dy, 0, height - 1) * width + np.clip(xs + dx, 0, width - 1)
            # only pixels not yet found, beside a field pixel (a margin's pixels
            # beside the stroke color's: most of them, left out first)
            judged = np.flatnonzero(field[q] & ~edge)
            q = q[judged]
            base = flat[q, :3].astype(np.float64) * scale
            offset = own_all[judged] - base
            for stroke in strokes:
                toward = stroke - base
                length2 = np.maximum(np.einsum("ic,ic->i", toward, toward), 1e-6)
                cover = np.einsum("ic,ic->i", offset, toward) / length2
                gap = offset - cover[:, None] * toward
                edge[judged] |= (cover >= EDGE_MIN_COVER) & (cover <= 1.0) & (
                    np.einsum("ic,ic->i", gap, gap) <= EDGE_TOLERANCE**2
                )  # fmt: skip
    through = np.zeros(len(residual), dtype=bool)
    through[at[edge]] = True
    through |= found
    return joined(found.reshape(height, width), through.reshape(height, width), EDGE_RINGS).ravel()

