"""A JPEG'd picture's strokes in a color its flagged pixels already hold.

An annotation is drawn in a few colors, over the whole picture. Where a stroke
crosses data far from its own color on the map, JPEG's model cannot explain it and
it is flagged; where its color lies near the map (magenta on magma, 29 DN from its
middle) or where JPEG's 4:2:0 model explains it as a blend (gray inside twilight's
loop), the same stroke passes for data -- over a field of other colors, as a thin
structure no neighbouring data shows. The flagged pixels tell the stroke colors
(:func:`stroke_colors`); a pixel taken for data that holds one (luma kept by JPEG,
chroma near) and stands apart from the field around it is the stroke's
(:func:`stroke_pixels`), where that field is smooth (STROKE_FIELD_SPREAD), or
rougher where the pixel continues a flagged stroke of its luma (STROKE_ROUGH_SPREAD).

Measured, benchmarks/colormaps.py's annotated pictures, JPEG q75 antialiased 4:2:0 /
hard edges / antialiased 4:4:4, flagged %, before -> after: magma 84.45 / 85.62 /
93.20 -> 88.81 / 90.40 / 95.07, twilight 91.37 / 93.10 / 95.31 -> 94.93 / 96.73 /
96.97, cmocean:thermal 94.63 / 95.82 / 98.08 -> 95.43 / 96.66 / 98.30, the other
maps +0.1-2.4; their map pixels lost +0.00-0.35 point (twilight the most); holes
and accuracy tables unchanged; PNG untouched (JPEG'd pictures only). Without the
spread rule (magma 89.98 / 91.65, twilight 95.71 / 97.39) the camera figures of
tests/color/test_decolorize_annotations.py lost 0.1-0.7 point more of their data.
Cells that are no local peak of the flagged colors' histogram (blends with the
field) left out: half the gain; bridging stroke-colored pixels between flagged
ones along rows, columns and diagonals (4-8 px): +2-4 points, +10-25 lost.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._degraded import window_pixels
from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._plan import _YCBCR

__all__ = ["stroke_colors", "stroke_pixels"]

#: A stroke color is a cell of STROKE_CELL DN (Y, Cb, Cr) holding STROKE_MIN_PIXELS
#: flagged pixels or more.
STROKE_CELL = 16.0
STROKE_MIN_PIXELS = 150
#: A pixel holds a stroke color within STROKE_LUMA DN of luma and STROKE_CHROMA DN
#: of chroma (Cb, Cr), and lies past STROKE_RESIDUAL DN from the map.
STROKE_LUMA = 12.0
STROKE_CHROMA = 24.0
STROKE_RESIDUAL = 8.0
#: ... and apart from the field around: the mean color of the pixels within
#: STROKE_FIELD_RADIUS that are neither flagged, stroke-colored nor past
#: STROKE_FIELD_RESIDUAL DN from the map lies STROKE_FIELD_GAP DN or more away, and
#: twice as far as the stroke color.
STROKE_FIELD_RADIUS = 4
STROKE_FIELD_RESIDUAL = 20.0
STROKE_FIELD_GAP = 40.0
STROKE_FIELD_LUMA = 30.0
STROKE_FIELD_SPREAD = 20.0
#: Over a rougher field (luma spread up to STROKE_ROUGH_SPREAD DN) such a pixel is the
#: stroke's only where it continues one: an 8-neighbour flagged (or found so, up to
#: STROKE_ROUGH_STEPS steps along) whose luma lies within STROKE_LUMA DN of its own
#: (JPEG keeps a stroke's luma). The spread is what tells texture from a smooth field,
#: but a stroke's field is rough too where strokes crowd or the map's luma runs steep
#: (magma, twilight: 3-5 DN a pixel on the benchmark's field), and there magenta on
#: magma (29 DN from its pinks) and gray inside twilight's loop were left; a
#: photograph's texture that stands apart as much lies alone, not beside a flagged
#: pixel of its luma. Measured in benchmarks/colormaps.py (``flags``), and on the
#: annotated camera figures of tests/color/test_decolorize_annotations.py: see
#: docs/decolorize.md ("Stroke colors").
STROKE_ROUGH_SPREAD = 40.0
STROKE_ROUGH_STEPS = 2
#: The field's windows are summed pixel by pixel where that costs less than this many
#: passes over the picture (box sums, ``_box_sums``: 5 planes, each a few passes).
STROKE_BOX_COST = 10


def stroke_colors(flat: np.ndarray, scale: float, off_map: np.ndarray) -> np.ndarray:
    """(K, 3) Y Cb Cr (DN) of the stroke colors among the ``off_map`` pixels of ``flat``."""
    if np.count_nonzero(off_map) < STROKE_MIN_PIXELS:  # (all-data pictures: a few)
        return np.empty((0, 3))
    # (one pass a flagged pixel, in a kernel: a figure's margin is most of them, and
    # numpy's passes cost 0.5 s on a 2 MP JPEG'd figure)
    counts, sums = np.zeros(4096, dtype=np.int64), np.zeros((4096, 3))
    _cell_sums(flat, float(scale), np.flatnonzero(off_map), _YCBCR, STROKE_CELL, counts, sums)
    chosen = np.flatnonzero(counts >= STROKE_MIN_PIXELS)
    if not len(chosen):
        return np.empty((0, 3))
    return sums[chosen] / counts[chosen, None]


@nb.njit(**_JIT)
def _cell_sums(flat, scale, pixels, ycbcr, cell, counts, sums):  # pragma: no cover - jitted
    """Per cell of ``cell`` DN (Y Cb Cr, 16 a channel; Cb and Cr offset by 8 cells):
    how many of ``pixels`` (flat indices into ``flat``, times ``scale``) it holds and
    the sums of their Y Cb Cr."""
    ycc = np.empty(3)
    for p in pixels:
        key = 0
        for c in range(3):
            ycc[c] = (flat[p, 0] * scale * ycbcr[c, 0] + flat[p, 1] * scale * ycbcr[c, 1]
                      + flat[p, 2] * scale * ycbcr[c, 2])  # fmt: skip
            k = int(np.floor(ycc[c] / cell)) + (8 if c else 0)
            key = key * 16 + min(max(k, 0), 15)
        counts[key] += 1
        for c in range(3):
            sums[key, c] += ycc[c]


def stroke_pixels(
    flat: np.ndarray, scale: float, width: int, residual: np.ndarray, off_map: np.ndarray,
    voters: np.ndarray | None = None,
) -> None:  # fmt: skip
    """Mark in ``off_map`` the pixels taken for data that hold a stroke color of the
    flagged ones and stand apart from the field around (STROKE_FIELD_GAP). ``voters``:
    flat mask of the flagged pixels whose colors count (None: all of them)."""
    if np.count_nonzero(off_map) < STROKE_MIN_PIXELS:  # (no stroke color: nothing asked)
        return  # (all-data pictures: a megapixel's two passes and its flatnonzero, ~1 ms)
    asked = np.flatnonzero(~off_map & (residual > STROKE_RESIDUAL))
    if not len(asked):  # (nothing left to change: the colors are not even counted)
        return
    colors = stroke_colors(flat, scale, off_map if voters is None else off_map & voters)
    if not len(colors):
        return
    ycc = (flat[asked, :3] * scale) @ _YCBCR.T
    order = np.argsort(ycc[:, 0], kind="stable")  # each color asks its luma's slice only
    asked, ycc = asked[order], ycc[order]
    near = np.full(len(asked), np.inf)  # distance to the nearest stroke color it holds
    lows = np.searchsorted(ycc[:, 0], colors[:, 0] - STROKE_LUMA, side="left")
    highs = np.searchsorted(ycc[:, 0], colors[:, 0] + STROKE_LUMA, side="right")
    for color, low, high in zip(colors, lows, highs):
        gap = ycc[low:high] - color
        chroma = np.hypot(gap[:, 1], gap[:, 2])
        distance = np.where(chroma <= STROKE_CHROMA, np.hypot(gap[:, 0], chroma), np.inf)
        np.minimum(near[low:high], distance, out=near[low:high])
    held = np.isfinite(near)
    asked, ycc, near = asked[held], ycc[held], near[held]
    if not len(asked):
        return
    stroked = np.zeros(len(off_map), dtype=bool)
    stroked[asked] = True
    field = ~off_map & ~stroked & (residual <= STROKE_FIELD_RESIDUAL)
    mean, spread = _field_around(flat, scale, field, width, asked)
    known = np.isfinite(spread) & (spread <= STROKE_ROUGH_SPREAD)
    apart = np.zeros(len(asked), dtype=bool)
    gap = np.sqrt((((mean[known] @ _YCBCR.T) - ycc[known]) ** 2).sum(axis=1))
    luma_gap = np.abs(mean[known] @ _YCBCR[0] - ycc[known, 0])
    apart[known] = (gap >= STROKE_FIELD_GAP) & (gap >= 2.0 * near[known])
    apart[known] &= luma_gap >= STROKE_FIELD_LUMA
    # a smooth field: texture's own details stand apart from it as much as strokes
    smooth = apart & (spread <= STROKE_FIELD_SPREAD)
    off_map[asked[smooth]] = True
    _continued(flat, scale, width, asked[apart & ~smooth], ycc[apart & ~smooth, 0], off_map)


def _continued(
    flat: np.ndarray, scale: float, width: int, pixels: np.ndarray, luma: np.ndarray,
    off_map: np.ndarray,
) -> None:  # fmt: skip
    """Mark in ``off_map`` the ``pixels`` (flat indices, ``luma`` in DN) that continue a
    flagged stroke: an 8-neighbour flagged, or marked a step before, within STROKE_LUMA
    DN of their luma (STROKE_ROUGH_STEPS steps)."""
    if not len(pixels):
        return
    around = window_pixels(pixels, width, len(off_map) // width, 1)
    alike = np.abs((flat[around, :3] * scale) @ _YCBCR[0] - luma[:, None]) <= STROKE_LUMA
    for _ in range(STROKE_ROUGH_STEPS):
        joined = np.any(off_map[around] & alike, axis=1)
        if not joined.any():
            return
        off_map[pixels[joined]] = True
        keep = ~joined
        pixels, around, alike = pixels[keep], around[keep], alike[keep]


def _field_around(
    flat: np.ndarray, scale: float, field: np.ndarray, width: int, pixels: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Mean color (len(pixels), 3) of the ``field`` pixels in the square window of
    STROKE_FIELD_RADIUS around each of ``pixels`` (edges repeat) of ``flat`` (times
    ``scale``), and the standard deviation of their luma; NaN where the window holds
    none. The windows' sums, pixel by pixel where they cost less than box sums over the
    picture (a 2 MP figure asks 1 %; a per-pixel median took seconds on a 1 MP
    annotated JPEG)."""
    height = len(field) // width
    side = 2 * STROKE_FIELD_RADIUS + 1
    if len(pixels) * side * side < STROKE_BOX_COST * len(field):
        sums = np.empty((len(pixels), 5))
        _window_sums(flat, float(scale), field, width, pixels, STROKE_FIELD_RADIUS,
                     _YCBCR[0], sums)  # fmt: skip
        count = sums[:, 0]
        count[count < 0.5] = np.nan
        mean = sums[:, 1:4] / count[:, None]
        first = mean @ _YCBCR[0]
        return mean, np.sqrt(np.maximum(sums[:, 4] / count - first * first, 0.0))
    rgb = flat[:, :3] * scale
    weight = field.reshape(height, width).astype(np.float64)

    def box(plane: np.ndarray) -> np.ndarray:
        return _box_sums(plane * weight, STROKE_FIELD_RADIUS).ravel()[pixels]

    count = box(np.ones((height, width)))
    missing = count < 0.5
    count[missing] = np.nan
    mean = np.stack([box(rgb[:, c].reshape(height, width)) / count for c in range(3)], -1)
    luma = (rgb @ _YCBCR[0]).reshape(height, width)
    first = mean @ _YCBCR[0]
    spread = np.sqrt(np.maximum(box(luma * luma) / count - first * first, 0.0))
    return mean, spread


