"""The resampled path: off-map pixels of resampled pictures that are data all the same.

A resampled (downscaled, upscaled, interpolated) picture holds blends of its
neighbours' map colors. Each pixel far from the map gets the best blend of two
neighbours (``_degraded.unmix``); what is still off the map is judged by the map
colors around it (``_hull``): blends of the local arc, lone specks and thin
details blended into their neighbours are data, antialiased strokes and colors no
map colors make are not.
"""

from __future__ import annotations

import itertools

import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize._discrete import field_blends
from truepix.color._decolorize._exact import interpolated, ramps
from truepix.color._decolorize._fills import fill_pixels, mostly_off
from truepix.color._decolorize._hull import (
    hull_accept,
    lone_specks,
    simplify,
    strokes,
    thin_blends,
)
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import Plan
from truepix.color._decolorize._quantized import palette_cells
from truepix.color._decolorize._repeats import stroke_edges
from truepix.color._decolorize._spans import between

__all__ = ["blends", "unmixed"]

#: The chords end at neighbours within this many DN of the map (exact pictures: the
#: threshold): resampled pictures' neighbours are blends too. jet on photographs
#: 0.5x, error/k-d tree 0.80 -> 0.54 (inf: 0.48, but strokes on downscaled pictures
#: then anchor chords: turbo's black text 12 -> 6 % flagged).
UNMIX_ANCHOR_RESIDUAL = 40.0
#: ... and may extend past either end by this share of its length (``unmix``'s
#: overshoot; not on exact or palette pictures, whose blends are means): cubic and
#: Lanczos kernels weigh one side of an edge by more than 1, the other by less than
#: 0, and the truth -- the data resampled alike -- lies past the end as the color
#: does. 8 maps x 3 real fields (256^2), pooled error / k-d tree's: OpenCV cubic
#: 0.5x / 0.33x 0.91 / 0.86 -> 0.83 / 0.80, Lanczos4 0.33x 0.92 -> 0.86, Pillow
#: Lanczos 0.5x 0.83 -> 0.78 (viridis cameras 0.76 -> 0.53); linear kinds as before.
#: 0.1 gave most of it (0.83 / 0.81), 0.3 no more.
UNMIX_OVERSHOOT = 0.2
#: Off-map pixels of such pictures are still data when they lie within
#: max(HULL_MIN_TOLERANCE, HULL_SIGMAS * noise) DN of the convex hull of the map
#: colors between the lowest and highest position of the pixels HULL_RADIUS around
#: (``_decolor_hull``). Every pixel's projection marks the arc (HULL_ARC_RESIDUAL):
#: the pixels around a blend are blends too. Measured with benchmarks/colormaps.py
#: (holes on resampled textured fields 2.2 % -> 0.2 % mean, 24 % -> 1.8 % worst,
#: annotations on the smooth field flagged as before).
HULL_RADIUS = 4
HULL_MIN_TOLERANCE = 12.0
#: ... and on palette pictures (``Plan.palette``), whose off-map colors are means of
#: map colors within a few bins, in their hull but for rounding: black text on magma
#: (3-4 DN from its first color) is no such mean.
PALETTE_TOLERANCE = 3.0
HULL_SIGMAS = 3.0
HULL_ARC_RESIDUAL = np.inf
#: ... widened by this share of its length on each side: a filter (bilinear, area)
#: mixes source values that no neighbour keeps, the extremes of sharp detail.
#: Holes on jet and turbo photographs downscaled 0.5x/0.33x (Pillow, OpenCV):
#: worst 1.0 % -> 0.06 % (0.25: 0.27 %); gray strokes on *downscaled* annotated
#: pictures are flagged less (jet 58 -> 32 %); PNG and JPEG ones as before.
HULL_ARC_MARGIN = 0.5
#: ... and the tolerance widened to this share of the spread of the colors (and
#: lumas, for the luma-extreme test) of the 3x3 neighbours on the map: cubic and
#: Lanczos kernels have negative lobes (OpenCV's cubic 0.19 of the weight in 1-D,
#: Lanczos4 0.4) and overshoot the colors they blend by up to that share of the
#: contrast under them; the neighbours on the map show an edge of the data, not a
#: stroke's. Measured on 7 maps x 4 real fields x 11 resamplers x 0.33-2x
#: (256^2 fields as in benchmarks/colormaps.py): pictures over 0.2 % holes 37 -> 2 of
#: 1320 (hsv aside), OpenCV Lanczos4 0.5x worst 0.72 -> 0.20 %; 0.2 left 0.22 %, 0.3
#: 0.20 %.
HULL_OVERSHOOT = 0.25
#: ... the spread of the neighbours within this many DN of the map (the chords'
#: anchors, themselves blends): where the kernel only samples (OpenCV cubic, Lanczos
#: without antialiasing) few neighbours of a pixel beside fine detail are map colors.
#: seismic on photographs, OpenCV cubic / Pillow Lanczos 0.5x: holes 0.52 / 0.61 %
#: (a 3-color blend pushed 15-20 DN past the hull) -> 0.10 / 0.06 % with 40 DN
#: (12 DN: 0.18 / 0.10 %), pooled error / k-d tree's there 1.21 / 1.02 -> 0.77 / 0.69.
HULL_CONTRAST_RESIDUAL = UNMIX_ANCHOR_RESIDUAL
#: The hull is spanned by the map's corners: vertices Douglas-Peucker keeps at this
#: tolerance (DN).
HULL_CORNER_TOLERANCE = 1.0
#: Resampled pictures: off-map pixels the local hull does not explain are data when
#: within its tolerance of the whole map's hull, in 8-connected groups of fewer than
#: SPECK_PIXELS (``lone_specks``): a field's one-pixel peak (jet and turbo on
#: photographs: 20-70 DN off the local hull). Strokes are connected lines.
SPECK_PIXELS = 3
#: ... or when they blend their 3x3 neighbours on the map with at most THIN_SHARE of
#: any mean of map colors (``thin_blends``; within the hull's tolerance, or its
#: overshoot): a thin detail (a bright line, a dark speck) that the filter spread
#: over the pixels around it, none of which keeps its color, so that the local arc
#: misses it. Not on palette pictures (their off-map colors are means of map colors
#: nearby: black text on magma's palette would pass). 10 maps + hot, bwr, seismic x
#: 5 fields (256^2, as in benchmarks/colormaps.py), Pillow bilinear / bicubic and
#: OpenCV area 0.33x: worst 0.47 / 0.28 / 0.13 -> 0.11 / 0.03 / 0.00 % holes (fire,
#: hot, seismic cameras: a bright line blended 1:2 with dark neighbours). Strokes on
#: annotated cameras shrunk 0.5x/0.33x, flagged: black and white as before (+-2
#: points), gray text and lines lower (jet 38 -> 25 %, turbo 14 -> 5 %: gray is a
#: blend of a rainbow map's colors), field pixels lost lower (jet 0.77 -> 0.53 %,
#: hot 0.51 -> 0.13 %). As a single map color rather than a mean: fire / hot 0.17 /
#: 0.21 % holes left, gray strokes a few points more flagged.
THIN_SHARE = 0.5
#: ... and off-map pixels the local hull explains are not data when they are a
#: shrunk stroke (``strokes``): thin luma extremes -- one or two pixels darker or
#: brighter than both flanks across some direction by more than STROKE_LUMA DN --
#: whose color no blend of the flanks with a map color beyond them makes (within
#: STROKE_RAY DN), in 8-connected lines of STROKE_PIXELS or more. Antialiased text
#: and lines on annotated photographs downscaled 0.5x (Pillow bilinear / OpenCV area
#: / OpenCV cubic), flagged: black text on turbo 14 / 29 / 38 -> 53 / 51 / 53 %,
#: black lines 24 / 36 / 44 -> 43 / 47 / 52 %; a field's thin valleys and ridges are
#: blends of a map color beyond (without that test 12.7 % holes on jet photographs;
#: with it, at 15 DN / 12 DN / 6 pixels, 1.3 %; at these 0.12 % worst).
STROKE_LUMA = 20.0
STROKE_RAY = 25.0
STROKE_PIXELS = 8
#: ... on maps whose luma turns (rises, then falls, by STROKE_TURN_LUMA DN or more)
#: at most this often along the map: where it zigzags (hsv: yellow, green, cyan,
#: blue) every thin detail of the field is a luma extreme (hsv phase fields shrunk
#: 0.5x: 0.2 -> 2.5 % holes with the stroke test).
STROKE_MAX_TURNS = 2
STROKE_TURN_LUMA = 20.0
#: Resampled pictures: an off-map pixel RING_NEAR pixels (along a row or column)
#: from a map color ``a``, with another map color ``b`` RING_REACH pixels away on the
#: other side, more than BLEND_EDGE DN apart, is data when it lies within the hull's
#: tolerance of ``a + t (a - b)``, t up to RING_SHARE: a cubic kernel's ringing past
#: an edge's blend. OpenCV cubic 2x of 8-pixel cells of turbo: the blend spans 2
#: pixels off the map and rings 1-2 pixels beyond it, 12-28 DN off the map, where the
#: 3x3 neighbours on the map show no contrast (and the far plateau rings too, so ``b``
#: lies up to 6 pixels away): holes 5.72 -> 1.89 %; the rest ring beside two edges
#: at once (cell corners). A stroke beside a map color is no such extension of the
#: field's own edge: annotated photographs shrunk by area flagged as before (jet's
#: black text 23 -> 22 %, 41 -> 40 %).
RING_NEAR = (1, 2, 3)
RING_REACH = (2, 3, 4, 5, 6)
RING_SHARE = 0.3
BLEND_EDGE = 24.0
#: Resampled discrete pictures (``Plan.fields``): off-map pixels within this radius of
#: the painted colors they are means of are data (``_discrete.field_blends``; the plan
#: judges the picture at 3): a cubic upscale's ramp spans 2 source pixels each side.
#: 4 maps x 3 BoundaryNorms and a ListedColormap x 3 fields, OpenCV and Pillow cubic
#: 0.33x-3x (benchmarks/_discrete_screen.py): pictures over 0.2 % holes 48 -> 7 of 312
#: (radius 3: 48 -> 21; tolerance 20 DN instead of 12: 7 -> 6).
FIELD_RADIUS = 5
#: ... and pixels on the map farther than this (in bins) from a painted color: a mean of
#: two colors no neighbours in the map's order can lie near a third one's (the nearer
#: of the two by weight is the truth). Mean share in the interval of the field weighing
#: most, 351 pictures 0.33x: 95.3 -> 96.8 % (the nearest painted color's: 96.3 %).
FIELD_VERTEX = 0.05
#: Pictures whose colors were interpolated (``pcolormesh(shading='gouraud')``: each
#: pixel a linear RGB blend of its triangle's two or three vertex colors, 14 pixels
#: apart on a 24x24 mesh drawn at 320^2) blend map colors farther away than the hull's
#: radius: off-map pixels still unexplained, on ramps of colors or KINK_RADIUS from one
#: (the edges between triangles), are judged again over WIDE_RADIUS when the picture's
#: off-map pixels are interpolated (``_exact.interpolated``). jet and hsv gouraud
#: pictures of a photograph (3-90 DN off the map): 2.4 / 4.5 % holes -> 0.07 / 0.18 %
#: (KINK_RADIUS 1: 0.29 / 0.71 %; judging all of them: 0 %, but a stroke over such
#: a picture is no ramp, nor beside one).
WIDE_RADIUS = 12
KINK_RADIUS = 3
#: The picture judged interpolated (``_exact.interpolated``) on its off-map pixels with a
#: map color within ``_spans.SPAN_RADIUS`` on both sides along some direction
#: (``_spans.between``): the same figure's ramps were 286 of its 328 off-map pixels in
#: the axes, under RAMP_SHARE of all with its margins' text and ticks.
RAMP_BETWEEN = True
#: Exact pictures: pixels next to (FRINGE_RADIUS) one that is no blend and
#: farther than FRINGE_CORE DN from the map are the antialiased edge of an annotation.
FRINGE_CORE = 40.0
FRINGE_RADIUS = 1


