"""JPEG's marks on a discrete map's picture (a BoundaryNorm's few colors, a short
``ListedColormap``): flat areas moved off their colors, and edges that mix colors
which are no neighbours in the map's order.

A discrete picture is fields of a few flat colors. The decoder's JPEG tests and its
4:2:0 model read a continuous map's: the chroma the map has at the positions luma
gives. Between two fields whose colors are not neighbours along the map (a
photograph's edges jump several intervals) luma gives a position between other
colors, and the model is far from what JPEG made of the edge: a mixture of the two
colors, luma and chroma each in their own proportion (4:2:0 averages chroma over 2x2
pixels and both ring over their 8x8 blocks).
"""

from __future__ import annotations

import itertools

import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._exact import threshold_code
from truepix.color._decolorize._palette import Polyline

__all__ = ["field_blends", "field_share", "flat_off_share", "mixed_cores", "mixture_distance"]

#: Flat pixels (3x3 of one color) within FLAT_NEAR DN of the map are counted by
#: :func:`flat_off_share` (farther: a margin, a box drawn over it).
FLAT_NEAR = 8.0
#: JPEG'd cores (``_jpeg``: pixels far off JPEG's model of the map) of a discrete picture
#: that lie within MIX_CORE DN (Y Cb Cr), every pixel, of a mixture of two colors found
#: within MIX_RADIUS (:func:`mixture_distance`) are JPEG's, not strokes -- unless the
#: cores no mixture explains string into a stroke (``_jpeg._strung``): a stroke's JPEG'd
#: core is such a mixture too (black text over jet's blue comes out as jet's dark blue
#: and blue), and the stroke's other cores then tell it. A core, not a pixel: judged per
#: pixel (as a distance to the model) the mixtures left matplotlib's strokes on discrete
#: figures 4-40 points less flagged (JPEG q75: gray on viridis' 11 colors 96.5 -> 55.9 %,
#: black on jet's 84.6 -> 65.2 %), and the cores without the stroke rule 2-11 (jet's
#: black at q90 90.3 -> 79.8 %). Measured (4 maps x BoundaryNorms of 4, 6, 11 intervals x
#: 5 fields, 256^2, q50-q95 4:2:0): holes turbo / 4 / astronaut q50 10.5 -> 3.0 %,
#: coolwarm / 4 / camera q50 2.4 -> 0.5 %; pictures past 0.2 % 7 -> 3 (after
#: ``_plan.FLAT_OFF_SHARE``); 96 annotated figures' flagged and lost shares unchanged.
#: Radius 6 / 8: turbo 2.6 / 2.5 %, jet / 4 / astronaut 0.87 / 0.67 % (0.92 at 4), for
#: 2-4x the memory per core pixel; MIX_CORE 20: turbo 10.0 %.
MIX_RADIUS = 4
MIX_CORE = 30.0
#: Maps of more colors than this are no few-color maps (a pair loop per picture).
MIX_MAX_COLORS = 64
#: Resampling a picture of flat fields of painted colors (Pillow, OpenCV, skimage; down
#: or up) makes means of the colors of the fields around a pixel: ``a + t (b - a)``
#: between two, t in [0, 1] for linear and area kernels and a little past either end
#: for cubic and Lanczos ones (their negative lobes); means of three where fields meet.
#: Where the colors are no neighbours in the map's order the mean lies far from the
#: map, and -- the fields being flat -- repeats one color along an edge, outside the
#: few colors' box: what the exact-render, fill and stroke tests take for a drawing.
#: :func:`field_blends` takes a pixel for such a mean when it lies within
#: FIELD_TOLERANCE DN of a segment or triangle of the painted colors that pixels
#: FIELD_RADIUS around it hold, FIELD_OVERSHOOT past their ends.
FIELD_RADIUS = 3
FIELD_TOLERANCE = 12.0
FIELD_OVERSHOOT = 0.25
#: Overshoot past the picture's range is clipped to it: tried at these t past the ends.
_PAST = np.concatenate([
    -np.linspace(0.05, FIELD_OVERSHOOT, 5), 1.0 + np.linspace(0.05, FIELD_OVERSHOOT, 5)
])  # fmt: skip
#: ... a blend of two neighbouring colors counting for both when FIELD_END of the way.
FIELD_END = 0.1
#: A discrete picture is resampled (``_plan``: no exact render, however many of its
#: pixels are painted colors) when FIELD_SHARE of its pixels past the threshold, of
#: FIELD_MIN_PIXELS or more, are such means. Measured (:func:`field_share`, 3 DN) on
#: 4 maps x BoundaryNorms of 4, 6, 11 intervals and a ListedColormap of 5 x camera,
#: astronaut, smooth (256^2) resampled by Pillow, OpenCV and skimage 0.33x-3x: 0.44-1.0
#: (1st percentile 0.59); matplotlib figures of 4 maps x 6, 11 intervals x camera,
#: smooth with black, white and gray text and contours: PNG 0.01-0.33 (white on
#: coolwarm), JPEG q90 up to 0.70 (JPEG's own marks decide those).
FIELD_SHARE = 0.4
FIELD_MIN_PIXELS = 20


