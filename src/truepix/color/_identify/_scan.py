"""Bar-shaped candidates in a figure, and continuous bars built from them.

A colorbar is a long rectangle whose every cross-section is one color. For
each row the picture is split into runs of one color; a candidate is a
stack of rows whose runs start and end at the same columns (the bar's
sides). A continuous bar has many distinct, smoothly changing colors along
the stack; a stepped one (:mod:`._stepped`) few, in runs.
"""

from __future__ import annotations

import numpy as np

from truepix.color._identify._bar import Colorbar
from truepix.color._identify._stepped import (
    LINE_LENGTH,
    MAX_STEPS,
    MIN_STEPS,
    STEP_NOISE,
    isolated,
    looks_stepped,
    run_starts,
    score_stepped,
    smoothed,
)

__all__ = ["candidates", "continuous_bar"]

_MIN_LENGTH = 24  # pixels along the bar
_MIN_WIDTH = 3  # pixels across it
_MIN_ASPECT = 3.0  # length / width
_MIN_DISTINCT = 12  # distinct colors along a continuous bar
_LINE_CONTRAST = 40  # DN a line drawn across a continuous bar stands from the colors under it
_MAX_STEP = 64  # largest color jump between neighbouring pixels along the bar (DN)
_STEP_RUN = 8  # pixels a step's run of one color is long at least (a ramp's: one or two)
_RUN_SHARE = 0.6  # share of a stepped strip's length its steps' runs cover
_END_DEVIATION = 3  # DN an end color may leave the continuation of the colors inside
_MAX_TRIM = 3  # pixels of outline trimmed at most from each end
_STRIP_DN = 40  # DN within which a strip's neighbours follow its colors
_MAX_LINE_SHARE = 0.2  # share of a bar's length lines drawn across it may cover
_GRAY_SPREAD = 24  # DN between channels under which a color is a gray
_TURN = 24  # DN a gray bar's lightness may turn back by (noise); text turns by far more
_JITTER = 2  # pixels a bar's side may wander from row to row (antialiased outline)
_ACROSS_DN = 48  # DN a compressed bar's row may span across (the median row)
_REACH = 8  # pixels beyond a bar's side within which a plain line (outline, background) runs
_PLAIN_DN = 16  # DN within which a compressed plain line's pixels keep its typical color
_PLAIN_SHARE = 0.8  # share of a plain line's length that keeps its color (ticks, labels cross it)


def _packed(rgb: np.ndarray) -> np.ndarray | None:
    """Each 8-bit RGB pixel as one int32 (equal colors, equal numbers), or None for other pictures."""
    if rgb.dtype != np.uint8 or rgb.ndim != 3 or rgb.shape[2] != 3:
        return None
    packed = rgb[..., 0].astype(np.int32)
    for channel in (1, 2):
        packed <<= 8
        packed |= rgb[..., channel]
    return packed


def _largest_step(rgb: np.ndarray, axis: int) -> np.ndarray:
    """The largest channel difference between neighbours along ``axis`` (0: rows, 1: columns)."""
    wide = rgb.astype(np.int16)
    later = wide[1:] if axis == 0 else wide[:, 1:]
    earlier = wide[:-1] if axis == 0 else wide[:, :-1]
    # channel by channel: numpy's max over a short last axis is several times slower
    step = np.abs(later[..., 0] - earlier[..., 0])
    for channel in range(1, rgb.shape[2]):
        np.maximum(step, np.abs(later[..., channel] - earlier[..., channel]), out=step)
    return step