def blends(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray,
    residual: np.ndarray, plan: Plan, line: Polyline, radius: int = HULL_RADIUS,
) -> np.ndarray:  # fmt: skip
    """Pixels off the map that blends of the map colors ``radius`` around explain."""
    metric_vertices = line.vertices @ line.matrix.T
    corners = simplify(metric_vertices, line.positions, HULL_CORNER_TOLERANCE)
    accepted = np.zeros(len(position), dtype=bool)
    hull_accept(
        flat, scale, width, position, residual, plan.threshold,
        max(plan.threshold, HULL_ARC_RESIDUAL), radius, HULL_ARC_MARGIN,
        np.ascontiguousarray(metric_vertices[corners]), line.positions[corners],
        line.vertices, line.positions, float(line.n_bins), line.cyclic, line.matrix,
        _tolerance(plan), HULL_OVERSHOOT, _contrast_threshold(plan), accepted,
    )  # fmt: skip
    return accepted


def unmixed(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, residual: np.ndarray,
    plan: Plan, line: Polyline,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Positions (NaN off the map) and residuals (DN) of a resampled picture's pixels.

    A pixel far from the map gets the position of the best blend of its
    neighbours' map colors (``unmix``); one still past the threshold is data when
    the map colors around it can make it (:func:`blends`), or when it is a lone speck
    within the map's hull (``lone_specks``; not on exact pictures) -- unless the picture is
    mostly off the map (``_fills.MOSTLY_OFF``): then every pixel past it, blended or
    not, is NaN.
    """
    blended = np.empty_like(position)
    blend_residual = np.empty(len(position), dtype=np.float64)
    anchors = plan.threshold if plan.exact else UNMIX_ANCHOR_RESIDUAL
    degraded.unmix(
        flat, scale, width, position, residual, plan.unmix_residual, anchors,
        line.vertices, line.positions, float(line.n_bins), line.cyclic,
        UNMIX_OVERSHOOT if _lobes(plan) else 0.0, blended, blend_residual,
    )  # fmt: skip
    off_map = ~(blend_residual <= plan.threshold)
    if mostly_off(flat, int(np.count_nonzero(off_map)), plan.fills):
        # not the map (MOSTLY_OFF): nothing to judge, and no blends to trust either (jet
        # at q75 decoded with viridis: 22 % of its pixels "blends", 3 % off the map)
        blended[off_map | ~(residual <= plan.threshold)] = np.nan
        return blended, blend_residual.astype(np.float32)
    accepted = blends(flat, scale, width, position, blend_residual, plan, line)
    if plan.exact:
        # an exact picture's off-map pixels are an annotation's: its clearly
        # foreign core and the antialiased fringe around it, however blend-like
        # -- the core too: the map colors around may make gray (jet's and
        # turbo's red and cyan) where no data pixel is a blend (gray strokes on
        # jet 81-88 -> 99.7 % flagged, on turbo 36-38 -> 100 %)
        if plan.sharp:
            # nothing blended a sharp render: every pixel off the map is drawn over
            # it, and its neighbours no table color are that drawing's edge
            # (white text on RdBu, black lines on magma 30-70 -> 99 % flagged)
            fringe = _fringe(off_map, width)
            off_map |= fringe & (residual > plan.threshold)
        else:
            fringe = _fringe(off_map & (blend_residual > FRINGE_CORE), width)
        accepted &= ~fringe
    else:
        stroke = np.zeros(len(position), dtype=bool)
        if luma_turns(line) <= STROKE_MAX_TURNS:
            stroke = strokes(
                flat, scale, width, off_map, line, STROKE_LUMA, STROKE_RAY, STROKE_PIXELS
            )
            accepted &= ~stroke
        accepted |= lone_specks(
            flat, scale, width, off_map & ~accepted, line, HULL_CORNER_TOLERANCE,
            _tolerance(plan), SPECK_PIXELS,
        )  # fmt: skip
        if _lobes(plan):
            ringing = off_map & ~accepted & ~stroke
            accepted |= _ringing(flat, scale, width, ringing, residual, plan)
        accepted |= _interpolated(
            flat, scale, width, position, blend_residual, off_map & ~accepted & ~stroke, plan,
            line,
        )  # fmt: skip
        if not plan.palette:  # (whose off-map colors are means of map colors nearby)
            accepted |= _thin_blends(
                flat, scale, width, off_map & ~accepted & ~stroke, blend_residual, plan, line
            )
        else:  # ... whose quantizer made them of map colors nearby (``_quantized``)
            accepted |= palette_cells(
                flat, width, off_map & ~accepted & ~stroke, position, blend_residual,
                plan.threshold, line,
            )  # fmt: skip
    if not plan.palette:  # (a palette's own colors repeat: its cells' means)
        drawn = stroke_edges(flat, scale, width, residual, plan.threshold)
        accepted &= ~drawn
        off_map |= drawn
    if plan.fields:  # a discrete picture's means of its fields: the color each weighs most
        place = np.nan_to_num(position) * line.n_bins
        after = np.clip(np.searchsorted(line.positions, place), 1, len(line.positions) - 1)
        gap = np.minimum(
            np.abs(place - line.positions[after - 1]), np.abs(place - line.positions[after])
        )  # fmt: skip
        at = np.flatnonzero(off_map | (gap > FIELD_VERTEX))
        found, nearer = field_blends(
            flat, scale, width, at, residual <= plan.threshold, position, line, FIELD_RADIUS
        )  # fmt: skip
        accepted[at[found]] = True
        blended[at[found]] = line.positions[nearer[found]] / line.n_bins
    off_map &= ~accepted
    blended[off_map] = np.nan
    return blended, blend_residual.astype(np.float32)


def _interpolated(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, residual: np.ndarray,
    candidates: np.ndarray, plan: Plan, line: Polyline,
) -> np.ndarray:  # fmt: skip
    """``candidates`` (flat mask) of a picture whose colors were interpolated
    (``_exact.interpolated``) that the map colors WIDE_RADIUS around can make."""
    # (judged among the candidates with the map on both sides: a figure's text in its
    # margins is no ramp, nor between two map colors: RAMP_BETWEEN)
    judged = candidates
    if RAMP_BETWEEN:
        anchor = (residual <= plan.threshold) & ~candidates & np.isfinite(position)
        if plan.fills is not None and len(plan.fills) and flat.shape[-1] >= 3:
            anchor &= ~fill_pixels(flat, plan.fills)  # (a margin's white on RdBu_r's middle)
        judged = np.zeros(len(candidates), dtype=bool)
        judged[between(np.flatnonzero(candidates), anchor, width)] = True
    if not interpolated(flat, scale, width, judged).any():
        return np.zeros(len(candidates), dtype=bool)
    smooth = ramps(flat, scale, width, candidates)
    # the ramps and the pixels beside them (the edges between the ramps' triangles or
    # cells: kinks); the others are anchors, not judged (``hull_accept`` judges
    # pixels past the threshold)
    near = np.zeros(len(candidates), dtype=bool)
    degraded.near(np.flatnonzero(smooth), width, len(near) // width, KINK_RADIUS, near)
    judged = np.where(candidates & near, residual, 0.0)
    return blends(flat, scale, width, position, judged, plan, line, WIDE_RADIUS) & candidates


def _ringing(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, residual: np.ndarray,
    plan: Plan,
) -> np.ndarray:  # fmt: skip
    """``candidates`` (flat mask) that ring beside an edge of the data: along a row or
    column, a map color ``a`` RING_NEAR pixels away and another ``b`` RING_REACH
    pixels away on the other side, the pixel ``a + t (a - b)`` with t at most
    RING_SHARE, within the hull's tolerance (a kernel's negative lobe past ``a``,
    away from ``b``)."""
    found = np.zeros(len(candidates), dtype=bool)
    height = len(candidates) // width
    on_map = residual <= plan.threshold
    # only candidates with a map color RING_NEAR along a row or column (or under
    # them: the picture's edge clamps) can hit: a figure's margin is left out first
    close = on_map.reshape(height, width)
    grown = close.copy()
    for near in range(1, max(RING_NEAR) + 1):
        grown[near:] |= close[:-near]
        grown[:-near] |= close[near:]
        grown[:, near:] |= close[:, :-near]
        grown[:, :-near] |= close[:, near:]
    at = np.flatnonzero(candidates & grown.ravel())
    if not len(at):
        return found
    ys, xs = np.divmod(at, width)

    def rgb(index: np.ndarray) -> np.ndarray:
        return flat[index, :3].astype(np.float64) * scale

    own = rgb(at)
    limit2 = _tolerance(plan) ** 2
    hits = np.zeros(len(at), dtype=bool)
    for (dy, dx), near in itertools.product(((0, 1), (0, -1), (1, 0), (-1, 0)), RING_NEAR):
        a_at = _flat_at(ys + near * dy, xs + near * dx, width, height)
        # only pixels whose a and b are on the map, far apart, can hit: the rest are
        # left out before the arithmetic (a figure's margin: most of its candidates)
        near_map = np.flatnonzero(on_map[a_at] & ~hits)
        a, a_at = rgb(a_at[near_map]), a_at[near_map]
        for reach in RING_REACH:
            b_at = _flat_at(ys[near_map] - reach * dy, xs[near_map] - reach * dx, width, height)
            away = a - rgb(b_at)
            length2 = np.einsum("ic,ic->i", away, away)
            edge = np.flatnonzero(on_map[b_at] & (length2 > BLEND_EDGE**2))
            away, length2 = away[edge], length2[edge]
            offset = own[near_map[edge]] - a[edge]
            t = np.einsum("ic,ic->i", offset, away) / np.maximum(length2, 1e-6)
            gap = offset - np.clip(t, 0.0, RING_SHARE)[:, None] * away
            hits[near_map[edge[np.einsum("ic,ic->i", gap, gap) <= limit2]]] = True
    found[at[hits]] = True
    return found


def _flat_at(ys: np.ndarray, xs: np.ndarray, width: int, height: int) -> np.ndarray:
    """Flat indices of pixels (y, x), clamped to the picture."""
    return np.clip(ys, 0, height - 1) * width + np.clip(xs, 0, width - 1)


def _thin_blends(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, residual: np.ndarray,
    plan: Plan, line: Polyline,
) -> np.ndarray:  # fmt: skip
    """``candidates`` (flat mask) that blend their neighbours with some THIN_SHARE
    of a far map color (:func:`thin_blends`)."""
    at = np.flatnonzero(candidates)
    metric_vertices = line.vertices @ line.matrix.T
    corners = simplify(metric_vertices, line.positions, HULL_CORNER_TOLERANCE)
    thin = np.empty(len(at), dtype=bool)
    thin_blends(
        flat, scale, width, at, residual, plan.threshold,
        np.ascontiguousarray(metric_vertices[corners]), line.matrix, THIN_SHARE,
        _tolerance(plan), HULL_OVERSHOOT, thin,
    )  # fmt: skip
    found = np.zeros(len(candidates), dtype=bool)
    found[at[thin]] = True
    return found


def _lobes(plan: Plan) -> bool:
    """Whether the picture's blends may come from a kernel with negative lobes: not an
    exact render's (antialiasing) nor a palette's (means of map colors)."""
    return not (plan.exact or plan.palette)


def _contrast_threshold(plan: Plan) -> float:
    """Neighbours within this many DN of the map show the contrast a kernel overshoots
    (only the map's own colors where no kernel overshoots)."""
    return max(plan.threshold, HULL_CONTRAST_RESIDUAL) if _lobes(plan) else plan.threshold


def _tolerance(plan: Plan) -> float:
    """How far (DN) from the map colors' hull a blend may lie."""
    if plan.palette:
        return PALETTE_TOLERANCE
    return max(HULL_MIN_TOLERANCE, HULL_SIGMAS * plan.noise)


def _fringe(cores: np.ndarray, width: int) -> np.ndarray:
    """Pixels within FRINGE_RADIUS of a ``cores`` pixel (flat, rows of ``width``)."""
    grown = np.zeros(len(cores), dtype=bool)
    degraded.near(np.flatnonzero(cores), width, len(cores) // width, FRINGE_RADIUS, grown)
    return grown


def luma_turns(line: Polyline) -> int:
    """How often the map's luma turns from rising to falling or back by at least
    STROKE_TURN_LUMA DN (a cyclic map's turn across the seam counts)."""
    luma = line.vertices @ np.array([0.299, 0.587, 0.114])
    if line.cyclic:
        luma = np.concatenate([luma, luma])  # the seam, and a turn just past it
    turns, state, low, high = 0, 0, luma[0], luma[0]
    for value in luma:
        high = max(high, value) if state >= 0 else high
        low = min(low, value) if state <= 0 else low
        if state >= 0 and value < high - STROKE_TURN_LUMA:
            turns, state, low = turns + (state == 1), -1, value
        elif state <= 0 and value > low + STROKE_TURN_LUMA:
            turns, state, high = turns + (state == -1), 1, value
    return turns // 2 if line.cyclic else turns