def flat_off_share(codes: np.ndarray, sample: np.ndarray) -> float:
    """Share of a sample's flat pixels (3x3 of one color) within FLAT_NEAR DN of the map
    that lie off it (residual past a quarter DN): JPEG's mark on a discrete picture."""
    if sample.ndim != 3 or min(sample.shape[:2]) < 3:
        return 0.0
    rgb = sample[..., :3]
    middle = rgb[1:-1, 1:-1]
    height, width = middle.shape[:2]
    same = np.ones((height, width), dtype=bool)
    for dy in range(3):
        for dx in range(3):
            if dy != 1 or dx != 1:
                same &= np.all(rgb[dy : dy + height, dx : dx + width] == middle, axis=-1)
    steps = (codes >> kernels.RESIDUAL_SHIFT).reshape(sample.shape[:-1])[1:-1, 1:-1]
    near = same & (steps >= 1) & (steps <= threshold_code(FLAT_NEAR))
    n_near = int(near.sum())
    return float((near & (steps > 1)).sum() / n_near) if n_near else 0.0


def mixture_distance(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, candidates: np.ndarray,
    on_map: np.ndarray, line: Polyline, ycc: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Distance (DN, Y Cb Cr) of each candidate to the nearest mixture of two colors of
    the map found around it: luma between theirs, chroma on the segment between theirs
    (each in its own proportion).

    ``on_map``: flat mask of the pixels whose ``position`` (fraction of the map) names
    their color; the colors around a candidate are theirs (MIX_RADIUS). Infinite where
    fewer than two colors are around, or the map has more than MIX_MAX_COLORS colors.
    """
    distance = np.full(len(candidates), np.inf)
    n_colors = len(line.vertices)
    if len(candidates) == 0 or n_colors > MIX_MAX_COLORS:
        return distance
    height = len(position) // width
    # the nearest vertex (a painted color) to each on-map pixel's position around
    middles = (line.positions[1:] + line.positions[:-1]) / 2.0
    around = degraded.window_pixels(candidates, width, height, MIX_RADIUS)
    known = on_map[around] & np.isfinite(position[around])
    color = np.searchsorted(middles, np.nan_to_num(position[around]) * line.n_bins)
    local = np.zeros((len(candidates), n_colors), dtype=bool)  # colors around each
    local[np.nonzero(known)[0], color[known]] = True
    observed = (flat[candidates, :3] * scale) @ ycc.T
    colors = line.vertices @ ycc.T
    together = local.T.astype(np.int64) @ local.astype(np.int64)  # pairs found together
    for first, second in zip(*np.nonzero(np.triu(together, 1)), strict=True):
        which = np.flatnonzero(local[:, first] & local[:, second])
        a, b = colors[first], colors[second]
        luma = observed[which, 0]
        low, high = min(a[0], b[0]), max(a[0], b[0])
        off_luma = np.maximum(np.maximum(low - luma, luma - high), 0.0)
        step = b[1:] - a[1:]
        length = float(step @ step)
        chroma = observed[which, 1:] - a[1:]
        t = np.clip(chroma @ step / length, 0.0, 1.0) if length > 0 else np.zeros(len(which))
        off_chroma = np.linalg.norm(chroma - t[:, None] * step, axis=1)
        distance[which] = np.minimum(distance[which], np.hypot(off_luma, off_chroma))
    return distance


def mixed_cores(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, candidates: np.ndarray,
    line: Polyline, groups: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Per candidate (flat indices, past JPEG's candidate residual): whether its core
    (``groups``: JPEG's, a label per candidate, 0: none) lies within MIX_CORE DN of
    mixtures of the colors around, every pixel of it (:func:`mixture_distance`, the
    colors of the pixels that are no candidates), and whether it is a core that does not."""
    from truepix.color._decolorize._plan import _YCBCR  # (``_plan`` imports this module)

    cored = np.flatnonzero(groups > 0)
    if len(cored) == 0:
        return np.zeros(len(groups), dtype=bool), groups > 0
    on_map = np.ones(len(position), dtype=bool)
    on_map[candidates] = False
    distance = mixture_distance(
        flat, scale, width, position, candidates[cored], on_map, line, _YCBCR
    )  # fmt: skip
    unexplained = np.zeros(int(groups.max()) + 1, dtype=bool)
    unexplained[groups[cored][~(distance <= MIX_CORE)]] = True
    return (groups > 0) & ~unexplained[groups], (groups > 0) & unexplained[groups]


def field_blends(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, on_map: np.ndarray,
    position: np.ndarray, line: Polyline, radius: int = FIELD_RADIUS,
    tolerance: float = FIELD_TOLERANCE,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Which ``candidates`` (flat indices) are means of the painted colors (``line``'s
    vertices, DN) ``radius`` around them (FIELD_TOLERANCE), and for those the
    painted color the mean weighs most (-1 for the others). The colors around are
    those of the ``on_map`` pixels (flat mask) at their ``position`` (fraction of the
    map): a painted color, or the two a blend of neighbours lies between (FIELD_END)."""
    vertices = line.vertices
    n, n_colors = len(candidates), len(vertices)
    best = np.full(n, np.inf)
    nearer = np.full(n, -1, dtype=np.int64)
    if n == 0 or n_colors > MIX_MAX_COLORS:
        return best < 0, nearer
    height = len(flat) // width
    around = degraded.window_pixels(candidates, width, height, radius)
    known = on_map[around] & np.isfinite(position[around])
    place = np.interp(
        np.nan_to_num(position[around]) * line.n_bins, line.positions, np.arange(n_colors)
    )  # fmt: skip
    below = np.floor(place).astype(np.int64)
    share = place - below
    above = np.minimum(below + 1, n_colors - 1)
    local = np.zeros((n, n_colors), dtype=bool)  # colors around each
    rows = np.repeat(np.arange(n), around.shape[1]).reshape(around.shape)
    first = known & (share < 1.0 - FIELD_END)
    local[rows[first], below[first]] = True
    second = known & (share > FIELD_END)
    local[rows[second], above[second]] = True
    own = flat[candidates, :3].astype(np.float64) * scale
    low, high = -FIELD_OVERSHOOT, 1.0 + FIELD_OVERSHOOT
    together = local.T.astype(np.int64) @ local.astype(np.int64)
    for a, b in zip(*np.nonzero(np.triu(together, 1)), strict=True):
        which = np.flatnonzero(local[:, a] & local[:, b])
        chord = vertices[b] - vertices[a]
        offset = own[which] - vertices[a]
        t = np.clip(offset @ chord / float(chord @ chord), low, high)
        distance = np.linalg.norm(offset - t[:, None] * chord, axis=1)
        for past in _PAST:  # overshoot the picture's range clipped (yellow past jet's)
            point = np.clip(vertices[a] + past * chord, 0.0, 255.0) - vertices[a]  # (DN)
            gap = np.linalg.norm(offset - point, axis=1)
            t = np.where(gap < distance, past, t)
            distance = np.minimum(distance, gap)
        better = distance < best[which]
        best[which[better]] = distance[better]
        nearer[which[better]] = np.where(t[better] < 0.5, a, b)
    for a, b, c in itertools.combinations(range(n_colors), 3):
        if not (together[a, b] and together[a, c] and together[b, c]):
            continue
        which = np.flatnonzero(local[:, a] & local[:, b] & local[:, c])
        if not len(which):
            continue
        sides = np.stack([vertices[b] - vertices[a], vertices[c] - vertices[a]], axis=1)
        offset = own[which] - vertices[a]
        weights = np.linalg.lstsq(sides, offset.T, rcond=None)[0].T  # (u, v) per pixel
        inside = (weights.min(axis=1) >= low) & (weights.sum(axis=1) <= high)
        point = np.clip(weights @ sides.T + vertices[a], 0.0, 255.0) - vertices[a]  # (DN)
        distance = np.linalg.norm(offset - point, axis=1)
        better = inside & (distance < best[which])
        best[which[better]] = distance[better]
        thirds = np.column_stack([1.0 - weights.sum(axis=1), weights])
        nearer[which[better]] = np.array([a, b, c])[np.argmax(thirds[better], axis=1)]
    found = best <= tolerance
    nearer[~found] = -1
    return found, nearer


def field_share(
    codes: np.ndarray, sample: np.ndarray, scale: float, line: Polyline, threshold: float
) -> tuple[float, np.ndarray, np.ndarray]:
    """Share of a sample's pixels past ``threshold`` (DN) from the map that are means of
    the painted colors around them (:func:`field_blends`), with those pixels (flat
    indices) and whether each is one."""
    none = np.empty(0, dtype=np.int64)
    if sample.ndim != 3 or len(line.vertices) > MIX_MAX_COLORS:
        return 0.0, none, none.astype(bool)
    position = np.empty(len(codes), dtype=np.float64)
    residual = np.empty(len(codes), dtype=np.float32)
    ambiguous = np.empty(len(codes), dtype=bool)
    kernels.codes_to_fields(codes, kernels.RESIDUAL_MAX_CODE, position, residual, ambiguous)
    off = np.flatnonzero(~(residual <= threshold))
    if len(off) < FIELD_MIN_PIXELS:
        return 0.0, off, np.zeros(len(off), dtype=bool)
    flat = sample.reshape(-1, sample.shape[-1])
    found, _ = field_blends(
        flat, scale, sample.shape[1], off, residual <= threshold, position, line
    )  # fmt: skip
    return float(found.mean()), off, found
