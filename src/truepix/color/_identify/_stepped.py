"""Stepped colorbars: contourf levels, BoundaryNorm, maps of few colors.

A stepped bar is a stack of runs of one color, each at least
:data:`_MIN_STEP_LENGTH` pixels long, separated by at most a few pixels of
antialiased blend or a line drawn across (a contour level). Its colors are
one per step and its boundaries the fractions of its length where the
steps meet.
"""

from __future__ import annotations

import numpy as np

from truepix.color._identify._bar import Colorbar

__all__ = [
    "LINE_LENGTH",
    "MIN_STEPS",
    "STEP_NOISE",
    "isolated",
    "looks_stepped",
    "run_starts",
    "score_stepped",
    "smoothed",
    "stepped_bar",
]

MIN_STEPS, MAX_STEPS = 3, 40  # colors of a stepped bar (contourf, BoundaryNorm, few-color maps)
_MIN_STEP_LENGTH = 3  # pixels each step of a stepped bar covers at least
_THICK_LINE = 5  # pixels: a run this short between two of one color is a line across
_STEP_NOISE = 12  # DN along a compressed bar's step that are still one color
STEP_NOISE = _STEP_NOISE
LINE_LENGTH = 3  # pixels: a darker run this short between two steps is a line drawn across
# a compressed bar (JPEG: 8x8 blocks, 4:2:0 chroma) blurs each boundary between two
# steps over up to this many pixels, and rings inside a step near the bar's ends and
# its boundaries: short runs there, within this many DN of the step, are that step
_NOISY_BLEND = 8
_NOISY_SAME = 24
_EVEN_SLACK = 0.15  # steps a read boundary may lie off an even division to be taken as even
_MERGE_DN = 12  # DN between pieces of a compressed run that are still one step (viridis levels: 20)
_FLAT_DN = 16  # DN a compressed step's pixels stay within of its color
# DN a compressed step's color may move between its two ends. A ramp's run (cut by _steps at
# 2 * _STEP_NOISE from its first color) moves ~2/3 of that between its thirds: 17.5 DN median,
# <= 10 in 1% of 557 runs (10 maps, imshow bars, JPEG q50-q90); JPEG'd contourf steps move by
# block noise, <= 6 DN in 86-97% of 683 steps, <= 10 in 92-99%: 6 took a step for a ramp
_FLAT_DRIFT = 10
# a resampled (not compressed) bar keeps each step flat to a DN or two: steps that differ by
# less than the compressed run's noise (RdBu_r's two middle levels, 19 DN apart) are two
_FLAT_STEP_DN, _FLAT_STEP_LENGTH, _FLAT_STEP_JUMP = 2, 6, 8


def smoothed(profile: np.ndarray, tolerance: int) -> np.ndarray:
    """A compressed bar's colors with each run of nearly one color set to its median."""
    if tolerance == 0:
        return profile
    starts = _steps(profile, _STEP_NOISE)
    out = profile.copy()
    for a, b in zip(starts, [*starts[1:], len(profile)], strict=True):
        out[a:b] = np.median(profile[a:b], axis=0)
    return out


def _steps(profile: np.ndarray, noise: int) -> np.ndarray:
    """Where each run of (nearly, within ``noise`` DN) one color starts.

    A run also ends where it drifts more than twice ``noise`` from its first
    color: JPEG blurs the boundary between two close steps (the light middle
    of a diverging map) into a ramp whose neighbours all lie within ``noise``.
    """
    wide = profile.astype(np.int16)
    change = np.ones(len(profile), dtype=bool)
    change[1:] = np.abs(np.diff(wide, axis=0)).max(axis=1) > noise
    starts = np.flatnonzero(change)
    stops = [*starts[1:], len(profile)]
    drifted = []
    for a, b in zip(starts, stops, strict=True):
        drifted.append(a)
        if np.ptp(wide[a:b], axis=0).max() <= 2 * noise:
            continue  # the common case: the run keeps its color
        anchor = wide[a]
        for i in range(a + 1, b):
            if np.abs(wide[i] - anchor).max() > 2 * noise:
                drifted.append(i)
                anchor = wide[i]
    # a run may hold steps flat to a few DN that a resampled bar blends over a pixel or two
    # (a diverging map's light middle): closer than the noise, they are steps all the same
    out = []
    for a, b in zip(drifted, [*drifted[1:], len(profile)], strict=True):
        out.extend(a + k for k in _flat_steps(wide[a:b]))
    return np.array(out, dtype=np.intp)


