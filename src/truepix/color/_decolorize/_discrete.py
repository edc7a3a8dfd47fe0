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

import math

import numba as nb
import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._exact import threshold_code
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._vertex import _JIT

__all__ = [
    "field_blends", "field_share", "flat_off_share", "line_mixtures", "mixed_cores",
    "mixture_distance", "ringing",
]  # fmt: skip

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
#: A core's pixels beyond the map's luma, or far off JPEG's model, are evidence of a
#: stroke (``_alone``) -- but for a discrete picture's that lie within MIX_CORE DN of a
#: mixture of two colors around them past the pair's ends by up to MIX_RINGING of the
#: pair's luma step (:func:`ringing`): JPEG's ringing where two flat fields meet, which
#: overshoots the darker and brighter color alike (at q50: 11-29 DN past the darkest
#: of jet's, turbo's and coolwarm's 4 colors, 7-18 % of the step). A few such pixels (8-11
#: per core) kept photographs' cores as strokes, and every core within 16-32 px with
#: them (``_discrete_screen.py``, JPEG q50: holes turbo / 4 / astronaut 1.82 / 0.88 %
#: (4:4:4 / 4:2:0), jet / 4 / astronaut 1.53 % after ``_alone.JPEG_STRUNG_LONG_SPREAD``,
#: coolwarm, listed5, turbo / 6 0.27-0.36 % -> 0.00 %). Matplotlib's black, white and gray
#: contours and text over jet, turbo, coolwarm through 4 and 11 intervals (q75 / q50):
#: flagged as before but for jet's 4 colors with black at q50, 22.2 -> 20.6 % (its
#: contours lie on the fields' edges, blue against yellow).
MIX_RINGING = 0.2
#: ... the colors those MIX_RINGING_RADIUS px around: a thin field (a photograph's dark
#: line, 1-3 px) JPEG moves off its color entirely, and it is found only farther
#: along, past the ringing (coolwarm / 4 / camera q50 4:2:0, the camera's tripod legs:
#: 0.53 % holes at MIX_RADIUS, 0.00 % at 6 and 8).
MIX_RINGING_RADIUS = 6
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
#: astronaut, smooth (256^2) resampled by Pillow, OpenCV and skimage 0.33x-3x: 0.53-1.0
#: (1st percentile 0.60); matplotlib figures of 4 maps x 6, 11 intervals x camera,
#: smooth with black, white and gray text and contours: PNG 0.01-0.33 (white on
#: coolwarm), JPEG q90 up to 0.70 (JPEG's own marks decide those).
FIELD_SHARE = 0.4
FIELD_MIN_PIXELS = 20
#: A discrete picture's thin lines of data (a photograph's 1-3 px line, one of the few
#: colors across a field of another) keep their color's luma under JPEG, and 4:2:0
#: mixes their chroma with the field's beside them: ``_lines`` took their chains for
#: one ink drawn over several fields, off the map by 35-60 DN (the inks 2-5 DN from a
#: color's luma). A chain whose ink lies within ``luma`` DN of one painted color's luma,
#: its field within ``luma`` of another's, and its chroma within LINE_MIX_CHROMA DN of
#: the segment between the two colors' chroma is such a line (:func:`line_mixtures`).
LINE_MIX_CHROMA = 4.0
#: ... the line's color LINE_MIX_MOST of the mixture's chroma or less: a chain whose
#: chroma is the field's tells nothing of its ink's (gray contours over coolwarm's
#: 11 colors, JPEG q75, lay within 0-1.4 DN of a blue as luma-dark as they, at the
#: field's end: 92.3 -> 91.1 % flagged at 1.0).
LINE_MIX_MOST = 0.8


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


def line_mixtures(
    ink: np.ndarray, field: np.ndarray, chroma: np.ndarray, ycc: np.ndarray, luma: float
) -> np.ndarray:
    """Per chain (``_lines``: its ink's luma, its field's luma, its median Cb Cr, DN):
    whether it is a thin line of one painted color (``ycc``: the colors in Y Cb Cr)
    across a field of another, its chroma mixed with the field's (LINE_MIX_CHROMA)."""
    return line_gaps(ink, field, chroma, ycc, luma) <= LINE_MIX_CHROMA


