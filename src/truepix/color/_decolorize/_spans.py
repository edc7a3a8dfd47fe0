"""JPEG'd blends of map colors that meet in the picture: data, however far apart.

Where map colors far apart in the table meet -- the edge between two levels of a
few-level picture (``get_cmap(name, 5)`` decoded with the plain name), the ramps of a
``pcolormesh(shading='gouraud')`` picture, whose colors are linear blends of vertex
colors 10+ px apart -- the pixels between are blends, off the map (a chord of it). JPEG
breaks the exact means that tell such blends elsewhere (``_exact.interpolated``), but
keeps what a blend is: along some direction through the pixel, the nearest map colors on
either side (within SPAN_RADIUS px) ``a`` and ``b`` differ by SPAN_EDGE DN or more, the
pixel's luma lies between theirs (JPEG keeps luma; its ringing moves it by up to
SPAN_LUMA DN or SPAN_SIGMAS noise sigmas) and its chroma lies near theirs at the luma's
share of the way (4:2:0 averaged it over 2x2 pixels: SPAN_CHROMA DN and SPAN_SHIFT of
the way). Interpolated pictures' pixels may also lie in a triangle of three sides, and
there each blend found is a side for the next pass (SPAN_INTERPOLATED_PASSES): a ramp
wider than 2 SPAN_RADIUS (a jet gouraud cell from dark blue to orange, 13-19 px across,
far off the map all the way: trial43, 20 x 20 nodes in 256 px, q75 1.34 % holes) is
found from its sides inward.

A stroke's antialiased fringe over a sloped field is such a blend too (gray over
RdBu_r's blues: 95 -> 64 % of the stroke flagged when judged everywhere), so only two
kinds of picture are judged: interpolated ones (SPAN_PLANAR: their off-map pixels lie on
ramps) and few-level ones (``few_levels``; or a discrete map, ``Plan.discrete``), where the
lumas of the pixels passed on the way to a side count too (a stroke's core between is no
blend's step) unless the levels were found in the picture. There a blend counts only
across a level's step, told from a glyph's edge by its sides (``_Steps``): two
different levels, each flat (the two pixels beyond it the same level), at most
LEVELS_STEP px apart, the pixel on the segment between the two levels' own colors; a
glyph over one band finds the band (JPEG's ringing moves it 24+ DN) or its far side
past the glyph. The stroke rules' on-map pixels count as a level's only beside such
blends (the step's ringing), not inside a glyph. Pictures with at most
SPAN_HOLES of their pixels off the map are let be.

The position given: on few-level pictures the nearer side's (a level's picture holds
levels, JPEG blended them), else ``a``'s and ``b``'s interpolated at the pixel's share of
the luma between them (a gouraud ramp interpolates its vertices' values alike).
"""

from __future__ import annotations

import itertools

import numpy as np

from truepix.color._decolorize._fills import fill_pixels
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import _YCBCR

__all__ = ["SPAN_RADIUS", "far_blends"]