def _flat_steps(run: np.ndarray) -> list[int]:
    """Where the steps of a run of flat steps start: each within :data:`_FLAT_STEP_DN` of
    its first color for :data:`_FLAT_STEP_LENGTH` pixels or more, the next one
    :data:`_FLAT_STEP_JUMP` DN away or more past at most two pixels of blend (at the run's
    ends too). ``[0]`` unless the whole run is such steps (a ramp's colors keep moving).

    Examples
    --------
    >>> blend, first, second = [[249, 238, 231]], [[249, 235, 227]] * 9, [[231, 240, 244]] * 9
    >>> _flat_steps(np.array(blend + first + [[240, 237, 235]] + second))
    [0, 11]
    >>> _flat_steps(np.arange(19)[:, None].repeat(3, axis=1))  # a ramp
    [0]
    """
    n, starts = len(run), [0]

    def flat_from(first: int) -> int | None:  # a flat step starting at first, or just after
        for t in range(first, min(first + 3, n - _FLAT_STEP_LENGTH + 1)):
            if np.ptp(run[t : t + _FLAT_STEP_LENGTH], axis=0).max() <= _FLAT_STEP_DN:
                return t
        return None

    at = flat_from(0)
    while at is not None:
        off = np.flatnonzero(np.abs(run[at:] - run[at]).max(axis=1) > _FLAT_STEP_DN)
        end = n if not off.size or n - (at + int(off[0])) <= 2 else at + int(off[0])
        if end == n:
            return starts
        nxt = flat_from(end)
        if end - at < _FLAT_STEP_LENGTH or nxt is None:
            break
        if np.abs(run[nxt] - run[end - 1]).max() < _FLAT_STEP_JUMP:
            break
        starts.append(nxt)
        at = nxt
    return [0]


def run_starts(profile: np.ndarray) -> np.ndarray:
    """Where each run of one color starts along the bar: the colormap's bins.

    A bar longer than its colormap draws each bin over one or more whole
    pixels; keeping one entry per run makes entry ``i`` the bin ``i`` whatever
    the bar's length, so positions do not depend on where its ends were cut.
    """
    change = np.ones(len(profile), dtype=bool)
    change[1:] = np.any(profile[1:] != profile[:-1], axis=1)
    return np.flatnonzero(change)


def _step_runs(profile: np.ndarray, noisy: bool = False) -> list[tuple[int, int]]:
    """The steps along a bar: runs of one color at least :data:`_MIN_STEP_LENGTH` long.

    Shorter runs between them are transitions: antialiased blends of two
    steps, or lines drawn across the bar (contour levels). On a compressed
    bar (``noisy``) a short run close in color to a long one beside it is
    ringing inside that step.
    """
    starts = run_starts(profile)
    stops = np.append(starts[1:], len(profile))
    runs = [
        (int(a), int(b)) for a, b in zip(starts, stops, strict=True) if b - a >= _MIN_STEP_LENGTH
    ]
    if noisy:
        runs, profile = _without_ringing(profile, runs)

    # one step with a line drawn across it (a contour level inside a color's
    # range) is two runs of the same color: they are one step
    def same(i: int, j: int) -> bool:
        return bool(np.abs(profile[i].astype(np.int16) - profile[j].astype(np.int16)).max() <= 2)

    steps: list[tuple[int, int]] = []
    for a, b in runs:
        if steps and same(a, steps[-1][0]) and a - steps[-1][1] <= LINE_LENGTH + 1:
            steps[-1] = (steps[-1][0], b)
            continue
        # a thick line is a short run of its own between two runs of one color
        if len(steps) >= 2 and steps[-1][1] - steps[-1][0] <= _THICK_LINE and same(a, steps[-2][0]):
            if a - steps[-2][1] <= _THICK_LINE + 2 * LINE_LENGTH:
                steps.pop()
                steps[-1] = (steps[-1][0], b)
                continue
        steps.append((a, b))
    return steps