def line_gaps(
    ink: np.ndarray, field: np.ndarray, chroma: np.ndarray, ycc: np.ndarray, luma: float
) -> np.ndarray:
    """Per chain: the chroma distance (DN) of :func:`line_mixtures`, infinite where no
    two colors' luma match its ink's and its field's."""
    best = np.full(len(ink), np.inf)
    for first in range(len(ycc)):
        inked = np.abs(ink - ycc[first, 0]) <= luma
        for second in range(len(ycc)):
            which = np.flatnonzero(inked & (np.abs(field - ycc[second, 0]) <= luma))
            if second == first or len(which) == 0:
                continue
            a, step = ycc[first, 1:], ycc[second, 1:] - ycc[first, 1:]
            length = float(step @ step)
            offset = chroma[which] - a
            if length == 0:
                continue
            t = np.clip(offset @ step / length, 0.0, LINE_MIX_MOST)
            gap = np.linalg.norm(offset - t[:, None] * step, axis=1)
            best[which] = np.minimum(best[which], gap)
    return best


def mixture_distance(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, candidates: np.ndarray,
    on_map: np.ndarray, line: Polyline, ycc: np.ndarray, overshoot: float = 0.0,
    radius: int = MIX_RADIUS,
) -> np.ndarray:  # fmt: skip
    """Distance (DN, Y Cb Cr) of each candidate to the nearest mixture of two colors of
    the map found around it: luma between theirs, chroma on the segment between theirs
    (each in its own proportion), both past either color by up to ``overshoot`` of
    their step (JPEG's ringing), the colors those ``radius`` around.

    ``on_map``: flat mask of the pixels whose ``position`` (fraction of the map) names
    their color; the colors around a candidate are theirs. Infinite where
    fewer than two colors are around, or the map has more than MIX_MAX_COLORS colors.
    """
    distance = np.full(len(candidates), np.inf)
    n_colors = len(line.vertices)
    if len(candidates) == 0 or n_colors > MIX_MAX_COLORS:
        return distance
    height = len(position) // width
    # the nearest vertex (a painted color) to each on-map pixel's position around
    middles = (line.positions[1:] + line.positions[:-1]) / 2.0
    around = degraded.window_pixels(candidates, width, height, radius)
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
        past = overshoot * abs(a[0] - b[0])
        low, high = min(a[0], b[0]) - past, max(a[0], b[0]) + past
        off_luma = np.maximum(np.maximum(low - luma, luma - high), 0.0)
        step = b[1:] - a[1:]
        length = float(step @ step)
        chroma = observed[which, 1:] - a[1:]
        t = np.zeros(len(which))
        if length > 0:
            t = np.clip(chroma @ step / length, -overshoot, 1.0 + overshoot)
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


