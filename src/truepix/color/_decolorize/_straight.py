"""Straight strokes found in part, followed along their line (``straight_strokes``).

A ruled line (``plot([x0, x1], [y0, y1])``, a leader, an axis line) drawn in black over a
map that holds dark colors of every hue (jet, turbo) is found only where it crosses the
field's light, saturated colors: over jet's blues and cyans its blends with the field are
jet's own dark blues, and JPEG's 4:2:0 model explains them as a thin valley of the data
(trial 45's t02 DEM figure, JPEG q75: the 1 lw line flagged over its red and yellow half,
not over its blue half). No color tells the rest; its shape does. What was found is
straight -- FLAGGED pixels within STRAIGHT_WIDTH px of one line, spread over
STRAIGHT_SPAN px -- and the line goes on: pixel after pixel along it the picture dips
below both sides STRAIGHT_REACH px across it, as the found part does.
Data's valleys cross such a line or run beside it for a few pixels; they do not run
along it, straight, for long: a run of dips along the line is taken only where it
holds the found part (gaps of STRAIGHT_GAP steps at most: a dashed line's gaps, a
dip lost to JPEG's noise), and it stops where the dips stop.

Measured on trial 45's t02 figures (384^2, JPEG q75 4:2:0; benchmarks/annot3), black ink
flagged: jet DEM 51.9 -> 70.3 %, camera 54.3 -> 63.2, magma DEM 11.1 -> 32.2, turbo's
bumps 81.6 -> 93.3, viridis camera 81.3 -> 90.4, coolwarm camera 86.3 -> 96.9; holes more
than 3 px from the ink as before (0.028 % mean). The cost: a straight thin feature of the
data that other rules took in part is followed too -- straight valleys drawn into the DEM
(1.7-3.3 % of those pictures flagged before) +0.03 to +0.37 point, skimage's JPEG'd
motorcycle disparity (its thin gaps; 6.7-10.3 % before) +0.005 to +0.08 point; the 394
other all-data JPEGs of benchmarks/annot2/alldata.py unchanged.

A dashed 0.6 lw line (``k--``) keeps too few flagged pixels to draw a line (its dashes
are 3 px, off the map by little; t02's DEM under jet: 33 of 648). Its dashes dip
across, though: the lines the flagged pixels draw with ``_dip_lines``' dipping pixels
are looked for too (``_dashed_lines``), read by their dips -- dark, and coming and
going dash by dash, where a data's dark line (the camera's tripod legs) dips along its
length, and holding flagged pixels of their own (``_dashed_ink``) -- and followed as a
solid one, across longer gaps (STRAIGHT_DASH_GAP). t02 (benchmarks/annot6), black
flagged: turbo DEM 75.9 -> 93.1 %, turbo camera 78.1 -> 92.7, jet DEM 70.3 -> 80.3; holes
more than 3 px from the ink as before.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._grow import dilated
from truepix.color._decolorize._kernels import _JIT

__all__ = ["straight_strokes"]

#: A line holds STRAIGHT_FLAGGED or more flagged pixels within STRAIGHT_WIDTH px of it
#: (their RMS distance STRAIGHT_RMS px at most), spread over STRAIGHT_SPAN px along it.
STRAIGHT_FLAGGED = 40
STRAIGHT_WIDTH = 1.5
STRAIGHT_RMS = 0.8
STRAIGHT_SPAN = 60.0
#: Along the line, a step dips when the darkest (brightest) pixel within STRAIGHT_ACROSS
#: px across the line (the fit drifts from the found part) lies below (above) both sides
#: STRAIGHT_REACH px across by STRAIGHT_DIP DN, STRAIGHT_NOISE noise sigmas and
#: STRAIGHT_SHARE of the way from the sides to the ink's luma (black: 0 DN), and
#: the sides agree within STRAIGHT_AGREE times the dip. The ink is black where its
#: flagged pixels' STRAIGHT_CORE th percentile on the line is STRAIGHT_BLACK DN or
#: below (a thin stroke's pixels are blends of its ink; the median is the blends':
#: black over turbo's bumps, 89 DN, the 10th percentile of its dashed one 34). Lighter
#: inks are not followed: gray ones (t02's DEM figures, 0.4 contours, a 0.5 line)
#: gained 0.1-0.7 point of their ink for 0.02-0.09 % holes 3+ px from it, light gray
#: contours over Spectral and RdBu_r (#bfbfbf, #d9d9d9: their brightest 216-230 DN,
#: taken for white) lost 0.4 % of the data beside them (tests/color/
#: test_decolorize_inked.py), and white lines were all but found (t02: 82 -> 82 %).
STRAIGHT_BLACK = 60.0
STRAIGHT_CORE = 10.0
#: A stroke is thin: STRAIGHT_THIN of its flagged pixels on the line or more have
#: unflagged pixels STRAIGHT_REACH px across on both sides. A flagged area's straight
#: edge is no stroke (the gaps of a JPEG'd disparity map, skimage's motorcycle_disp,
#: which other rules flag: followed, its edges took 0.01-0.13 point more).
STRAIGHT_THIN = 0.5
STRAIGHT_DIP = 8.0
STRAIGHT_AGREE = 3.0
STRAIGHT_NOISE = 1.5
STRAIGHT_SHARE = 0.3
STRAIGHT_ACROSS = 2
STRAIGHT_REACH = 4
#: A run of dipping steps bridges gaps of STRAIGHT_GAP steps at most.
STRAIGHT_GAP = 3
#: Lines looked for: the Hough transform's STRAIGHT_LINES strongest, over at most
#: STRAIGHT_POINTS flagged pixels (a regular subsample past that).
STRAIGHT_LINES = 8
#: A line is another one's only STRAIGHT_APART px or more from it, or at an angle of
#: STRAIGHT_APART_ANGLE Hough cells (half degrees) or more: JPEG's ringing, a stroke's
#: flagged fringe, runs beside the stroke along its whole length.
STRAIGHT_APART = 8
STRAIGHT_APART_ANGLE = 6
STRAIGHT_POINTS = 20000
#: A fill's (``kept``) JPEG'd edge, the flagged pixels within STRAIGHT_FILL_EDGE px of
#: it, draws no line either: a white (masked) ellipse's flagged rim, curved, took the
#: Hough transform's strongest cell, failed the fit, and suppressed the black line 8 px
#: below it (trial54 t150, jet q75, lw 1.5: 54 % of the line flagged, 100 % without
#: the ellipse).
STRAIGHT_FILL_EDGE = 2
#: A dashed line (drawn by the flagged pixels and the dips together) is read by its
#: flagged and dipping pixels within STRAIGHT_DASH_ACROSS px across it: a 0.6 lw
#: dashed line over jet's cyans to reds (160 px, JPEG q75) has 11-18 flagged pixels
#: within 1 px of its fit, most where it crosses another line.
STRAIGHT_DASH_ACROSS = 1
#: A dashed line's dips come and go dash by dash (0.6 lw: 3 px dashes, 1.3 px gaps):
#: t02's (benchmarks/annot6) have 16-64 % of their dipping steps in runs of
#: STRAIGHT_DASH_RUN steps or more (crossings, the DEM's dips beside them); dark
#: straight lines of the data dip along their length: the camera's tripod legs under
#: jet and turbo, 75-79 % (followed, 0.03 % of the picture's clean pixels lost).
STRAIGHT_DASH_RUN = 12
STRAIGHT_DASH_LONG = 0.7
#: ... and between its runs of dips the median gap is STRAIGHT_DASH_BETWEEN steps at
#: most (a dash's gap, which JPEG narrows: 1 on every dashed line measured, t02's and
#: the tests'; the camera's tripod legs, 2-5: the 256^2 one under viridis lost 93 px
#: 4+ px from any ink without this gate).
STRAIGHT_DASH_BETWEEN = 1
#: ... and it is the dips that draw it: STRAIGHT_DASH_DIPS steps or more dip where no
#: pixel is flagged (t02's dashed lines: 149-319 steps; a thin dark line of the data
#: that other rules took in part, the JPEG'd motorcycle disparity's gaps: 68 at most,
#: followed, +0.006 to +0.13 point of those pictures).
STRAIGHT_DASH_DIPS = 100
#: ... and it holds flagged pixels of its own: STRAIGHT_DASH_FLAGGED steps or more with
#: one within STRAIGHT_DASH_ACROSS px (t02's dashed lines 12-72 but magma's DEM, 6; the
#: 256^2 camera's tripod legs under jet, JPEG q90, 0 and 4: 0.54 % of it lost without).
STRAIGHT_DASH_FLAGGED = 8
#: Along a dashed line a run bridges gaps of STRAIGHT_DASH_GAP steps (a dash's gap and
#: a weak dash beside it: jet's DEM, 4 steps; t02's dash there 18.8 -> 44.6 % at 5).
STRAIGHT_DASH_GAP = 5
_ANGLES = 360


def straight_strokes(
    flat: np.ndarray, luma_row: np.ndarray, width: int, off_map: np.ndarray, noise: float,
    kept: np.ndarray | None = None, dips: np.ndarray | None = None,
) -> None:  # fmt: skip
    """Mark in ``off_map`` the dips along the straight black lines its flagged pixels
    draw, run by run where a run holds a flagged part. ``flat``: the pixels (N, 3+);
    ``luma_row``: luma's weights times the pixels' scale (DN); ``noise``: the picture's
    noise sigma (DN); ``kept``: flagged pixels that draw no line (a figure's margin, a
    fill; with the flagged pixels of its edge, STRAIGHT_FILL_EDGE), or None; ``dips``:
    pixels that dip across (flat indices, ``_dip_lines``), or None: the lines they
    draw with the flagged ones are looked for too (a dashed line)."""
    if np.count_nonzero(off_map) < STRAIGHT_FLAGGED:  # (all-data pictures: at once)
        return
    height = len(off_map) // width
    if kept is not None:  # (and its JPEG'd edge: STRAIGHT_FILL_EDGE)
        kept = dilated(kept, STRAIGHT_FILL_EDGE, (height, width))
    flagged = off_map if kept is None else off_map & ~kept
    points = np.flatnonzero(flagged)
    if len(points) < STRAIGHT_FLAGGED:
        return
    if len(points) > STRAIGHT_POINTS:
        points = points[:: -(-len(points) // STRAIGHT_POINTS)]
    ys, xs = (points // width).astype(np.float64), (points % width).astype(np.float64)
    lines = _hough_lines(ys, xs, height, width)
    solid = len(lines)
    if dips is not None and len(dips):
        lines += _dashed_lines(flagged, dips, lines, height, width)
    if not lines:
        return
    plane = (flat[:, :3] @ luma_row).reshape(height, width)
    flag_plane = flagged.reshape(height, width)
    out = off_map.reshape(height, width)
    dip = max(STRAIGHT_DIP, STRAIGHT_NOISE * noise)
    if len(lines) > solid:  # (the dashed lines' dipping pixels)
        marks = np.zeros(len(flagged), dtype=bool)
        marks[dips] = True
        marks = marks.reshape(height, width)
    for index, (cy, cx, uy, ux) in enumerate(lines):
        if index < solid:
            ink = _ink_luma(plane, flag_plane, cy, cx, uy, ux, height, width)
        else:
            ink = _dashed_ink(plane, flag_plane, marks, cy, cx, uy, ux)
        if ink == ink:
            _follow(plane, flag_plane, out, cy, cx, uy, ux, ink, dip, STRAIGHT_SHARE,
                    STRAIGHT_AGREE, STRAIGHT_ACROSS, STRAIGHT_REACH,
                    STRAIGHT_GAP if index < solid else STRAIGHT_DASH_GAP)  # fmt: skip


def _hough_lines(
    ys: np.ndarray, xs: np.ndarray, height: int, width: int,
) -> list[tuple[float, float, float, float]]:  # fmt: skip
    """The straight lines (a point on each and its unit direction, (y, x)) that the
    flagged pixels at (``ys``, ``xs``) draw: the Hough transform's strongest cells,
    each refined by a fit to the pixels near it (STRAIGHT_WIDTH, STRAIGHT_RMS,
    STRAIGHT_FLAGGED, STRAIGHT_SPAN)."""
    theta = np.arange(_ANGLES) * (np.pi / _ANGLES)
    cos, sin = np.cos(theta), np.sin(theta)
    reach = int(np.ceil(np.hypot(height, width))) + 1
    votes = np.zeros((_ANGLES, 2 * reach + 1), dtype=np.int32)
    _vote(ys, xs, cos, sin, reach, votes)
    lines: list[tuple[float, float, float, float]] = []
    taken = np.zeros(len(ys), dtype=bool)
    for _ in range(STRAIGHT_LINES):
        cell = int(np.argmax(votes))
        if votes.flat[cell] < STRAIGHT_FLAGGED:
            break
        a, r = divmod(cell, votes.shape[1])
        _suppress(votes, a, r, STRAIGHT_APART_ANGLE, STRAIGHT_APART)
        rho = r - reach
        near = ~taken & (np.abs(xs * cos[a] + ys * sin[a] - rho) <= STRAIGHT_WIDTH + 1.0)
        if np.count_nonzero(near) < STRAIGHT_FLAGGED:
            continue
        py, px = ys[near], xs[near]
        cy, cx = py.mean(), px.mean()
        cov = np.cov(np.stack([py - cy, px - cx]))
        values, vectors = np.linalg.eigh(cov)
        uy, ux = vectors[:, 1]
        across = np.abs((py - cy) * ux - (px - cx) * uy)
        fit = across <= STRAIGHT_WIDTH
        along = (py - cy) * uy + (px - cx) * ux
        if np.count_nonzero(fit) < STRAIGHT_FLAGGED:
            continue
        if np.sqrt(np.mean(across[fit] ** 2)) > STRAIGHT_RMS:
            continue
        if np.ptp(along[fit]) < STRAIGHT_SPAN:
            continue
        # (the stroke's flagged fringe and JPEG's ringing beside it vote for lines at a
        # slight angle through it: no support left for them)
        taken |= np.abs((ys - cy) * ux - (xs - cx) * uy) <= STRAIGHT_APART / 2
        lines.append((float(cy), float(cx), float(uy), float(ux)))
    return lines


def _dashed_lines(
    flagged: np.ndarray, dips: np.ndarray, lines: list[tuple[float, float, float, float]],
    height: int, width: int,
) -> list[tuple[float, float, float, float]]:  # fmt: skip
    """The lines that the flagged pixels and the ``dips`` (flat indices) draw together,
    away from ``lines`` (STRAIGHT_APART): a dashed 0.6 lw line's dashes are few flagged
    pixels each, and over jet's blues none (t02's DEM, JPEG q75: 33 of its 648), but
    they dip across, dash after dash, along one line."""
    points = np.union1d(np.flatnonzero(flagged), dips[~flagged[dips]])
    ys, xs = (points // width).astype(np.float64), (points % width).astype(np.float64)
    free = np.ones(len(points), dtype=bool)
    for cy, cx, uy, ux in lines:
        free &= np.abs((ys - cy) * ux - (xs - cx) * uy) > STRAIGHT_APART / 2
    ys, xs = ys[free], xs[free]
    if len(ys) < STRAIGHT_FLAGGED:
        return []
    if len(ys) > STRAIGHT_POINTS:
        step = -(-len(ys) // STRAIGHT_POINTS)
        ys, xs = ys[::step], xs[::step]
    return _hough_lines(ys, xs, height, width)


def _suppress(votes: np.ndarray, a: int, r: int, angles: int, apart: int) -> None:
    """Zero the Hough cells within ``angles`` cells and ``apart`` px of cell (a, r); the
    angle wraps (theta + pi is theta with rho negated)."""
    n_angles, n_rho = votes.shape
    reach = n_rho // 2
    for k in range(a - angles, a + angles + 1):
        row, rho = k % n_angles, r - reach
        if k < 0 or k >= n_angles:
            rho = -rho
        lo, hi = max(rho + reach - apart, 0), min(rho + reach + apart + 1, n_rho)
        votes[row, lo:hi] = 0


@nb.njit(**_JIT)
def _vote(ys, xs, cos, sin, reach, votes):  # pragma: no cover - numba
    for i in range(len(ys)):
        for a in range(len(cos)):
            r = int(np.floor(xs[i] * cos[a] + ys[i] * sin[a] + 0.5)) + reach
            votes[a, r] += 1


def _ink_luma(
    plane: np.ndarray, flag_plane: np.ndarray, cy: float, cx: float, uy: float, ux: float,
    height: int, width: int,
) -> float:  # fmt: skip
    """The ink's luma (DN) of the line's flagged pixels: black (0) where their darkest
    (the STRAIGHT_CORE th percentile) are STRAIGHT_BLACK or below (a thin stroke's
    pixels blend its ink with the field); NaN for a lighter ink (see STRAIGHT_BLACK),
    where fewer than half STRAIGHT_FLAGGED
    of them lie on it, or where fewer than STRAIGHT_THIN of them have unflagged pixels
    STRAIGHT_REACH px across on both sides (the straight edge of a flagged area)."""
    y, x, ay, ax, by, bx = _steps(cy, cx, uy, ux, height, width)
    on = flag_plane[y, x]
    if np.count_nonzero(on) < STRAIGHT_FLAGGED // 2:
        return float("nan")
    thin = ~flag_plane[ay[on], ax[on]] & ~flag_plane[by[on], bx[on]]
    if thin.mean() < STRAIGHT_THIN:
        return float("nan")
    dark = np.percentile(plane[y[on], x[on]], STRAIGHT_CORE)
    if dark <= STRAIGHT_BLACK:
        return 0.0
    return float("nan")


def _dashed_ink(
    plane: np.ndarray, flag_plane: np.ndarray, marks: np.ndarray, cy: float, cx: float,
    uy: float, ux: float,
) -> float:  # fmt: skip
    """The ink's luma (DN) of a line the dips drew (``_dashed_lines``): black (0) where
    half STRAIGHT_FLAGGED steps along it or more have a flagged pixel or one of
    ``marks`` (dipping) within STRAIGHT_DASH_ACROSS px across, the darkest such pixel
    per step (their STRAIGHT_CORE th percentile) is STRAIGHT_BLACK or below, and the
    dips come and go, dash by dash: at most STRAIGHT_DASH_LONG of the dipping steps
    lie in runs of STRAIGHT_DASH_RUN or more; NaN otherwise. (No thin test: a dip's
    sides agree, no area's edge.)"""
    height, width = plane.shape
    y, x, _, _, _, _ = _steps(cy, cx, uy, ux, height, width)
    on = np.zeros(len(y), dtype=bool)
    dipping = np.zeros(len(y), dtype=bool)
    flagged = np.zeros(len(y), dtype=bool)
    luma = np.full(len(y), np.inf)
    for k in range(-STRAIGHT_DASH_ACROSS, STRAIGHT_DASH_ACROSS + 1):
        qy = np.clip(np.rint(y + k * ux).astype(np.int64), 0, height - 1)
        qx = np.clip(np.rint(x - k * uy).astype(np.int64), 0, width - 1)
        dipping |= marks[qy, qx]
        flagged |= flag_plane[qy, qx]
        there = marks[qy, qx] | flag_plane[qy, qx]
        on |= there
        luma = np.where(there, np.minimum(luma, plane[qy, qx]), luma)
    if np.count_nonzero(on) < STRAIGHT_FLAGGED // 2:
        return float("nan")
    if np.count_nonzero(dipping & ~flagged) < STRAIGHT_DASH_DIPS:
        return float("nan")
    if np.count_nonzero(flagged) < STRAIGHT_DASH_FLAGGED:
        return float("nan")
    edges = np.flatnonzero(np.diff(np.concatenate([[0], dipping.astype(np.int8), [0]])))
    runs = edges[1::2] - edges[::2]
    if runs[runs >= STRAIGHT_DASH_RUN].sum() > STRAIGHT_DASH_LONG * runs.sum():
        return float("nan")
    gaps = edges[2::2] - edges[1:-1:2]  # (between runs of dipping steps)
    if len(gaps) == 0 or np.median(gaps) > STRAIGHT_DASH_BETWEEN:
        return float("nan")
    if np.percentile(luma[on], STRAIGHT_CORE) <= STRAIGHT_BLACK:
        return 0.0
    return float("nan")


def _steps(
    cy: float, cx: float, uy: float, ux: float, height: int, width: int,
) -> tuple[np.ndarray, ...]:  # fmt: skip
    """The line's steps (rows, columns) whose sides STRAIGHT_REACH px across lie in the
    picture, and those sides' (rows, columns)."""
    span = int(np.hypot(height, width))
    t = np.arange(-span, span + 1, dtype=np.float64)
    y = np.rint(cy + t * uy).astype(np.int64)
    x = np.rint(cx + t * ux).astype(np.int64)
    ay = np.rint(cy + t * uy + STRAIGHT_REACH * ux).astype(np.int64)
    ax = np.rint(cx + t * ux - STRAIGHT_REACH * uy).astype(np.int64)
    by = np.rint(cy + t * uy - STRAIGHT_REACH * ux).astype(np.int64)
    bx = np.rint(cx + t * ux + STRAIGHT_REACH * uy).astype(np.int64)
    inside = (np.minimum.reduce([y, ay, by]) >= 0) & (np.maximum.reduce([y, ay, by]) < height)
    inside &= (np.minimum.reduce([x, ax, bx]) >= 0) & (np.maximum.reduce([x, ax, bx]) < width)
    return tuple(v[inside] for v in (y, x, ay, ax, by, bx))


@nb.njit(**_JIT)
def _follow(plane, flag_plane, out, cy, cx, uy, ux, ink, dip, share, agree, across,
            reach, gap):  # pragma: no cover - numba
    """Along the line through (cy, cx) in direction (uy, ux): the steps whose pixel
    nearest the ``ink``'s luma within ``across`` px across lies beyond both sides
    ``reach`` px across toward it (below them for an ink darker than their mean) by
    ``dip`` DN and ``share`` of the sides' way to the ink (the sides agreeing within
    ``agree`` times the dip); runs of them (gaps of ``gap`` steps at most) that
    hold a flagged pixel within ``across`` px mark in ``out`` their deepest pixel and
    those beside it across half as deep."""
    height, width = plane.shape
    span = int(np.hypot(height, width))
    n = 2 * span + 1
    m = 2 * across + 1
    hit_y = np.full((n, m), -1, dtype=np.int64)
    hit_x = np.full((n, m), -1, dtype=np.int64)
    dips = np.zeros(n, dtype=np.bool_)
    held = np.zeros(n, dtype=np.bool_)
    for i in range(n):
        t = i - span
        py, px = cy + t * uy, cx + t * ux
        ay, ax = int(np.rint(py + reach * ux)), int(np.rint(px - reach * uy))
        by, bx = int(np.rint(py - reach * ux)), int(np.rint(px + reach * uy))
        if min(ay, by) < 0 or max(ay, by) >= height or min(ax, bx) < 0 or max(ax, bx) >= width:
            continue
        side_a, side_b = plane[ay, ax], plane[by, bx]
        sign = -1.0 if 0.5 * (side_a + side_b) > ink else 1.0
        side = min(side_a, side_b) if sign < 0 else max(side_a, side_b)
        least = max(dip, share * abs(side - ink))
        best, at = 0.0, 0
        for k in range(m):
            qy = int(np.rint(py + (k - across) * ux))
            qx = int(np.rint(px - (k - across) * uy))
            if flag_plane[qy, qx]:
                held[i] = True
            depth = (side - plane[qy, qx]) * -sign
            if depth > best:
                best, at = depth, k
            if depth >= 0.5 * least:
                hit_y[i, k], hit_x[i, k] = qy, qx
        for k in range(m):  # (the stroke: the deepest pixel and those beside it)
            if abs(k - at) > 1:
                hit_y[i, k] = -1
        if best >= least and abs(side_a - side_b) <= agree * best:
            dips[i] = True
    i = 0
    while i < n:
        if not dips[i]:
            i += 1
            continue
        start, end, last, holds = i, i, i, held[i]
        j = i + 1
        while j < n and j - last <= gap + 1:
            if dips[j]:
                last = j
            holds = holds or held[j]
            j += 1
        end = last
        if holds:
            for s in range(start, end + 1):
                if dips[s]:
                    for k in range(m):
                        if hit_y[s, k] >= 0:
                            out[hit_y[s, k], hit_x[s, k]] = True
        i = end + 1