def _without_ringing(
    profile: np.ndarray, runs: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Short runs of a compressed bar joined to the long run beside them they are close to.

    JPEG rings inside a step near the bar's outline and its boundaries,
    cutting its ends into short runs a little off its color; a long run
    (more than :data:`_NOISY_BLEND` pixels) is a step's own color.
    """
    runs = list(runs)
    profile = profile.copy()

    def near(i: int, j: int) -> bool:
        difference = profile[i].astype(np.int16) - profile[j].astype(np.int16)
        return bool(np.abs(difference).max() <= _NOISY_SAME)

    def long(k: int) -> bool:
        return runs[k][1] - runs[k][0] > _NOISY_BLEND

    joined = True
    while joined:
        joined = False
        for k, other in ((k, o) for k in range(len(runs)) for o in (k - 1, k + 1)):
            if long(k) or not 0 <= other < len(runs) or not long(other):
                continue
            first, second = sorted((k, other))
            if runs[second][0] - runs[first][1] > LINE_LENGTH + 1 or not near(runs[k][0], runs[other][0]):
                continue
            span = (runs[first][0], runs[second][1])
            profile[span[0] : span[1]] = profile[runs[other][0]]
            runs[first : second + 1] = [span]
            joined = True
            break
    return runs, profile


def looks_stepped(profile: np.ndarray) -> bool:
    """Whether a compressed bar's colors are flat steps (or a piece of a stepped bar).

    Compression noise makes every pixel of a stepped bar a distinct color, so
    it passes for a continuous bar; its colors still stay put along each step,
    where a continuous bar's keep moving. Runs of nearly one color (pieces
    within :data:`_MERGE_DN` of each other joined) are flat when
    nearly all their pixels lie within :data:`_FLAT_DN` of their median.

    Examples
    --------
    >>> steps = np.repeat(np.array([[20, 40, 200], [90, 160, 60], [230, 200, 10]], np.uint8), 30, axis=0)
    >>> ramp = np.linspace(0, 255, 90).astype(np.uint8)[:, None].repeat(3, axis=1)
    >>> looks_stepped(steps), looks_stepped(ramp)
    (True, False)
    """
    wide = profile.astype(np.int16)
    n = len(wide)
    starts = _steps(profile, _STEP_NOISE)
    runs: list[list[int]] = []
    for a, b in zip(starts, [*starts[1:], n], strict=True):
        if runs and np.abs(np.median(wide[a:b], axis=0) - np.median(wide[runs[-1][0] : runs[-1][1]], axis=0)).max() <= _MERGE_DN:
            runs[-1][1] = b
        else:
            runs.append([a, b])
    flat = []
    for a, b in runs:
        if b - a >= 6:
            run = wide[a:b]
            deviation = np.abs(run - np.median(run, axis=0)).max(axis=1)
            third = (b - a) // 3
            # a step's color stays put from one end to the other; a ramp's moves on
            drift = np.abs(np.median(run[:third], axis=0) - np.median(run[-third:], axis=0)).max()
            if np.mean(deviation <= _FLAT_DN) >= 0.9 and drift <= _FLAT_DRIFT:
                flat.append(b - a)
    if not flat:
        return False
    return bool(max(flat) >= max(8, 0.25 * n) or (len(flat) >= MIN_STEPS and sum(flat) >= 0.7 * n))


def isolated(
    rgb: np.ndarray, rect: tuple[int, int, int, int], profile: np.ndarray, noisy: bool = False
) -> bool:
    """Whether a column beside a stepped candidate keeps still where its steps change.

    A bar stands on a background (or in its outline); a column of blocks in
    a blocky image has neighbours whose colors change on the same rows.
    """
    left, top, right, _ = rect
    steps = _step_runs(profile, noisy)
    rows = np.array([top + a for a, _ in steps[1:]])
    if len(rows) == 0:
        return False
    middles = np.array([top + (a + b) // 2 for a, b in steps])
    # JPEG's chroma bleeds and rings a few pixels out from the bar: look further out
    beside_columns = (left - 6, right + 5) if noisy else (left - 3, right + 2)
    for column in beside_columns:
        if 0 <= column < rgb.shape[1]:
            beside = rgb[middles, column].astype(np.int16)
            colorful = (beside.max(axis=1) - beside.min(axis=1)) > 20
            if colorful.mean() > 0.5 and len(np.unique(beside, axis=0)) > len(steps) // 2:
                return False  # more cells of a plot beside it, not ticks or background
    # tick marks beside a bar change where its steps do, but only on one side. A
    # compressed bar's steps ring a few DN out past its outline (chroma most): there a
    # change counts when it is a quarter of the bar's own step as well
    inside = rgb[:, (left + right) // 2].astype(np.int16)
    least = 12
    if noisy:
        after = inside[np.minimum(rows + 3, len(inside) - 1)]
        least = np.maximum(12, np.abs(after - inside[rows - 3]).max(axis=1) // 4)
    for column in beside_columns:
        if not 0 <= column < rgb.shape[1]:
            continue
        outside = rgb[:, column].astype(np.int16)
        changes = np.abs(outside[rows] - outside[rows - 3]).max(axis=1) > least
        if changes.mean() < 0.5:
            return True
    return False


def _gray_turning(colors: np.ndarray) -> bool:
    """Whether steps are grays whose lightness goes down and up again: a glyph, not a bar.

    The inside of an "8" or a "B" (white, black waist, white) stacks runs of
    one color as a stepped bar does; every gray colormap runs one way.

    Examples
    --------
    >>> _gray_turning(np.array([[255] * 3, [0] * 3, [255] * 3])), _gray_turning(np.array([[0] * 3, [128] * 3, [255] * 3]))
    (True, False)
    """
    wide = colors.astype(np.int16)
    if (wide.max(axis=1) - wide.min(axis=1)).max() > 24:
        return False
    rises = np.diff(wide.mean(axis=1))
    return bool(rises.max() > 12 and rises.min() < -12)


def score_stepped(profile: np.ndarray, noisy: bool = False) -> float:
    """How much a run of colors looks like a stepped colorbar: 0 when not at all.

    Below any continuous bar's score (those have at least 12 distinct colors),
    so a smooth bar is preferred where both fit. ``noisy``: a compressed
    bar's, whose boundaries are blurred wider.
    """
    steps = _step_runs(profile, noisy)
    if not MIN_STEPS <= len(steps) <= MAX_STEPS:
        return 0.0
    gaps = [steps[k + 1][0] - steps[k][1] for k in range(len(steps) - 1)]
    covered = sum(b - a for a, b in steps)
    if max(gaps) > (_NOISY_BLEND if noisy else LINE_LENGTH) or covered < 0.8 * (steps[-1][1] - steps[0][0]):
        return 0.0
    # the end steps may be long (levels past the data's range share one color)
    lengths = np.array([b - a for a, b in steps[1:-1]])
    if lengths.max() > 4 * np.median(lengths):
        return 0.0
    colors = np.array([profile[a] for a, _ in steps], dtype=np.int16)
    if np.abs(np.diff(colors, axis=0)).max(axis=1).min() < 3:
        return 0.0
    if np.all(colors.max(axis=1) - colors.min(axis=1) < 12) and np.all(colors.min(axis=1) > 200):
        return 0.0  # light grays: a table or a frame, not a bar
    if _gray_turning(colors):
        return 0.0
    return len(steps) / 100.0 + covered / 1.0e6  # the longer of two readings of a bar wins a tie


def stepped_bar(
    view: np.ndarray, rect: tuple[int, int, int, int], orientation: str, tolerance: int
) -> Colorbar | None:
    """A stepped bar: one color per step and the steps' boundaries (lines across dropped)."""
    x0, y0, x1, y1 = rect
    inner = view[y0:y1, x0 + 1 : x1 - 1] if x1 - x0 >= 3 else view[y0:y1, x0:x1]
    pixels = smoothed(np.rint(np.median(inner, axis=1)).astype(np.uint8), tolerance)
    steps = _step_runs(pixels, tolerance > 0)
    if len(steps) < MIN_STEPS:
        return None
    edges = [float(steps[0][0])]
    edges += [(steps[k][1] + steps[k + 1][0]) / 2.0 for k in range(len(steps) - 1)]
    edges.append(float(steps[-1][1]))
    colors = np.array([pixels[(a + b) // 2] for a, b in steps], dtype=np.uint8)
    top, bottom = y0 + steps[0][0], y0 + steps[-1][1]
    fractions = (np.array(edges) - edges[0]) / (edges[-1] - edges[0])
    even = np.linspace(0.0, 1.0, len(fractions))
    if np.abs(fractions - even).max() <= _EVEN_SLACK / (len(fractions) - 1):
        fractions = even  # evenly drawn steps (matplotlib's default), read a pixel or two off
    exact = tolerance == 0
    # as for a continuous bar: an outline's inner half covers the outermost pixel across
    middle = view[(top + bottom) // 2].astype(np.int16)
    if x0 >= 2 and np.any(middle[x0 - 1] != middle[x0 - 2]):
        x0 -= 1
    if x1 + 1 < view.shape[1] and np.any(middle[x1] != middle[x1 + 1]):
        x1 += 1
    if orientation == "vertical":
        return Colorbar(
            (x0, top, x1, bottom), orientation, colors[::-1], exact, 1.0 - fractions[::-1]
        )
    return Colorbar((top, x0, bottom, x1), orientation, colors, exact, fractions)