def ringing(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, candidates: np.ndarray,
    line: Polyline, groups: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Per candidate (flat indices, past JPEG's candidate residual): whether it is a
    core's pixel (``groups`` > 0) within MIX_CORE DN of a mixture of the colors around
    it rung past their ends (MIX_RINGING: :func:`mixture_distance`, the colors of the
    pixels MIX_RINGING_RADIUS around that are no candidates)."""
    from truepix.color._decolorize._plan import _YCBCR  # (``_plan`` imports this module)

    cored = np.flatnonzero(groups > 0)
    rung = np.zeros(len(groups), dtype=bool)
    if len(cored) == 0:
        return rung
    on_map = np.ones(len(position), dtype=bool)
    on_map[candidates] = False
    distance = mixture_distance(
        flat, scale, width, position, candidates[cored], on_map, line, _YCBCR, MIX_RINGING,
        MIX_RINGING_RADIUS,
    )  # fmt: skip
    rung[cored[distance <= MIX_CORE]] = True
    return rung


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
    # each pixel's colors as bits: its painted color, or the two it is a blend of
    place = np.interp(np.nan_to_num(position) * line.n_bins, line.positions, np.arange(n_colors))
    below = np.floor(place).astype(np.int64)
    share = place - below
    above = np.minimum(below + 1, n_colors - 1)
    known = on_map & np.isfinite(position)
    one = np.uint64(1)
    bits = np.where(known & (share < 1.0 - FIELD_END), one << below.astype(np.uint64), 0)
    bits |= np.where(known & (share > FIELD_END), one << above.astype(np.uint64), 0)
    around = np.zeros(n, dtype=np.uint64)
    _window_bits(bits.astype(np.uint64), candidates, width, len(flat) // width, radius, around)
    own = flat[candidates, :3].astype(np.float64) * scale
    _fit_blends(own, around, vertices.astype(np.float64), FIELD_OVERSHOOT, _PAST, best, nearer)
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


@nb.njit(**_JIT)
def _window_bits(bits, candidates, width, height, radius, out):  # pragma: no cover - jitted
    """``out[i]``: the OR of ``bits`` (flat, rows of ``width``) over the square of
    ``radius`` around pixel ``candidates[i]``, clipped to the picture."""
    for i in range(len(candidates)):
        y, x = candidates[i] // width, candidates[i] % width
        found = np.uint64(0)
        for yy in range(max(0, y - radius), min(height, y + radius + 1)):
            for xx in range(max(0, x - radius), min(width, x + radius + 1)):
                found |= bits[yy * width + xx]
        out[i] = found


@nb.njit(**_JIT)
def _fit_blends(own, around, vertices, overshoot, past, best, nearer):  # pragma: no cover
    """Per pixel (``own``, DN): the distance to the nearest mean of two or three of the
    colors ``around`` names (bits into ``vertices``), ``overshoot`` past the segment's
    (triangle's) ends and clipped to [0, 255] (tried at ``past``), into ``best``; the
    color that mean weighs most into ``nearer``."""
    n_colors = len(vertices)
    present = np.empty(n_colors, np.int64)
    for i in range(len(own)):
        k = 0
        for c in range(n_colors):
            if (around[i] >> np.uint64(c)) & np.uint64(1):
                present[k] = c
                k += 1
        x0, x1, x2 = own[i, 0], own[i, 1], own[i, 2]
        for p in range(k):
            a0, a1, a2 = vertices[present[p], 0], vertices[present[p], 1], vertices[present[p], 2]
            d0, d1, d2 = x0 - a0, x1 - a1, x2 - a2
            for q in range(p + 1, k):
                c0 = vertices[present[q], 0] - a0
                c1 = vertices[present[q], 1] - a1
                c2 = vertices[present[q], 2] - a2
                length2 = c0 * c0 + c1 * c1 + c2 * c2
                if length2 <= 0.0:
                    continue
                t = (d0 * c0 + d1 * c1 + d2 * c2) / length2
                t = min(max(t, -overshoot), 1.0 + overshoot)
                distance = _gap(x0, x1, x2, a0 + t * c0, a1 + t * c1, a2 + t * c2, False)
                for s in past:  # (the picture's range clips an overshoot)
                    clipped = _gap(x0, x1, x2, a0 + s * c0, a1 + s * c1, a2 + s * c2, True)
                    if clipped < distance:
                        distance, t = clipped, s
                if distance < best[i]:
                    best[i] = distance
                    nearer[i] = present[p] if t < 0.5 else present[q]
                for r in range(q + 1, k):
                    e0 = vertices[present[r], 0] - a0
                    e1 = vertices[present[r], 1] - a1
                    e2 = vertices[present[r], 2] - a2
                    # least squares a + u c + v e, then clipped to the range
                    g12, g22 = c0 * e0 + c1 * e1 + c2 * e2, e0 * e0 + e1 * e1 + e2 * e2
                    b1, b2 = d0 * c0 + d1 * c1 + d2 * c2, d0 * e0 + d1 * e1 + d2 * e2
                    det = length2 * g22 - g12 * g12
                    if det <= 1e-9 * length2 * g22:
                        continue
                    u = (g22 * b1 - g12 * b2) / det
                    v = (length2 * b2 - g12 * b1) / det
                    if min(u, v) < -overshoot or u + v > 1.0 + overshoot:
                        continue
                    distance = _gap(
                        x0, x1, x2, a0 + u * c0 + v * e0, a1 + u * c1 + v * e1,
                        a2 + u * c2 + v * e2, True,
                    )  # fmt: skip
                    if distance < best[i]:
                        best[i] = distance
                        w = 1.0 - u - v
                        nearer[i] = present[p] if w >= max(u, v) else (
                            present[q] if u >= v else present[r]
                        )  # fmt: skip


@nb.njit(inline="always", **_JIT)
def _gap(x0, x1, x2, y0, y1, y2, clip):  # pragma: no cover - jitted
    """Distance (DN) from x to y, y clipped to [0, 255] when ``clip``."""
    if clip:
        y0, y1, y2 = min(max(y0, 0.0), 255.0), min(max(y1, 0.0), 255.0), min(max(y2, 0.0), 255.0)
    return math.sqrt((x0 - y0) ** 2 + (x1 - y1) ** 2 + (x2 - y2) ** 2)