#: How far (px) along a direction the nearest map color on each side is looked for.
SPAN_RADIUS = 12
#: The levels are found among the pixels within this many DN of the map (or SPAN_SIGMAS
#: noise sigmas; the plan's threshold at most) not judged off it; the sides are any pixel
#: within the threshold not judged off it.
SPAN_ANCHOR = 12.0
#: The two sides' colors at least this far apart (DN, RGB).
SPAN_EDGE = 24.0
#: The pixel's luma at most this far outside the two sides' lumas (DN) ...
SPAN_LUMA = 6.0
#: ... or this many noise sigmas.
SPAN_SIGMAS = 3.0
#: The pixel's chroma (Cb, Cr) at most this far from the sides' at its luma's share ...
SPAN_CHROMA = 12.0
#: ... plus this share of the two sides' chroma apart: the way 4:2:0 moves it.
SPAN_SHIFT = 0.35
#: A few-level picture (``get_cmap(name, 5)`` decoded with the plain name): at most
#: LEVELS_MAX windows of LEVELS_WINDOW bins each side of a position, LEVELS_APART bins
#: apart or more, hold LEVELS_SHARE of the positions of the pixels on the map. There
#: JPEG's blends and the ringing of the levels' edges (taken for strokes in the map's
#: colors: their positions jump) are data, the nearest level's. Camera in 5 levels,
#: JPEG q75, plain name (jet, viridis): holes 12.7 / 24.8 -> 11.7 / 21.9 % (the grass's
#: speckled levels stay holes: see ``_Steps``).
LEVELS_MAX = 12
LEVELS_WINDOW = 8
LEVELS_APART = 20
LEVELS_SHARE = 0.85
#: ... every window whose peak bin holds LEVELS_MINOR of them or more taken.
LEVELS_MINOR = 0.01
#: ... completed to a grid of levels when the levels found lie within LEVELS_GRID bins of one.
LEVELS_GRID = 3.0
#: ... and a pixel there a blend of two levels seen this close (px, a square).
LEVELS_RADIUS = 2
#: ... the two sides of a level's step at most this far apart (px, along the direction):
#: a glyph's edge over one band finds its far side past the glyph (text over contourf
#: bands, magma q75: 0.5 gray flagged 0.37 -> 0.85, camera 5 levels kept 4.5-6.4 %).
LEVELS_STEP = 4
#: Pictures whose off-map pixels (not in a fill) are at most this share of the pixels
#: are let be (the holes goal).
SPAN_HOLES = 0.002
#: An interpolated picture (``pcolormesh(shading='gouraud')``): SPAN_PLANAR of its
#: off-map pixels (SPAN_SAMPLE of them at most) within max(SPAN_LUMA, SPAN_SIGMAS noise
#: sigmas) DN of the mean of their two neighbours along every direction (on a ramp).
#: JPEG'd gouraud pictures of jet, hsv, turbo (camera, 24x24 nodes, q75): 0.83-0.94;
#: annotated JPEG'd figures (benchmarks/_stroke_screen.py): 0.00-0.36, few-level ones 0.
SPAN_PLANAR = 0.6
SPAN_SAMPLE = 20000
#: ... of the off-map pixels with a side (an anchor) on both sides along some direction
#: (``between``), which blends need: a figure's text and ticks in its white margins have
#: none. A ``tripcolor(shading="gouraud")`` figure of jet with its colorbar, JPEG q75
#: (benchmarks/decolorize_trial/gouraud1): 0.40 over all its off-map pixels (55 % of
#: them the margins' text and ticks, planar 0.11), 0.75 inside the axes.
SPAN_BETWEEN = True
#: ... a pixel on a ramp, not across a thin stroke: its luma at most SPAN_RIDGE DN above
#: (below) both its neighbours 1 or 2 px away along every direction (JPEG's ringing, as
#: SPAN_LUMA). A
#: 1-2 px antialiased stroke over a smooth field (matplotlib's ``contour(colors="0.4",
#: linewidths=0.8)`` over a DEM on viridis, JPEG q75: the noise estimate 5.5 DN lets a
#: 16.5 DN valley pass as planar) scored 0.62 without it, taken for a gouraud picture
#: whose blends hid 82 % of the stroke (flagged 3.2 -> 85.7 %; on a seeded fBm field
#: with black ``clabel`` text, 1 px away only: 0.61, 2 px: under 0.6, 4.8 -> 66 %).
SPAN_RIDGE = SPAN_LUMA
#: ... and judged so only with at most this share of their pixels (not in a fill) off
#: the map: past it the map is more likely wrong (a smooth field in Spectral decoded
#: with RdYlBu, JPEG q75: 29 % off, its triangles took 10 % and hid the near twin from
#: the wrong-map advice; gouraud pictures of jet, turbo, hsv: 2-14 %).
SPAN_INTERPOLATED_MAX = 0.2
#: Interpolated pictures: a pixel no two sides explain within a triangle of three of them
#: (barycentric weights down to -TRIANGLE_SLACK), within TRIANGLE_MARGIN DN (RGB; or the
#: luma margin).
TRIANGLE_SLACK = 0.05
TRIANGLE_MARGIN = 12.0
#: Passes: the blends found on the map by color anchor the next one.
SPAN_PASSES = 3
#: ... on interpolated pictures, where every blend found anchors the next pass.
SPAN_INTERPOLATED_PASSES = 6
#: Directions walked: rows, columns and both diagonals.
_DIRECTIONS = ((0, 1), (1, 0), (1, 1), (1, -1))


