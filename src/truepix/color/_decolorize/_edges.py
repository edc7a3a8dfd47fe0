"""Off-map pixels that blend the two sides of an edge of the data.

A picture resampled (downscaled, upscaled, interpolated) before it was JPEG'd holds
blends of neighbouring map colors wherever the data has an edge: a pixel part one
side, part the other, off the map when the two colors lie far apart on it. JPEG
then moves them further (chroma subsampling, ringing), out of reach of its own
model, which expects map colors. Such a pixel still lies between its two
neighbours across the edge (:func:`edge_blends`). So do some pixels of strokes drawn
over a JPEG'd picture (4:2:0 shares a thin stroke's chroma with its neighbour), but
few of them: how many of a picture's off-map pixels lie strictly between their
neighbours, by luma, tells a resampled picture (:func:`resized_blends`) -- unless
their two sides mostly come back together past those neighbours: the edges of a
colored stroke over a smooth field (:func:`inked_share`), or strokes in a neutral ink
strung over the picture (``_neutral.strung_neutral``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numba as nb
import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize._kernels import _JIT, rgb_rows
from truepix.color._decolorize._neutral import neutral_ridges, neutral_strokes, strung_neutral
from truepix.color._decolorize._plan import _YCBCR, JPEG_CHROMA_WEIGHT

__all__ = [
    "EdgeTest", "beyond_cores", "edge_blends", "inked_share", "one_ink", "resized_blends",
    "smooth_blends",
]

#: Opposite neighbours this many pixels away along a row, a column or a diagonal
#: flank a blend: a 0.33x-0.5x downscale blends over one pixel, a 2x upscale over two
#: or three.
EDGE_REACHES = (1, 2, 3)
_DIRECTIONS = ((0, 1), (1, 0), (1, 1), (1, -1))


#: A picture resized before it was JPEG'd holds blends of the two sides of its
#: data's edges, off the map where the map bends (``_edges``), which JPEG's model
#: (map colors, chroma subsampled) does not explain: they strung into strokes and
#: became holes (0.8-12 % on jet, turbo, rainbow photographs). Such a picture is
#: known by its candidates past the threshold -- those farther than
#: EDGE_STROKE_RADIUS (a JPEG block) from any beyond the map's luma: black and
#: white strokes and the ringing beside them -- more than RESAMPLED_SHARE of
#: which lie strictly between two opposite neighbours on the map (by luma:
#: EDGE_LUMA DN or more apart, 10-90 % (EDGE_MARGIN) of the way, within
#: EDGE_TOLERANCE DN of their segment, chroma weighted EDGE_SHARE_CHROMA).
#: Measured: benchmarks/colormaps.py's annotated pictures at q75 (10 maps, 4:2:0 and
#: 4:4:4) 0.006-0.047; matplotlib's contour and text figures
#: (tests/color/_photographs.contour_figure) 0.013-0.136 (black on jet); the green
#: coastline and gray text on viridis (tests/color/test_decolorize_branches.py)
#: 0.148 / 0.180 / 0.188 at q90 / q75 / q50; resized-then-JPEG'd photographs
#: (10 maps, 8 resamplers of Pillow and OpenCV, 0.33-2x, q50-q95) 0.23-0.92, but
#: for jet's astronaut shrunk 0.33x by area at q50 (0.146: JPEG's own damage
#: dominates; 12 % holes left). With chroma weighted 0.1 the strokes reached 0.23,
#: at 1.0 the resized pictures fell to 0.13. On such a picture the candidates within
#: EDGE_BLEND_TOLERANCE DN (chroma weighted JPEG_CHROMA_WEIGHT) of a segment between
#: opposite neighbours on the map (EDGE_STEP DN or more apart in RGB, past
#: either end by up to EDGE_OVERSHOOT of it: cubic and Lanczos lobes) -- and,
#: EDGE_PASSES times over, between those and others (a fine detail's blends
#: flank each other) -- are data: they start no core and are never off the map
#: (3 passes and 12 DN left 0.39 % holes on turbo's coffee shrunk 0.5x by area at
#: q75, 0.56 % on jet's coffee 0.75x at q95; 8 and 16 DN: 0.00 and 0.21 %) --
#: but for those near black and white strokes, as counted above. Gray maps are left
#: out (their resized pictures stay on the map), and cyclic ones: blends of a loop's
#: colors fill its inside, strokes' colors too (twilight's figures with white and
#: magenta contours, benchmarks/_drawn_annotations.py: 0.65 and 0.32, white strokes
#: flagged 33 -> 13 %, magenta 26 -> 0 % with the rule; its resized pictures had
#: no holes without it).
RESAMPLED_SHARE = 0.2
#: ... or more than RESAMPLED_SHARE_LOW of them when at most RESAMPLED_OFF_MODEL of
#: the same candidates are cores' seeds (strongly off JPEG's model): a shrunk figure's
#: blends sit at 0.14-0.19 too, and JPEG's model explains most (0.03-0.14 seeds:
#: jet, turbo, rainbow photographs shrunk by OpenCV area / cubic, Pillow Lanczos, then
#: JPEG'd), where a stroke in a color near the map that reaches 0.15-0.19 is mostly
#: off the model (the green coastline and gray text on viridis, 0.20-0.22; every other
#: annotated picture measured under 0.14 or far off the model: 0.21-1.0).
#: trial16/user_tools_sweep.py, 4 maps x 3 photographs x 4 shrinks x 3 JPEGs: pictures
#: over 0.2 % holes 12 -> 6 of 144, worst 2.53 -> 0.78 %, error / k-d tree 0.803 ->
#: 0.777; benchmarks/colormaps.py's flags tables unchanged.
RESAMPLED_SHARE_LOW = 0.12
RESAMPLED_OFF_MODEL = 0.17
EDGE_LUMA = 16.0
EDGE_MARGIN = 0.1
EDGE_TOLERANCE = 12.0
EDGE_STEP = 24.0
EDGE_OVERSHOOT = 0.25
EDGE_PASSES = 8
EDGE_BLEND_TOLERANCE = 16.0
EDGE_STROKE_RADIUS = 8
#: ... the candidates beyond the map's luma that keep blends around off the map being
#: EDGE_STROKE_CORE or more in one core (``beyond_cores``): a stroke's ink keeps
#: cores of them, JPEG's ringing past the map's darkest or brightest color (a
#: resized photograph's sharp edges at q50-q90) lone pixels, 1-2 per core -- yet
#: one of them kept the blends in 17 x 17 px around it off the map. (Which pictures
#: are resized is still counted away from every one: with the cores only, the green
#: coastline and gray text on viridis, tests/color/test_decolorize_branches.py, were
#: taken for resized at q75 and q50 and lost every flag.) On
#: trial16/user_tools_sweep.py (5 maps x camera, astronaut, coffee x OpenCV area 0.5 /
#: 0.33, cubic 0.5, linear 2, Pillow Lanczos 0.5 x Pillow q90 / q75 / q50, OpenCV
#: q75) turbo's and jet's coffee shrunk 0.33x by area, q75, 0.78 / 0.52 % holes ->
#: 0.00 %.
EDGE_STROKE_CORE = 3
EDGE_SHARE_CHROMA = 0.3
#: A colored stroke over a smooth field -- red lines and text on coolwarm, turbo, RdBu_r,
#: JPEG'd q90 / q75 (tests/color/test_decolorize_colored_strokes.py) -- reaches
#: RESAMPLED_SHARE too (0.45-0.51 on coolwarm and RdBu_r, 0.24 on turbo): JPEG moves its
#: core onto the map's end (dark red), and its antialiased edge lies between that core and
#: the field; no stroke pixel seeded a core (0.0 % flagged). Unlike a data edge's blend,
#: the two sides come back together past the flanks (``inked_share``: within
#: EDGE_INK_EXTENT pixels, to within EDGE_INK_RETURN of the flanks' step): 0.66-0.71 of
#: those pictures' counted blends (jet's and Spectral's red, which the share never took
#: for resized: 0.60-0.70), 0.09-0.40 of resized-then-JPEG'd photographs' (jet, turbo,
#: rainbow, coolwarm; astronaut, coffee, camera; OpenCV area / cubic 0.33-0.5x, linear 2x,
#: Pillow Lanczos 0.5x; Pillow q90 / q75 / q50: 168 pictures, the highest coolwarm's camera
#: shrunk 0.5x by area). A fixed tolerance (16-40 DN) or luma alone overlapped both ways
#: (coolwarm's photographs' textures come back within 24 DN as often as turbo's red text).
#: Past EDGE_INK_SHARE of them the picture was not resized: its blends are strokes'.
#: trial16/user_tools_sweep.py (570 pictures, 5 maps) unchanged; a figure with red text
#: shrunk 0.5x by area, then JPEG'd: coolwarm's text flagged 0 -> 17-25 %, the data around
#: it 0.02-0.14 % holes (0 before); jet's and turbo's unchanged.
EDGE_INK_EXTENT = 3
EDGE_INK_RETURN = 0.5
EDGE_INK_SHARE = 0.53
#: ... and the strokes' ink stands at one place along the map (``one_ink``): EDGE_INK_ONE
#: or more of the returning candidates have a flank within EDGE_INK_WINDOW of the map's
#: length of the densest such place, or that place holds EDGE_INK_CONTRAST times the
#: flanks of the stretches of its length either side of it (what the field alone gives
#: there: a texture's flanks spread along the map, smoothly; an ink is a spike over
#: them). A noisy array drawn upsampled 2-3x by imshow (bilinear, hanning, the default
#: antialiased: RGBA blends of its neighbours' colors), then JPEG'd, returns as often as
#: strokes do (0.57-0.76: its texture swings back at the kernel's scale): its densest
#: place holds 0.23-0.46 of them, 1.3-3.2 times its sides (jet, turbo, rainbow; noise
#: 0.2-0.8 of the field's range; 4 seeds; q75 / q90), where red lines and text over a
#: smooth field or a photograph (coolwarm, turbo, RdBu_r, RdYlBu, jet) give 0.59-0.90 /
#: 4.0-29, and over skimage's brick 0.53 / 3.2 (RdBu_r) and 0.27 / 3.8 (RdYlBu: the
#: brick's own blends spread the flanks; tests/color/test_decolorize_grains.py).
#: benchmarks/interp2/features.py.
EDGE_INK_ONE = 0.52
EDGE_INK_CONTRAST = 3.5
EDGE_INK_WINDOW = 5 / 256
_INK_BINS = 256
#: A noisy array drawn 2-3x larger by a smoothing kernel that does not interpolate --
#: matplotlib's "bicubic" (Agg's cubic B-spline: no negative lobes, spot peaks cut to
#: 40 %) and "gaussian" -- blends 3-4 of its cells' colors a pixel along each axis: off
#: the segment between any two neighbours, so only 0.13-0.26 of its candidates lie
#: between two (jet, turbo, rainbow; noise 0.4-0.8; q75), as of some annotated pictures
#: (the green coastline and gray text on viridis: 0.15-0.19). Unlike a stroke's, their
#: luma varies at the pixel scale as the data's does (``smooth_blends``): the median of
#: the candidates' sharpest second difference (reach 1, any of 4 directions) is 1.6-3.9
#: times the data's, where strokes give 6.3 (red on skimage's brick) to 58 (contours,
#: text, coastlines: benchmarks/interp3/variants.py). Past RESAMPLED_SHARE_LOW, candidates
#: within EDGE_SMOOTH_RATIO of the data's sharpness (and no flatter than
#: EDGE_SMOOTH_FLAT of it: a fill's flat inside) are a resized picture's blends.
EDGE_SMOOTH_RATIO = 4.5
EDGE_SMOOTH_FLAT = 0.5
#: The data's sharpness must reach this (DN): a picture planar at the pixel scale (a
#: gouraud pcolormesh, linear ramps between nodes 13 px apart: 0.93 DN, JPEG q85) has no
#: pixel-scale texture to compare with -- its candidates' sharpness is JPEG's noise, and
#: taking its smoothest ones left the sharp rest (2.6 % of the picture) to ``_spans``,
#: which no longer saw a planar picture and filled none; its blends are ``_spans``'s.
#: Smoothed noisy arrays: 4.7-7.3 DN (bicubic, gaussian; jet, turbo, rainbow; q75, q90).
EDGE_SMOOTH_FIELD = 2.5
#: (at most this many of the data's pixels are sampled for its sharpness)
EDGE_SMOOTH_SAMPLE = 20000


@dataclass(frozen=True)
class EdgeTest:
    """How a pixel lies between two opposite neighbours.

    Distances in YCbCr (``ycc`` rows: luma, Cb, Cr; DN) with chroma weighted by
    ``chroma_weight``: JPEG keeps luma at full resolution and moves chroma. The pixel
    lies within ``tolerance`` of the point ``t`` along the segment joining the
    neighbours, which are more than ``min_step`` apart. ``by_luma``: ``t`` is where
    its luma lies between theirs, within [``margin``, 1 - ``margin``], the neighbours
    ``min_step`` apart in luma (chroma 4:2:0 shares with a thin stroke's neighbour);
    otherwise ``t`` is the projection, clipped to [-``margin``, 1 + ``margin``]
    (cubic and Lanczos kernels' lobes), the neighbours ``min_step`` apart in RGB.
    """

    ycc: np.ndarray
    chroma_weight: float
    tolerance: float
    min_step: float
    margin: float
    by_luma: bool


def edge_blends(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, flank: np.ndarray,
    test: EdgeTest, passes: int,
) -> np.ndarray:  # fmt: skip
    """Per candidate (sorted flat indices into rows of ``width``): whether it lies
    between two opposite neighbours (EDGE_REACHES) that may ``flank`` an edge (a
    flat mask: data near the map), by ``test``. Blends found flank more blends,
    ``passes`` times over: a fine detail's blends lie between other blends."""
    found = np.zeros(len(candidates), dtype=bool)
    flank = flank.copy()
    # a candidate found in no pass stays so until a neighbour joins the flank: later
    # passes test only the candidates left, and only pairs with a new (``fresh``) flank
    todo, fresh = np.arange(len(candidates)), flank
    joined = np.zeros(len(flank), dtype=bool)  # (one mask, its last pass's cleared)
    last = candidates[:0]
    for _ in range(passes):
        more = _between(flat, scale, width, candidates[todo], flank, test, fresh)
        if not more.any():
            break
        new = todo[more]
        found[new] = True
        flank[candidates[new]] = True
        joined[last] = False
        last = candidates[new]
        joined[last] = True
        fresh = joined
        todo = todo[~more]
    return found


def _between(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, flank: np.ndarray,
    test: EdgeTest, fresh: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Per candidate: whether it lies between two ``flank`` neighbours, one of them
    ``fresh`` (pass ``flank`` itself to test every pair)."""
    return _between_pairs(flat, scale, width, candidates, flank, test, fresh)[0]


def _between_pairs(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, flank: np.ndarray,
    test: EdgeTest, fresh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """``_between``, and per candidate the index into ``_steps()`` of the pair it lies
    between (-1: none)."""
    found = np.zeros(len(candidates), dtype=bool)
    pair = np.full(len(candidates), -1, dtype=np.int64)
    if not len(candidates):
        return found, pair
    weights = np.sqrt(np.array([1.0, test.chroma_weight, test.chroma_weight]))
    metric = np.ascontiguousarray(test.ycc * weights[:, None], dtype=np.float64)
    _between_kernel(
        flat, float(scale), width, len(flat) // width, candidates, flank, fresh, metric,
        _steps(), test.by_luma, float(test.tolerance), float(test.min_step), float(test.margin),
        found, pair,
    )  # fmt: skip
    return found, pair


def _steps() -> np.ndarray:
    """(dy, dx) of the opposite neighbours tested, by direction then reach (EDGE_REACHES)."""
    return np.array(
        [(dy * reach, dx * reach) for (dy, dx) in _DIRECTIONS for reach in EDGE_REACHES],
        dtype=np.int64,
    )


@nb.njit(inline="always", **_JIT)
def _metric_row(flat, p, scale, metric, k):  # pragma: no cover - jitted
    """Row k of pixel p's metric color (``flat`` scaled by ``scale``, then ``metric``)."""
    value = 0.0
    for j in range(3):
        value += flat[p, j] * scale * metric[k, j]
    return value


@nb.njit(inline="always", **_JIT)
def _step_row(s0, s1, s2, metric, k):  # pragma: no cover - jitted
    """Row k of the metric of an RGB step (s0, s1, s2)."""
    value = 0.0
    value += s0 * metric[k, 0]
    value += s1 * metric[k, 1]
    value += s2 * metric[k, 2]
    return value


@nb.njit(**_JIT)
def _between_kernel(  # pragma: no cover - jitted
    flat, scale, width, height, candidates, flank, fresh, metric, steps, by_luma, tolerance,
    min_step, margin, found, pair,
):  # fmt: skip
    """One candidate at a time (a loop: numpy's passes over a few thousand candidates
    cost 2-6 ms per JPEG'd picture in call overhead): the first (step, -step) pair of
    ``flank`` neighbours, one of them ``fresh``, it lies between, by ``_between``'s
    test. The candidate's own metric color is made when a pair needs it; colors and
    steps are scalars, not scratch arrays (jet's and turbo's 1 MP photographs, q75:
    35 -> 26 and 29 -> 21 ms on one thread, the same sums in the same order)."""
    for i in range(len(candidates)):
        y, x = candidates[i] // width, candidates[i] % width
        have_own = False
        own0 = own1 = own2 = 0.0
        for n in range(len(steps)):
            ay, ax, by, bx = y + steps[n, 0], x + steps[n, 1], y - steps[n, 0], x - steps[n, 1]
            if ay >= height or by < 0 or min(ax, bx) < 0 or max(ax, bx) >= width:
                continue
            ahead, behind = ay * width + ax, by * width + bx
            # (fresh first: after the first pass few pixels are)
            if not ((fresh[ahead] or fresh[behind]) and flank[ahead] and flank[behind]):
                continue
            s0 = (float(flat[ahead, 0]) - float(flat[behind, 0])) * scale
            s1 = (float(flat[ahead, 1]) - float(flat[behind, 1])) * scale
            s2 = (float(flat[ahead, 2]) - float(flat[behind, 2])) * scale
            # the cheap tests first: most pairs lie on smooth data, too close to flank
            step2 = s0**2 + s1**2 + s2**2
            if not by_luma and step2 <= min_step**2:
                continue
            if not have_own:
                own0 = _metric_row(flat, candidates[i], scale, metric, 0)
                own1 = _metric_row(flat, candidates[i], scale, metric, 1)
                own2 = _metric_row(flat, candidates[i], scale, metric, 2)
                have_own = True
            start0 = _metric_row(flat, behind, scale, metric, 0)
            segment0 = _step_row(s0, s1, s2, metric, 0)
            t = 0.0
            if by_luma:  # (the luma row decides first)
                t = (own0 - start0) / (segment0 if segment0 != 0.0 else 1.0)
                if not (abs(segment0) > min_step and margin <= t <= 1.0 - margin):
                    continue
            start1 = _metric_row(flat, behind, scale, metric, 1)
            segment1 = _step_row(s0, s1, s2, metric, 1)
            start2 = _metric_row(flat, behind, scale, metric, 2)
            segment2 = _step_row(s0, s1, s2, metric, 2)
            if not by_luma:
                length2 = max(segment0**2 + segment1**2 + segment2**2, 1e-9)
                t += (own0 - start0) * segment0
                t += (own1 - start1) * segment1
                t += (own2 - start2) * segment2
                t = min(max(t / length2, -margin), 1.0 + margin)
            gap = 0.0
            gap += (own0 - start0 - t * segment0) ** 2
            gap += (own1 - start1 - t * segment1) ** 2
            gap += (own2 - start2 - t * segment2) ** 2
            if gap <= tolerance**2:
                found[i] = True
                pair[i] = n
                break


def inked_share(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, pair: np.ndarray,
) -> float:  # fmt: skip
    """Share of the ``candidates`` (each between the pair ``pair`` indexes into
    ``_steps()``) whose two sides come back together past their flanks: the colors up
    to EDGE_INK_EXTENT pixels beyond the two flanks, one each side, lie within
    EDGE_INK_RETURN of the flanks' step of each other -- a thin stroke's edge over a
    field with no edge of its own there; 0 without candidates."""
    if not len(candidates):
        return 0.0
    return float(np.mean(_returning(flat, scale, width, candidates, pair)))


def _returning(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, pair: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Per candidate: ``inked_share``'s test."""
    back = np.zeros(len(candidates), dtype=bool)
    if len(candidates):
        reaches = np.array(EDGE_REACHES, dtype=np.int64)
        _returns_kernel(
            flat, float(scale), width, len(flat) // width, candidates, pair, _steps(),
            reaches, EDGE_INK_EXTENT, float(EDGE_INK_RETURN), back,
        )  # fmt: skip
    return back


def one_ink(
    position: np.ndarray, width: int, candidates: np.ndarray, pair: np.ndarray
) -> tuple[float, float]:
    """Where the flanks of the ``candidates`` (each between the pair ``pair`` indexes
    into ``_steps()``) lie along the map (``position``: each pixel's, in [0, 1]): the
    share of the candidates with a flank within EDGE_INK_WINDOW of the densest place,
    and how many times the flanks of the stretches of that length either side of it
    (their mean, at least one) that place holds; (0, 0) without candidates."""
    if not len(candidates):
        return 0.0, 0.0
    steps = _steps()[pair]
    offsets = steps[:, 0] * width + steps[:, 1]
    flanks = np.stack([candidates + offsets, candidates - offsets])
    bins = np.clip(np.nan_to_num(position[flanks]) * _INK_BINS, 0, _INK_BINS - 1)
    bins = bins.astype(np.int64)
    reach = round(EDGE_INK_WINDOW * _INK_BINS)
    dense = np.convolve(np.bincount(bins.ravel(), minlength=_INK_BINS),
                        np.ones(2 * reach + 1), "same")  # fmt: skip
    mode = int(np.argmax(dense))
    share = float(np.mean((np.abs(bins - mode) <= reach).any(axis=0)))
    sides = [dense[i] if 0 <= i < _INK_BINS else 0.0
             for i in (mode - 2 * reach - 1, mode + 2 * reach + 1)]  # fmt: skip
    return share, float(dense[mode] / max(np.mean(sides), 1.0))


@nb.njit(**_JIT)
def _returns_kernel(  # pragma: no cover - jitted
    flat, scale, width, height, candidates, pair, steps, reaches, extent, fraction, back,
):  # fmt: skip
    """``inked_share``'s test, one candidate at a time."""
    for i in range(len(candidates)):
        reach = reaches[pair[i] % len(reaches)]
        dy, dx = steps[pair[i], 0] // reach, steps[pair[i], 1] // reach
        y, x = candidates[i] // width, candidates[i] % width
        ahead = (y + dy * reach) * width + x + dx * reach
        behind = (y - dy * reach) * width + x - dx * reach
        limit2 = 0.0
        for j in range(3):
            limit2 += ((float(flat[ahead, j]) - float(flat[behind, j])) * scale) ** 2
        limit2 *= fraction**2
        for ea in range(extent + 1):
            ay, ax = y + dy * (reach + ea), x + dx * (reach + ea)
            if not (0 <= ay < height and 0 <= ax < width) or back[i]:
                break
            for eb in range(extent + 1):
                by, bx = y - dy * (reach + eb), x - dx * (reach + eb)
                if not (0 <= by < height and 0 <= bx < width):
                    break
                gap, a, b = 0.0, ay * width + ax, by * width + bx
                for j in range(3):
                    gap += ((float(flat[a, j]) - float(flat[b, j])) * scale) ** 2
                if gap <= limit2:
                    back[i] = True
                    break


def smooth_blends(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, counted: np.ndarray,
    on_map: np.ndarray,
) -> np.ndarray | None:  # fmt: skip
    """Whether the ``counted`` candidates (flat indices) vary at the pixel scale as the
    data (``on_map``, a flat mask) does: the median of their sharpest luma second
    difference (reach 1, a row, a column or a diagonal) within [EDGE_SMOOTH_FLAT,
    EDGE_SMOOTH_RATIO] times the data's (EDGE_SMOOTH_SAMPLE of its pixels at most, the
    median at least EDGE_SMOOTH_FIELD DN: a picture planar at the pixel scale has none to
    compare with). If so, per candidate of ``candidates``: whether it is no
    sharper than EDGE_SMOOTH_RATIO times the data (a blend of 3 or more cells' colors,
    which no two neighbours make); else None."""
    data = np.flatnonzero(on_map)
    data = data[:: max(len(data) // EDGE_SMOOTH_SAMPLE, 1)]
    height = len(on_map) // width
    field = _sharpness(flat, scale, width, height, data)
    own = _sharpness(flat, scale, width, height, counted)
    if not (np.isfinite(own).any() and np.isfinite(field).any()):
        return None
    limit = float(np.nanmedian(field))
    if not limit >= EDGE_SMOOTH_FIELD:
        return None
    ratio = float(np.nanmedian(own)) / limit
    if not EDGE_SMOOTH_FLAT <= ratio <= EDGE_SMOOTH_RATIO:
        return None
    return _sharpness(flat, scale, width, height, candidates) <= EDGE_SMOOTH_RATIO * limit


def _sharpness(
    flat: np.ndarray, scale: float, width: int, height: int, pixels: np.ndarray
) -> np.ndarray:
    """Per pixel of ``pixels``: its largest luma second difference (DN) with its
    opposite neighbours along a row, a column or a diagonal (NaN on the border)."""
    y, x = pixels // width, pixels % width
    inside = (y > 0) & (y < height - 1) & (x > 0) & (x < width - 1)
    pixels = pixels[inside]
    luma = _YCBCR[0] * scale
    own = rgb_rows(flat, pixels) @ luma
    sharp = np.zeros(len(pixels))
    for dy, dx in _DIRECTIONS:
        offset = dy * width + dx
        ahead = rgb_rows(flat, pixels + offset) @ luma
        behind = rgb_rows(flat, pixels - offset) @ luma
        np.maximum(sharp, np.abs(2 * own - ahead - behind), out=sharp)
    out = np.full(len(inside), np.nan)
    out[inside] = sharp
    return out


def beyond_cores(beyond: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Per candidate: whether it is ``beyond`` the map's luma in a core (``groups``, a
    label per candidate, 0: none) that holds EDGE_STROKE_CORE or more such pixels."""
    labelled = beyond & (groups > 0)
    if not labelled.any():
        return labelled
    count = np.bincount(groups[labelled], minlength=int(groups.max()) + 1)
    return labelled & (count[groups] >= EDGE_STROKE_CORE)


def resized_blends(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, on_map: np.ndarray,
    seeds: np.ndarray, beyond: np.ndarray, inked: np.ndarray | None = None,
    position: np.ndarray | None = None, smoothed: np.ndarray | None = None,
) -> tuple[np.ndarray, bool]:  # fmt: skip
    """Per candidate: whether it blends the two sides of an edge of the data
    (``edge_blends``), on a picture resized before it was JPEG'd: one whose
    candidates past the threshold (``on_map`` false), away from those ``beyond``
    the map's luma (black and white strokes, and the field's JPEG ringing beside
    them), lie strictly between their neighbours often (RESAMPLED_SHARE) -- but for one
    whose neutral ridges string into long groups (``_neutral.strung_neutral``: gray,
    black or white strokes, whose fringes and JPEG's ringing lie so too). No blend lies
    near an ``inked`` candidate (a stroke's core beyond the map's luma:
    ``beyond_cores``; default ``beyond``). ``position``: each pixel's position along the
    map in [0, 1] (``one_ink``; without it the returning share alone decides). A picture
    whose candidates are as smooth as the data (``smooth_blends``) is resized too: its
    smooth candidates are blends (also on one the share took), and set in ``smoothed`` (a
    mask per candidate) if given and the share did not take it: a shrunk figure's light gray
    strokes are as smooth, and no ink's peak is left without them."""
    height = len(on_map) // width
    stroked = np.zeros(len(on_map), dtype=bool)
    if beyond.any():
        degraded.near(candidates[beyond], width, height, EDGE_STROKE_RADIUS, stroked)
    kept = ~on_map[candidates] & ~stroked[candidates]
    counted = candidates[kept]
    strict = EdgeTest(_YCBCR, EDGE_SHARE_CHROMA, EDGE_TOLERANCE, EDGE_LUMA, EDGE_MARGIN, True)
    found, pair = _between_pairs(flat, scale, width, counted, on_map, strict, on_map)
    share = float(np.mean(found)) if len(counted) else 0.0
    off_model = float(seeds[kept].mean()) if len(counted) else 1.0
    resized = share > RESAMPLED_SHARE or (
        share > RESAMPLED_SHARE_LOW and off_model <= RESAMPLED_OFF_MODEL
    )
    # ... but for strokes in one ink, their edges between ink and field (EDGE_INK_SHARE)
    if resized:
        back = _returning(flat, scale, width, counted[found], pair[found])
        resized = float(np.mean(back)) < EDGE_INK_SHARE
        if not resized and position is not None:  # ... in one ink (EDGE_INK_ONE)
            share_one, contrast = one_ink(
                position, width, counted[found][back], pair[found][back]
            )
            resized = share_one < EDGE_INK_ONE and contrast < EDGE_INK_CONTRAST
    smooth = None  # ... or a smoothing kernel's blends, as smooth as the data's
    by_share = resized  # (then they are blends, but no ink's peak is left without them)
    if share > RESAMPLED_SHARE_LOW:
        smooth = smooth_blends(flat, scale, width, candidates, counted, on_map)
        resized = resized or smooth is not None
    ridges = None  # (the neutral ridges, made once for both questions)
    if resized:
        past = ~on_map[candidates]
        ridges = neutral_ridges(flat, scale, width, candidates, past)
        resized = not strung_neutral(flat, scale, width, candidates, past, ridges)
    if not resized:
        return np.zeros(len(candidates), dtype=bool), False
    loose = EdgeTest(
        _YCBCR, JPEG_CHROMA_WEIGHT, EDGE_BLEND_TOLERANCE, EDGE_STEP, EDGE_OVERSHOOT, False
    )
    blend = edge_blends(flat, scale, width, candidates, on_map, loose, EDGE_PASSES)
    if inked is not None:
        stroked[:] = False
        degraded.near(candidates[inked], width, height, EDGE_STROKE_RADIUS, stroked)
    # ... nor is a thin stroke's pixel in a gray ink inside the map's luma (_neutral)
    blend &= ~neutral_strokes(flat, scale, width, candidates, past, ridges)
    if smooth is not None:  # (a smoothing kernel blurs spots into ridges, gray ones too)
        blend |= smooth
        if smoothed is not None and not by_share:
            smoothed[:] = smooth & ~stroked[candidates]
    return blend & ~stroked[candidates], True