def _row_runs(rgb: np.ndarray, tolerance: int, packed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """For each pixel, the first and one-past-last column of its run of one color.

    ``packed`` is :func:`_packed` of ``rgb``: with it, an exact run compares
    one number a pixel.
    """
    height, width = rgb.shape[:2]
    if tolerance == 0 and packed is not None:
        same = packed[:, 1:] == packed[:, :-1]  # (H, W - 1)
    else:
        same = _largest_step(rgb, axis=1) <= tolerance
    columns = np.arange(width, dtype=np.int32)  # int32 halves the memory the scans below stream
    starts_here = np.ones((height, width), dtype=bool)
    starts_here[:, 1:] = ~same
    start = np.maximum.accumulate(np.where(starts_here, columns, np.int32(0)), axis=1)
    ends_here = np.ones((height, width), dtype=bool)
    ends_here[:, :-1] = ~same
    end = np.minimum.accumulate(np.where(ends_here, columns, np.int32(width))[:, ::-1], axis=1)[:, ::-1]
    return start, end + 1


def _column_median(values: np.ndarray) -> np.ndarray:
    """Median of each pixel and the two rows above and below it (edges repeated)."""
    padded = np.pad(values, ((2, 2), (0, 0)), mode="edge")
    rows = len(values)
    a, b, c, d, e = (padded[k : k + rows] for k in range(5))
    # the median of five by a min/max network: the larger of the pairs' minima and the
    # smaller of their maxima bracket the median, which the fifth value then picks
    low = np.maximum(np.minimum(a, b), np.minimum(c, d))
    high = np.minimum(np.maximum(a, b), np.maximum(c, d))
    return np.maximum(np.minimum(low, high), np.minimum(np.maximum(low, high), e))


def candidates(rgb: np.ndarray, tolerance: int) -> list[tuple[float, tuple[int, int, int, int]]]:
    """Rectangles (left, top, right, bottom) of stacked rows that share one run, scored.

    A stack follows one column down while the run through it keeps its extent
    (within a pixel or two: the bar's outline is antialiased, so its sides
    blend into the bar's colors on some rows and not on others).
    """
    packed = _packed(rgb)
    start, end = _row_runs(rgb, tolerance, packed)
    if tolerance > 0:
        # compression noise cuts single rows' runs short: the median of five rows
        # down each column keeps the bar's sides
        start, end = _column_median(start), _column_median(end)
    height, width = start.shape
    run_width = end - start
    wide = run_width >= _MIN_WIDTH
    cont = np.zeros_like(wide)
    cont[1:] = (
        wide[1:]
        & wide[:-1]
        & (np.abs(start[1:] - start[:-1]) <= _JITTER)
        & (np.abs(end[1:] - end[:-1]) <= _JITTER)
    )
    stack_end = wide.copy()
    stack_end[:-1] &= ~cont[1:]
    # Column by column (transposed, so a stack is contiguous in the flat order).
    tops = np.flatnonzero((wide & ~cont).T)
    bottoms = np.flatnonzero(stack_end.T) + 1
    lengths = bottoms - tops
    keep = lengths >= _MIN_LENGTH
    tops, bottoms = tops[keep], bottoms[keep]
    # Cheap test before the careful one: enough color changes down the column.
    changes = np.zeros((height, width), dtype=np.int32)
    changes[1:] = packed[1:] != packed[:-1] if packed is not None else _largest_step(rgb, axis=0) > 0
    changes_flat = np.cumsum(changes.T.ravel())
    keep = changes_flat[bottoms - 1] - changes_flat[tops] >= MIN_STEPS - 1
    found: dict[tuple[int, int, int, int], float] = {}
    short: list[tuple[tuple[int, int, int, int], int]] = []  # stacks too stubby for a bar: halves, maybe
    seen: set[tuple[int, int, int, int]] = set()
    for first, stop in zip(tops[keep], bottoms[keep], strict=True):
        x, top = divmod(int(first), height)
        bottom = top + int(stop - first)
        # every column of one run gives the same rectangle: look at one of them
        key = (top, bottom, int(start[top, x]), int(end[top, x]))
        if key in seen:
            continue
        seen.add(key)
        # rows whose run narrows away from the bar's width are an extend triangle's
        widths = run_width[top:bottom, x]
        steady = np.flatnonzero(np.abs(widths - np.median(widths)) <= (2 if tolerance else 0.5))
        if len(steady) == 0:
            continue
        longest = max(np.split(steady, np.flatnonzero(np.diff(steady) > 1) + 1), key=len)
        if not tolerance and len(steady) - len(longest) <= 4:
            # an extend triangle's base is as wide as the bar, past a row or two as wide as
            # the outline: the bar is the longest unbroken stretch of steady rows (a stack
            # broken into long pieces is a compressed picture's, left to the noise-tolerant search)
            steady = longest
        top, bottom = top + int(steady[0]), top + int(steady[-1]) + 1
        # the sides, from three rows (a median over all of them costs too much per candidate)
        rows = [top + (bottom - top) // 4, (top + bottom) // 2, bottom - 1 - (bottom - top) // 4]
        left = int(sorted(start[rows, x])[1])
        right = int(sorted(end[rows, x])[1])
        length = bottom - top
        rect = (left, top, right, bottom)
        if rect in found or length < _MIN_LENGTH:
            continue
        if length < _MIN_ASPECT * (right - left):
            short.append((rect, x))
            continue
        found[rect] = _judged(rgb, rect, tolerance)
    for rect in _bridged(short, start, end) if tolerance else ():
        if rect not in found:
            found[rect] = _judged(rgb, rect, tolerance)
    return [(score, rect) for rect, score in found.items() if score > 0]


def _bridged(
    short: list[tuple[tuple[int, int, int, int], int]], start: np.ndarray, end: np.ndarray
) -> list[tuple[int, int, int, int]]:
    """Two stacks too short to be bars, one above the other with the same sides, joined across the rows between.

    A diverging map whose middle is the background's color (plotnine's
    ``scale_fill_gradient2``, white at 0, on white) merges with the
    background there for the noise-tolerant search: its middle rows' runs
    reach past the bar's sides, and the bar falls into two halves. Rows
    between that each cover both sides join them, when the gap is shorter
    than either half.
    """
    out = []
    short = sorted(short, key=lambda item: item[0][1])
    for k, ((left, top, right, bottom), x) in enumerate(short):
        for (l2, t2, r2, b2), _ in short[k + 1 :]:
            gap = t2 - bottom
            if abs(l2 - left) > _JITTER or abs(r2 - right) > _JITTER or not 0 < gap <= min(bottom - top, b2 - t2):
                continue
            rows = slice(bottom, t2)
            if np.all(start[rows, x] <= left + _JITTER) and np.all(end[rows, x] >= right - _JITTER):
                if b2 - top >= _MIN_ASPECT * (right - left):
                    out.append((left, top, right, b2))
    return out


def _judged(rgb: np.ndarray, rect: tuple[int, int, int, int], tolerance: int) -> float:
    """A candidate's score as a continuous or a stepped bar (the better), 0 if neither."""
    # the cheap tests that rule a candidate out whatever its score, first: most
    # candidates in a figure are rows of a heatmap's cells
    if not _plain_beside(rgb, rect, tolerance) or (tolerance and not _uniform_across(rgb, rect)):
        return 0.0
    left, top, right, bottom = rect
    profile = rgb[top:bottom, (left + right) // 2]
    raw = profile
    if tolerance and right - left >= 5:
        # a compressed bar's colors: the median of three columns across it
        across = [left + (right - left) // 4, (left + right) // 2, right - 1 - (right - left) // 4]
        raw = np.median(rgb[top:bottom, across], axis=1).astype(np.uint8)
    flat = smoothed(raw, tolerance)
    stepped = score_stepped(flat, tolerance > 0)
    if stepped and not isolated(rgb, rect, flat, tolerance > 0):
        stepped = 0.0
    # noise makes a compressed stepped bar's pixels distinct colors (a gray one's even
    # to the exact search, having no chroma noise): not a continuous bar
    smooth = 0.0 if looks_stepped(raw) or _in_runs(profile) else _score(profile)
    if smooth and tolerance and _told_apart(raw) < _MIN_DISTINCT:
        smooth = 0.0  # its "colors" are noise over a stretch of one or two: a band of a plot
    if smooth and _between_strips(rgb, rect):
        smooth = 0.0
    return max(smooth, stepped)


def _in_runs(profile: np.ndarray) -> bool:
    """Whether a strip's colors stand in long runs of one color: a stepped bar, not a ramp.

    A continuous bar changes color every pixel or two (256 colors over a few
    hundred pixels); a contourf's bar of a map whose neighbouring levels lie
    close in color (viridis, 12 levels: steps 20-32 DN apart) passes the
    continuous test of small steps, but each color fills a run of tens of
    rows (trial 52: read as a 366-color table, 9.4x the nearest-color error
    on a HiDPI figure). The outline's rows at the ends and the blended rows
    between the steps of a resampled figure are short runs; the steps' long
    runs (at least ``_STEP_RUN`` pixels) cover most of the strip. A JPEG'd
    strip has no runs: every pixel is its own color.

    Examples
    --------
    >>> lut = np.array([[68, 1, 84], [59, 82, 139], [33, 145, 140]], np.uint8)
    >>> steps = np.repeat(lut, 30, axis=0)
    >>> ramp = np.linspace(0, 255, 90).astype(np.uint8)[:, None].repeat(3, axis=1)
    >>> _in_runs(steps), _in_runs(ramp)
    (True, False)
    """
    change = np.flatnonzero(np.any(profile[1:] != profile[:-1], axis=1)) + 1
    runs = np.diff(np.concatenate([[0], change, [len(profile)]]))
    long = runs[runs >= _STEP_RUN]
    return bool(MIN_STEPS <= len(long) <= MAX_STEPS and long.sum() >= _RUN_SHARE * len(profile))


def _told_apart(profile: np.ndarray) -> int:
    """How many colors along a compressed strip stand apart through its noise.

    JPEG makes every pixel of a flat stretch a distinct color, so a piece of
    one contourf band (or of two, with the blend between) counts as many
    "colors" as a colorbar. Along the median of five pixels, a color counts
    when it lies more than the noise (``_STEP_NOISE`` DN) from the last one
    counted: a colormap's path shows dozens, a flat stretch one.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> flat = np.clip(rng.normal(120, 3, (60, 3)), 0, 255).astype(np.uint8)
    >>> ramp = np.linspace(0, 255, 60).astype(np.uint8)[:, None].repeat(3, axis=1)
    >>> _told_apart(flat), _told_apart(ramp)
    (1, 20)
    """
    steady = _column_median(profile.astype(np.int16))
    count, last = 1, steady[0]
    for colour in steady[1:]:
        if np.abs(colour - last).max() > STEP_NOISE:
            count, last = count + 1, colour
    return count


def _uniform_across(rgb: np.ndarray, rect: tuple[int, int, int, int]) -> bool:
    """Whether a compressed candidate is one color across, as a bar is.

    The noise-tolerant search chains neighbours a few DN apart, so a smooth
    field (a bicubic imshow) passes for one run across; a bar's rows are one
    color up to the noise, their outermost pixels (ringing at the outline) aside.
    """
    left, top, right, bottom = rect
    inner = rgb[top:bottom, left + 2 : right - 2] if right - left > 6 else rgb[top:bottom, left:right]
    spread = (inner.max(axis=1).astype(np.int16) - inner.min(axis=1)).max(axis=1)
    return bool(np.median(spread) <= _ACROSS_DN)


def _plain_beside(rgb: np.ndarray, rect: tuple[int, int, int, int], tolerance: int) -> bool:
    """Whether each side of a candidate has a plain line within a few pixels of it.

    A colorbar stands apart: beside each side runs its outline or the
    background (ticks and labels interrupt it only here and there). A row or
    column of a heatmap's cells has more cells beside it on at least one side,
    whose colors change along its length. A side at the picture's edge counts
    as plain.
    """
    left, top, right, bottom = rect
    near = _PLAIN_DN if tolerance else 2  # an exact picture's background is one color
    for first, stop in ((left - _REACH, left), (right, right + _REACH)):
        if first < 0 or stop > rgb.shape[1]:
            continue  # the picture's edge is within reach
        columns = rgb[top:bottom, first:stop].astype(np.int16)
        typical = np.median(columns, axis=0)
        plain = np.mean(np.abs(columns - typical).max(axis=2) <= near, axis=0) >= _PLAIN_SHARE
        if not plain.any():
            return False
    return True


def _between_strips(rgb: np.ndarray, rect: tuple[int, int, int, int]) -> bool:
    """Whether the lines just beside a candidate, on both sides, look like bars too.

    A colorbar stands on the background, with its outline, ticks and labels
    beside it. A row of cells of a smooth field (an imshow shrunk by a
    screenshot) is a strip of gradually changing colors too, but between
    other such strips of nearly the same colors.
    """
    left, top, right, bottom = rect
    sides = [column for column in (left - 3, right + 2) if 0 <= column < rgb.shape[1]]
    if len(sides) < 2:
        return False
    middle = rgb[top:bottom, (left + right) // 2].astype(np.int16)
    # the neighbours follow the candidate's colors closely on both sides
    return all(
        np.median(np.abs(rgb[top:bottom, column].astype(np.int16) - middle).max(axis=1))
        <= _STRIP_DN
        for column in sides
    )


def _line_rows(profile: np.ndarray) -> np.ndarray:
    """Pixels along a bar covered by a line drawn across it (``Colorbar.add_lines``).

    A line covers one to four pixels (antialiased) that all stand far from
    the straight blend between the two pixels just outside them, which are
    close to each other: the colormap goes on under the line.
    """
    wide = profile.astype(np.int16)
    n = len(profile)
    covered = np.zeros(n, dtype=bool)
    if n < 3 or np.abs(np.diff(wide, axis=0)).max() <= _LINE_CONTRAST:
        return covered  # nothing stands out along the bar: no line
    for length in range(1, LINE_LENGTH + 2):
        if n < length + 2:
            break
        before, after = wide[: n - length - 1], wide[length + 1 :]
        close = np.abs(before - after).max(axis=1) <= _MAX_STEP
        far = np.ones(len(before), dtype=bool)
        for k in range(1, length + 1):
            t = k / (length + 1)
            expected = before + t * (after - before)
            far &= np.abs(wide[k : n - length - 1 + k] - expected).max(axis=1) > _LINE_CONTRAST
        for start in np.flatnonzero(close & far):
            covered[start + 1 : start + 1 + length] = True
    return covered


def _without_lines(profile: np.ndarray) -> np.ndarray:
    """The colors along a bar with lines drawn across it filled from their neighbours.

    A "line" with at most :data:`_MAX_TRIM` pixels between it and an end is
    the bar's outline with a pixel or two of the background (JPEG ringing)
    beyond it: it is left for :func:`_trim`, which cuts it off, rather than
    filled, which would make the outline and what lies past it the bar's
    first colors.
    """
    covered = _line_rows(profile)
    if covered.any():
        first, last = np.flatnonzero(covered)[[0, -1]]
        if first <= _MAX_TRIM:  # the run of covered pixels from the low end is the outline
            covered[: first + int(np.argmin(covered[first:]))] = False
        if len(covered) - 1 - last <= _MAX_TRIM:
            covered[last - int(np.argmin(covered[last::-1])) + 1 :] = False
    if not covered.any():
        return profile
    kept = np.flatnonzero(~covered)
    filled = profile.copy()
    for channel in range(profile.shape[1]):
        filled[covered, channel] = np.rint(
            np.interp(np.flatnonzero(covered), kept, profile[kept, channel].astype(np.float64))
        ).astype(np.uint8)
    return filled


def _score(profile: np.ndarray) -> float:
    """How much a run of colors looks like a colormap: 0 when not at all."""
    covered = _line_rows(profile)
    if covered.mean() > _MAX_LINE_SHARE:
        return 0.0  # "lines" everywhere: strokes of text, hatching, not a bar under a few lines
    profile = _without_lines(profile)
    distinct = len(np.unique(profile.view(np.dtype((np.void, 3)))))
    if distinct < _MIN_DISTINCT:
        return 0.0
    steps = np.abs(np.diff(profile.astype(np.int16), axis=0)).max(axis=1)
    # the two ends may touch an outline; the inside must change smoothly
    if len(steps) > 4 and steps[2:-2].max() > _MAX_STEP:
        return 0.0
    if _gray_and_turning(profile[3:-3]):
        return 0.0
    return float(distinct) + len(profile) / 1000.0


def _gray_and_turning(profile: np.ndarray) -> bool:
    """Whether colors are grays whose lightness goes up and down: text, not a bar.

    Antialiased glyphs (a word of tick labels, a serif letter's stem) have
    runs of grays across them that can pass for a bar's; every gray colormap
    (gray, Greys, binary, bone's grays) runs one way from dark to light.

    Examples
    --------
    >>> ramp = np.linspace(0, 255, 40).astype(np.uint8)[:, None].repeat(3, axis=1)
    >>> _gray_and_turning(ramp), _gray_and_turning(np.concatenate([ramp, ramp[::-1]]))
    (False, True)
    """
    if len(profile) < 3:
        return False
    wide = profile.astype(np.int16)
    if (wide.max(axis=1) - wide.min(axis=1)).max() > _GRAY_SPREAD:
        return False
    lightness = wide.mean(axis=1)
    rise = lightness - np.minimum.accumulate(lightness)  # above the lowest so far
    fall = np.maximum.accumulate(lightness) - lightness  # below the highest so far
    return bool(min(rise.max(), fall.max()) > _TURN)


def _off_curve(end: np.ndarray, inner: np.ndarray, next_inner: np.ndarray) -> bool:
    """Whether ``end`` leaves the direction the colors were moving in.

    Inside the bar each step continues the previous one, possibly longer when
    a short bar skips bins; an end blended with the outline steps towards the
    outline's color instead.
    """
    step = (end - inner).astype(np.float64)
    before = (inner - next_inner).astype(np.float64)
    norm2 = float(before @ before)
    scale = 0.0 if norm2 == 0 else float(np.clip(step @ before / norm2, 0.5, 1.5))
    return bool(np.abs(step - scale * before).max() > _END_DEVIATION)


def _trim(colors: np.ndarray, runs: np.ndarray | None = None) -> tuple[int, int]:
    """The range of ``colors`` left after dropping the ends that are outline.

    Up to :data:`_MAX_TRIM` entries are dropped from each end while the end
    entry is off the curve of its inner neighbours and covers no more than
    :data:`_MAX_TRIM` pixels (``runs``: the pixels each entry covers; one
    each when None). An outline's blend is a pixel or two; a longer run off
    the curve is the bar's own end (a contourf level, a step of a map of few
    colors), which an exact reading keeps as one entry.
    """
    values = colors.astype(np.int16)
    pixels = np.ones(len(values), dtype=np.int64) if runs is None else np.asarray(runs)
    low, high = 0, len(values)
    for _ in range(_MAX_TRIM):
        if high - low < 8 or pixels[low] > _MAX_TRIM:
            break
        if not _off_curve(values[low], values[low + 1], values[low + 2]):
            break
        low += 1
    for _ in range(_MAX_TRIM):
        if high - low < 8 or pixels[high - 1] > _MAX_TRIM:
            break
        if not _off_curve(values[high - 1], values[high - 2], values[high - 3]):
            break
        high -= 1
    return low, high


def continuous_bar(
    view: np.ndarray, rect: tuple[int, int, int, int], orientation: str, tolerance: int
) -> Colorbar | None:
    x0, y0, x1, y1 = rect
    # the median across the bar (its sides left out) is the row's color
    # even when compression noise makes the rows uneven
    inner = view[y0:y1, x0 + 1 : x1 - 1] if x1 - x0 >= 3 else view[y0:y1, x0:x1]
    pixels = _without_lines(np.rint(np.median(inner, axis=1)).astype(np.uint8))
    # exact bars: one entry per bin; a compressed bar's runs are broken
    # by noise, so it keeps one entry per pixel
    starts = run_starts(pixels) if tolerance == 0 else np.arange(len(pixels))
    low, high = _trim(pixels[starts], np.diff(np.append(starts, len(pixels))))
    if high - low < 2:
        return None
    profile = pixels[starts[low:high]]
    if len(np.unique(profile, axis=0)) < _MIN_DISTINCT:
        return None  # a row of a plot's cells: a few colors with blends between
    # Along the bar the trimmed ends were the outline; across, an
    # outline's inner half covers the bar's outermost pixel on each side
    # (seen as an edge pixel between the bar and the outline proper).
    stops = np.append(starts[1:], len(pixels))
    y0, y1 = y0 + int(starts[low]), y0 + int(stops[high - 1])
    middle = view[(y0 + y1) // 2].astype(np.int16)
    if x0 >= 2 and np.any(middle[x0 - 1] != middle[x0 - 2]):
        x0 -= 1
    if x1 + 1 < view.shape[1] and np.any(middle[x1] != middle[x1 + 1]):
        x1 += 1
    exact = tolerance == 0
    # each color's place: the middle of its run, as a fraction of the kept length
    middles = (starts[low:high] + stops[low:high]) / 2.0 - starts[low]
    places = middles / float(stops[high - 1] - starts[low])
    if orientation == "vertical":
        return Colorbar(
            (x0, y0, x1, y1), orientation, profile[::-1], exact, positions=1.0 - places[::-1]
        )
    return Colorbar((y0, x0, y1, x1), orientation, profile, exact, positions=places)