def far_blends(
    flat: np.ndarray, scale: float, width: int, off_map: np.ndarray, position: np.ndarray,
    residual: np.ndarray, plan: object, line: Polyline,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Which ``off_map`` pixels (flat indices) are blends of two map colors that meet
    across them, and their positions in [0, 1] (see the module's docstring).

    Parameters
    ----------
    flat : ndarray, (P, C)
        The picture's pixels, rows of ``width``; times ``scale`` in DN.
    off_map : ndarray of bool, (P,)
        The pixels judged off the map.
    position, residual : ndarray, (P,)
        Every pixel's position on the map in [0, 1] and distance to it (DN).
    plan, line
        The picture's plan (threshold, noise, fills, discrete) and the map's polyline.

    Returns
    -------
    index : ndarray of int64
        The off-map pixels that are such blends.
    positions : ndarray of float64
        Their positions.
    """
    none = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    if np.count_nonzero(off_map) <= SPAN_HOLES * len(off_map) or flat.shape[-1] < 3:
        return none  # (holes within the goal: nothing to look for)
    candidates = off_map.copy()
    fills = getattr(plan, "fills", None)
    if fills is not None and len(fills) and flat.shape[-1] >= 3:
        candidates &= ~fill_pixels(flat, fills)  # (a figure's margin: no data)
    at = np.flatnonzero(candidates)
    if len(at) <= SPAN_HOLES * len(off_map):
        return none
    # the sides: any pixel within the threshold not judged off the map (a gouraud ramp
    # runs far off the map, a level's edge is JPEG'd blends)
    anchor = (residual <= plan.threshold) & ~off_map & np.isfinite(position)
    # (planar among the pixels with the map on both sides: a figure's text and ticks in
    # its margins, which no two sides make, are not judged: SPAN_BETWEEN)
    sample = between(at, anchor, width) if SPAN_BETWEEN else at
    interpolated = planar_share(flat, scale, width, sample, plan.noise) >= SPAN_PLANAR
    if interpolated and len(at) > SPAN_INTERPOLATED_MAX * len(off_map):
        return none  # (a wrong map: left for its advice)
    # the levels from the pixels near the map (SPAN_ANCHOR)
    near = min(plan.threshold, max(SPAN_ANCHOR, SPAN_SIGMAS * float(plan.noise)))
    levels = None
    if not interpolated:
        close = (residual <= near) & ~off_map & np.isfinite(position)
        levels = few_levels(position[close], line.n_bins)
    discrete = bool(plan.discrete) or levels is not None
    if not (interpolated or discrete):
        return none  # (an annotated field's strokes: their fringes blend the field too)
    margin = max(SPAN_LUMA, SPAN_SIGMAS * float(plan.noise))
    chosen = np.full(len(at), np.nan)
    open_ = np.arange(len(at))
    passes, triangles = 0, False
    # (interpolated: the blends found anchor the next pass at their own positions)
    place = position.copy() if interpolated else position
    while len(open_):
        found, positions = _blends_of(
            flat, scale, width, at[open_], anchor, place, margin, discrete,
            passed=not (interpolated or levels is not None), triangles=triangles,
            steps=None if levels is None else _Steps(levels, line),
        )  # fmt: skip
        chosen[open_[found]] = positions
        # ... the blends on the map by color anchor the next pass (a gouraud ramp's
        # pixels taken for strokes); an interpolated picture's, every blend found: a
        # blend of two blends of one ramp or triangle is one of its vertices too, and a
        # ramp wider than 2 SPAN_RADIUS is found from its sides inward
        if interpolated:
            anchor[at[open_[found]]] = True
            place[at[open_[found]]] = positions
        else:
            anchor[at[open_[found]]] = residual[at[open_[found]]] <= plan.threshold
        open_ = open_[~found]
        passes += 1
        if triangles:
            break
        if passes >= (SPAN_INTERPOLATED_PASSES if interpolated else SPAN_PASSES) or not found.any():
            if not interpolated:
                break
            triangles = True  # (an interpolated picture's triangles: once, last)
    if levels is not None and len(open_):  # ... and a level's specks, blended
        found, positions = _level_blends(
            flat, scale, width, at[open_], anchor, position, levels, line, margin)  # fmt: skip
        chosen[open_[found]] = positions
    if levels is not None:  # (on the map by color, taken for a stroke: a level's edge)
        on = np.isnan(chosen) & (residual[at] <= plan.threshold) & np.isfinite(position[at])
        # ... beside a step's blends (JPEG's ringing of the edge), not a glyph's ink
        on &= _next_to(at, at[np.isfinite(chosen)], width, len(off_map))
        chosen[on] = position[at[on]]
    found = np.isfinite(chosen)
    return at[found], chosen[found]


def _blends_of(
    flat: np.ndarray, scale: float, width: int, at: np.ndarray, anchor: np.ndarray,
    position: np.ndarray, margin: float, discrete: bool, *, passed: bool,
    triangles: bool = False, steps: _Steps | None = None,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Which of the pixels ``at`` are blends of the ``anchor`` pixels nearest on either
    side along some direction (a mask), and the positions of those; with ``passed``, the
    lumas of the pixels between count as the pixel's; with ``triangles``, those within a
    triangle of three sides too (``_triangle_blends``); with ``steps`` (a few-level
    picture), only blends across a level's edge (``_Steps.sides``)."""
    ys, xs = np.divmod(at, width)
    ycc = (flat[at, :3].astype(np.float64) * scale) @ _YCBCR.T
    best = np.full(len(at), np.inf)
    chosen = np.full(len(at), np.nan)
    sides = []
    for dy, dx in _DIRECTIONS:
        (a_at, a_low, a_high), (b_at, b_low, b_high) = (
            _nearest(ys, xs, sign * dy, sign * dx, anchor, flat, scale, width, passed=passed)
            for sign in (1, -1))
        sides += [a_at, b_at]
        both = np.flatnonzero((a_at >= 0) & (b_at >= 0))
        if not len(both):
            continue
        passed_low, passed_high = ycc[both, 0], ycc[both, 0]
        if passed:
            passed_low = np.minimum(np.minimum(a_low, b_low)[both], passed_low)
            passed_high = np.maximum(np.maximum(a_high, b_high)[both], passed_high)
        a_at, b_at = a_at[both], b_at[both]
        a = (flat[a_at, :3].astype(np.float64) * scale) @ _YCBCR.T
        b = (flat[b_at, :3].astype(np.float64) * scale) @ _YCBCR.T
        if steps is not None:  # (the levels' own colors: the step's two ends)
            edge, a, b = steps.sides(a_at, b_at, dy, dx, anchor, position, width)
            both, a_at, b_at = both[edge], a_at[edge], b_at[edge]
            passed_low, passed_high = passed_low[edge], passed_high[edge]
            a, b = a[edge], b[edge]
        rgb_gap = (flat[a_at, :3].astype(np.float64) - flat[b_at, :3]) * scale
        wide = (np.einsum("ic,ic->i", rgb_gap, rgb_gap) >= SPAN_EDGE**2) | (steps is not None)
        own = ycc[both]
        fits, score = _pair_fits(own, a, b, passed_low, passed_high, margin)
        fits &= wide
        better = fits & (score < best[both])
        if not better.any():
            continue
        pick = both[better]
        best[pick] = score[better]
        chosen[pick] = _position(own[better], a[better], b[better], position[a_at[better]],
                                 position[b_at[better]], discrete)  # fmt: skip
    if triangles:  # (interpolated: a triangle's blends of three vertices too)
        left = np.flatnonzero(~np.isfinite(best))
        found, positions = _triangle_blends(
            flat, scale, at[left], np.stack(sides, axis=1)[left], position,
            max(margin, TRIANGLE_MARGIN))  # fmt: skip
        chosen[left[found]] = positions
        best[left[found]] = 0.0
    found = np.isfinite(best)
    return found, chosen[found]


def _next_to(at: np.ndarray, found: np.ndarray, width: int, size: int) -> np.ndarray:
    """Which pixels ``at`` (flat indices) lie within LEVELS_RADIUS px (a square) of a
    pixel ``found``: a level edge's ringing beside its blends, not a glyph's ink."""
    height = size // width
    mask = np.zeros((height, width), dtype=bool)
    mask.flat[found] = True
    near = mask.copy()
    for _ in range(LEVELS_RADIUS):
        grown = near.copy()
        grown[1:] |= near[:-1]
        grown[:-1] |= near[1:]
        grown[:, 1:] |= grown[:, :-1].copy()
        grown[:, :-1] |= grown[:, 1:].copy()
        near = grown
    return near.flat[at]


class _Steps:
    """A few-level picture's levels, for telling the step between two levels (a level's
    edge: the sides flat, each near a different level) from a glyph's edge over one
    level (text over contourf bands: JPEG's ringing around the glyph moves the band's
    pixels 24+ DN apart, on the map by color, both sides one level)."""

    def __init__(self, levels: np.ndarray, line: Polyline) -> None:
        self.levels, self.n_bins = levels, line.n_bins
        colors = np.stack(
            [np.interp(levels * line.n_bins, line.positions, line.vertices[:, c])
             for c in range(3)], axis=1,
        )  # fmt: skip
        self.ycc = colors @ _YCBCR.T

    def level(self, at: np.ndarray, anchor: np.ndarray, position: np.ndarray) -> np.ndarray:
        """The level (index) of each pixel ``at`` (flat index, -1 none), -1 where it is no
        anchor or lies more than LEVELS_WINDOW bins from every level."""
        inside = at >= 0
        place = np.where(inside, position[np.maximum(at, 0)], np.nan)
        nearest = np.abs(np.nan_to_num(place, nan=-9.0)[:, None] - self.levels).argmin(axis=1)
        close = np.abs(place - self.levels[nearest]) * self.n_bins <= LEVELS_WINDOW
        close &= inside & anchor[np.maximum(at, 0)]
        return np.where(close, nearest, -1)

    def sides(
        self, a_at: np.ndarray, b_at: np.ndarray, dy: int, dx: int, anchor: np.ndarray,
        position: np.ndarray, width: int,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
        """Which pairs of sides ``a_at`` (along +(dy, dx)) and ``b_at`` (along -(dy, dx))
        are two different levels, each side flat (the pixel beyond it, and the one beyond
        that, the same level), and the two levels' colors (Y, Cb, Cr rows)."""
        height = len(anchor) // width
        levels = []
        for at, sign in ((a_at, 1), (b_at, -1)):
            level = self.level(at, anchor, position)
            ys, xs = np.divmod(at, width)
            for step in (1, 2):
                y, x = ys + sign * step * dy, xs + sign * step * dx
                inside = (y >= 0) & (y < height) & (x >= 0) & (x < width)
                beyond = np.where(inside, y * width + x, -1)
                level = np.where(self.level(beyond, anchor, position) == level, level, -1)
            levels.append(level)
        edge = (levels[0] >= 0) & (levels[1] >= 0) & (levels[0] != levels[1])
        ay, ax = np.divmod(a_at, width)
        by, bx = np.divmod(b_at, width)
        edge &= np.maximum(np.abs(ay - by), np.abs(ax - bx)) <= LEVELS_STEP
        return edge, self.ycc[levels[0]], self.ycc[levels[1]]


def _triangle_blends(
    flat: np.ndarray, scale: float, at: np.ndarray, sides: np.ndarray, position: np.ndarray,
    margin: float,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Which of the pixels ``at`` lie within ``margin`` DN (RGB) of a triangle of three of
    their ``sides`` (flat indices, -1 none; inside it by barycentric weights), and the
    positions their weights give."""
    best = np.full(len(at), np.inf)
    chosen = np.full(len(at), np.nan)
    if not len(at):
        return best < 0, chosen[:0]
    own = flat[at, :3].astype(np.float64) * scale
    colors = flat[np.maximum(sides, 0), :3].astype(np.float64) * scale
    places = position[np.maximum(sides, 0)]
    for i, j, k in itertools.combinations(range(sides.shape[1]), 3):
        ok = np.flatnonzero((sides[:, i] >= 0) & (sides[:, j] >= 0) & (sides[:, k] >= 0))
        if not len(ok):
            continue
        a = colors[ok, i]
        u, v, w = colors[ok, j] - a, colors[ok, k] - a, own[ok] - a
        uu, uv, vv = (np.einsum("ic,ic->i", *pair) for pair in ((u, u), (u, v), (v, v)))
        wu, wv = np.einsum("ic,ic->i", w, u), np.einsum("ic,ic->i", w, v)
        det = uu * vv - uv * uv
        flat_triangle = det <= 1e-6 * np.maximum(uu * vv, 1.0)
        det = np.where(flat_triangle, 1.0, det)
        s, t = (wu * vv - wv * uv) / det, (wv * uu - wu * uv) / det
        inside = ~flat_triangle & (s >= -TRIANGLE_SLACK) & (t >= -TRIANGLE_SLACK)
        inside &= s + t <= 1.0 + TRIANGLE_SLACK
        gap = w - s[:, None] * u - t[:, None] * v
        miss = np.sqrt(np.einsum("ic,ic->i", gap, gap))
        better = inside & (miss <= margin) & (miss < best[ok])
        pick = ok[better]
        best[pick] = miss[better]
        s, t = np.clip(s[better], 0, 1), np.clip(t[better], 0, 1)
        chosen[pick] = ((1 - s - t) * places[pick, i] + s * places[pick, j]
                        + t * places[pick, k])  # fmt: skip
    found = np.isfinite(best)
    return found, chosen[found]


def _pair_fits(
    own: np.ndarray, a: np.ndarray, b: np.ndarray, passed_low: np.ndarray,
    passed_high: np.ndarray, margin: float,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Whether each pixel ``own`` (Y, Cb, Cr rows) is a JPEG'd blend of ``a`` and ``b``,
    and how far it is from one (DN)."""
    low, high = np.minimum(a[:, 0], b[:, 0]), np.maximum(a[:, 0], b[:, 0])
    # (the pixels passed on the way too: a stroke's core between is no blend's ramp)
    luma_out = np.maximum(np.maximum(low - passed_low, passed_high - high), 0.0)
    # chroma where the luma puts the pixel between a and b, give or take the share of
    # the way 4:2:0 moves it (a gray stroke over a blue slope: its luma between, its
    # chroma nowhere near the blues' at that share)
    span = b[:, 1:] - a[:, 1:]
    t = _luma_share(own, a, b)
    miss = own[:, 1:] - a[:, 1:] - t[:, None] * span
    chroma = np.sqrt(np.einsum("ic,ic->i", miss, miss))
    allowed = SPAN_CHROMA + SPAN_SHIFT * np.sqrt(np.einsum("ic,ic->i", span, span))
    return (luma_out <= margin) & (chroma <= allowed), np.hypot(luma_out, chroma)


def _level_blends(
    flat: np.ndarray, scale: float, width: int, at: np.ndarray, anchor: np.ndarray,
    position: np.ndarray, levels: np.ndarray, line: Polyline, margin: float,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Which of the pixels ``at`` of a few-level picture are blends of two ``levels``
    whose colors lie on the map within LEVELS_RADIUS (a mask; a level's speck that JPEG
    blended into the level around has that level on both sides), and the nearer level."""
    height = len(anchor) // width
    ys, xs = np.divmod(at, width)
    colors = np.stack(
        [np.interp(levels * line.n_bins, line.positions, line.vertices[:, c]) for c in range(3)],
        axis=1,
    )  # fmt: skip
    level_ycc = colors @ _YCBCR.T
    present = np.zeros((len(at), len(levels)), dtype=bool)
    for oy in range(-LEVELS_RADIUS, LEVELS_RADIUS + 1):
        for ox in range(-LEVELS_RADIUS, LEVELS_RADIUS + 1):
            index = np.clip(ys + oy, 0, height - 1) * width + np.clip(xs + ox, 0, width - 1)
            seen = np.flatnonzero(anchor[index])
            place = position[index[seen]]
            nearest = np.abs(place[:, None] - levels[None, :]).argmin(axis=1)
            close = np.abs(place - levels[nearest]) * line.n_bins <= LEVELS_WINDOW
            present[seen[close], nearest[close]] = True
    own = (flat[at, :3].astype(np.float64) * scale) @ _YCBCR.T
    best = np.full(len(at), np.inf)
    chosen = np.full(len(at), np.nan)
    for i in range(len(levels)):
        for j in range(i + 1, len(levels)):
            both = np.flatnonzero(present[:, i] & present[:, j])
            if not len(both):
                continue
            a = np.broadcast_to(level_ycc[i], (len(both), 3))
            b = np.broadcast_to(level_ycc[j], (len(both), 3))
            fits, score = _pair_fits(own[both], a, b, own[both, 0], own[both, 0], margin)
            better = fits & (score < best[both])
            pick = both[better]
            best[pick] = score[better]
            t = _luma_share(own[pick], a[better], b[better])
            chosen[pick] = np.where(t < 0.5, levels[i], levels[j])
    found = np.isfinite(best)
    return found, chosen[found]


def between(at: np.ndarray, anchor: np.ndarray, width: int) -> np.ndarray:
    """The pixels ``at`` (flat indices; a sample of SPAN_SAMPLE at most) with an ``anchor``
    pixel within SPAN_RADIUS on both sides along some direction: those that can be
    blends of two (``_blends_of``), not the text and ticks in a figure's margin."""
    at = at[:: max(1, len(at) // SPAN_SAMPLE)]
    ys, xs = np.divmod(at, width)
    sided = np.zeros(len(at), dtype=bool)
    for dy, dx in _DIRECTIONS:
        ahead = _nearest(ys, xs, dy, dx, anchor, anchor, 1.0, width, passed=False)[0]
        behind = _nearest(ys, xs, -dy, -dx, anchor, anchor, 1.0, width, passed=False)[0]
        sided |= (ahead >= 0) & (behind >= 0)
    return at[sided]


def planar_share(
    flat: np.ndarray, scale: float, width: int, at: np.ndarray, noise: float
) -> float:  # fmt: skip
    """Share of the pixels ``at`` (flat indices; a sample of SPAN_SAMPLE at most) within
    max(SPAN_LUMA, SPAN_SIGMAS noise sigmas) DN of the mean of their two neighbours along
    every direction, and whose luma is no ridge or valley along any (SPAN_RIDGE): on the
    ramps of an interpolated picture."""
    height = len(flat) // width
    at = at[:: max(1, len(at) // SPAN_SAMPLE)]
    ys, xs = np.divmod(at, width)
    inside = (ys > 0) & (ys < height - 1) & (xs > 0) & (xs < width - 1)
    at = at[inside]
    if not len(at):
        return 0.0
    own = flat[at, :3].astype(np.float64)
    ys, xs = ys[inside], xs[inside]
    inner = (ys > 1) & (ys < height - 2) & (xs > 1) & (xs < width - 2)
    luma_weights = _YCBCR[0]
    own_luma = own @ luma_weights
    worst, ridge = np.zeros(len(at)), np.zeros(len(at))
    for dy, dx in _DIRECTIONS:
        step = dy * width + dx
        after, before = flat[at + step, :3].astype(np.float64), flat[at - step, :3]
        mean = (after + before) / 2
        worst = np.maximum(worst, np.einsum("ic,ic->i", own - mean, own - mean))
        # (how far the luma stands above or below both neighbours, 1 and 2 px away: a
        # stroke 1-2 px wide across)
        for reach in (1, 2):  # (2 px away: only where both lie in the picture)
            seen = inner if reach == 2 else slice(None)
            ahead, behind = at[seen] + reach * step, at[seen] - reach * step
            rise = own_luma[seen] - flat[ahead, :3].astype(np.float64) @ luma_weights
            fall = own_luma[seen] - flat[behind, :3].astype(np.float64) @ luma_weights
            ridge[seen] = np.maximum(
                ridge[seen], np.maximum(np.minimum(rise, fall), -np.maximum(rise, fall))
            )
    tolerance = max(SPAN_LUMA, SPAN_SIGMAS * float(noise)) / scale
    return float(np.mean((worst <= tolerance**2) & (ridge <= SPAN_RIDGE / scale)))


def few_levels(positions: np.ndarray, n_bins: int) -> np.ndarray | None:
    """The levels (positions in [0, 1], sorted) of a few-level picture from the positions
    of its pixels on the map, or None where they are no few levels (LEVELS_SHARE)."""
    if len(positions) < 64:
        return None
    step = max(1, len(positions) // 65536)
    bins = np.clip((positions[::step] * n_bins).astype(np.int64), 0, n_bins - 1)
    counts = np.bincount(bins, minlength=n_bins).astype(np.float64)
    total, covered = counts.sum(), 0.0
    found: list[float] = []
    for _ in range(LEVELS_MAX):
        peak = int(np.argmax(counts))
        if counts[peak] < LEVELS_MINOR * total:
            break  # (the levels found: what is left, blends between them)
        if any(abs(peak - level * n_bins) < LEVELS_APART for level in found):
            return None  # (a continuous field: its windows touch)
        low, high = max(peak - LEVELS_WINDOW, 0), min(peak + LEVELS_WINDOW + 1, n_bins)
        window = counts[low:high]
        covered += window.sum()
        found.append(float(np.dot(window, np.arange(low, high) + 0.5) / window.sum()) / n_bins)
        counts[low:high] = 0.0
    if covered >= LEVELS_SHARE * total and len(found) > 1:
        return _level_grid(np.sort(np.array(found)), n_bins)
    return None


def _level_grid(levels: np.ndarray, n_bins: int) -> np.ndarray:
    """``levels`` completed to the smallest grid of N levels that holds them all within
    LEVELS_GRID bins, as ``get_cmap(name, N)`` paints (k / (N - 1)) or a norm of N equal
    intervals (k + 1/2) / N: a level JPEG blended whole (a photograph's grass in the
    levels of its two greens) makes no peak of its own. ``levels`` where none does."""
    for count in range(len(levels), LEVELS_MAX + 1):
        for grid in (np.arange(count) / max(count - 1, 1), (np.arange(count) + 0.5) / count):
            gaps = np.abs(levels[:, None] - grid[None, :]).min(axis=1) * n_bins
            if np.all(gaps <= LEVELS_GRID):
                return grid
    return levels


def _nearest(
    ys: np.ndarray, xs: np.ndarray, dy: int, dx: int, anchor: np.ndarray, flat: np.ndarray,
    scale: float, width: int, *, passed: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """Flat index of the nearest ``anchor`` pixel from (ys, xs) along (dy, dx), within
    SPAN_RADIUS steps (-1 where none), and the lowest and highest luma (DN) of the pixels
    passed on the way (with ``passed``)."""
    height = len(anchor) // width
    found = np.full(len(ys), -1, dtype=np.int64)
    low, high = np.full(len(ys), np.inf), np.full(len(ys), -np.inf)
    open_ = np.arange(len(ys))
    for step in range(1, SPAN_RADIUS + 1):
        y, x = ys[open_] + step * dy, xs[open_] + step * dx
        inside = (y >= 0) & (y < height) & (x >= 0) & (x < width)
        open_, y, x = open_[inside], y[inside], x[inside]
        index = y * width + x
        hit = anchor[index]
        found[open_[hit]] = index[hit]
        open_, index = open_[~hit], index[~hit]
        if not len(open_):
            break
        if not passed:
            continue
        luma = (flat[index, :3] @ _YCBCR[0]) * scale
        low[open_] = np.minimum(low[open_], luma)
        high[open_] = np.maximum(high[open_], luma)
    return found, low, high


def _luma_share(own: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The share (0-1) of the way from ``a`` to ``b`` (Y, Cb, Cr rows) where the pixel's
    luma lies (by chroma where the lumas are within SPAN_LUMA)."""
    gap = b - a
    by_luma = np.abs(gap[:, 0]) >= SPAN_LUMA
    weight = np.where(by_luma[:, None], [1.0, 0.0, 0.0], [0.0, 1.0, 1.0])
    t = np.einsum("ic,ic->i", (own - a) * weight, gap) / np.maximum(
        np.einsum("ic,ic->i", gap * weight, gap), 1e-9)  # fmt: skip
    return np.clip(t, 0.0, 1.0)


def _position(
    own: np.ndarray, a: np.ndarray, b: np.ndarray, a_position: np.ndarray,
    b_position: np.ndarray, discrete: bool,
) -> np.ndarray:  # fmt: skip
    """The blend's position: its share ``t`` of the way from ``a`` to ``b`` (by luma,
    by chroma where the lumas are close), the nearer side's on discrete maps."""
    ab = b - a
    weight = np.array([1.0, 0.25, 0.25])  # (luma first: JPEG keeps it)
    t = np.einsum("ic,ic,c->i", own - a, ab, weight) / np.maximum(
        np.einsum("ic,ic,c->i", ab, ab, weight), 1e-9)  # fmt: skip
    t = np.clip(t, 0.0, 1.0)
    if discrete:
        return np.where(t < 0.5, a_position, b_position)
    return a_position + t * (b_position - a_position)