@nb.njit(**_JIT)
def _window_sums(flat, scale, field, width, pixels, radius, luma_weights, out):  # pragma: no cover
    """Per pixel of ``pixels``: the count of the ``field`` pixels in its square window
    of ``radius`` (edges repeat, as :func:`_box_sums`), their R G B sums and the sum of
    their squared luma (``out`` (len(pixels), 5); ``flat`` times ``scale``)."""
    height = field.shape[0] // width
    for k in range(pixels.shape[0]):
        y, x = pixels[k] // width, pixels[k] % width
        total = np.zeros(5)
        for dy in range(-radius, radius + 1):
            yy = min(max(y + dy, 0), height - 1)
            for dx in range(-radius, radius + 1):
                q = yy * width + min(max(x + dx, 0), width - 1)
                if field[q]:
                    r, g, b = flat[q, 0] * scale, flat[q, 1] * scale, flat[q, 2] * scale
                    luma = r * luma_weights[0] + g * luma_weights[1] + b * luma_weights[2]
                    total[0] += 1.0
                    total[1] += r
                    total[2] += g
                    total[3] += b
                    total[4] += luma * luma
        out[k] = total


def _box_sums(plane: np.ndarray, radius: int) -> np.ndarray:
    """Sums of ``plane`` over the (2 radius + 1)^2 square around each pixel, edges
    repeated (as ``scipy.ndimage.uniform_filter(mode="nearest")`` times the window's
    size), by running sums along each axis."""
    padded = np.pad(plane, radius, mode="edge")
    size = 2 * radius + 1
    for axis in (0, 1):
        running = np.cumsum(padded, axis=axis)
        zero = np.zeros_like(np.take(running, [0], axis=axis))
        running = np.concatenate([zero, running], axis=axis)
        count = running.shape[axis] - size
        padded = np.take(running, np.arange(size, size + count), axis=axis) - np.take(
            running, np.arange(count), axis=axis
        )
    return padded
