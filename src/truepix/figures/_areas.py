"""Plot areas: the frames (spines) drawn around each axes' data rectangle.

A frame is four straight dark lines meeting at corners. Long runs of ink
along rows make horizontal lines, along columns vertical ones (adjacent
rows of an antialiased line are merged, and the line's position is its
darkness-weighted centre). Two horizontal lines with the same extent and
two vertical lines joining their ends make a rectangle. Rectangles inside
another are dropped (legends, inset boxes), and so are the colorbars'
outlines, which the caller recognises by the bar inside them.

Figures with no frame (seaborn heatmaps, plotnine) get their plot area from
the extent of the colormapped region instead (:func:`colored_extent`).
"""

from __future__ import annotations

import bisect
import functools
import statistics

from dataclasses import dataclass

import numpy as np

__all__ = ["Line", "colored_extent", "cover_box", "frames", "shadow_ink", "unsnap"]

_INK = 90  # darkness of a spine's pixels (antialiased lines are lighter at low dpi)
_MIN_LINE = 30  # pixels
_CONTRAST = 40  # darkness a line has over its surroundings on one side
_GAP = 12  # pixels a line may be broken over (JPEG, dark data beside it) and stay one
_SLACK = 3  # pixels two ends may differ by and still meet


@dataclass(frozen=True)
class Line:
    """A straight dark line: ``at`` its centre across (edge coordinates), ``start``/``stop`` along."""

    at: float
    first: int  # first pixel row/column across
    last: int  # last pixel row/column across
    start: int
    stop: int


def _lines(ink: np.ndarray, min_length: int) -> list[Line]:
    """Horizontal lines of ``ink`` (transpose it for vertical ones)."""
    # a line is darker than what lies two pixels across it on at least one side;
    # inside a dark region (a gray colormap's low end) no pixel is
    wide = ink.astype(np.int16)
    above = np.pad(wide, ((2, 0), (0, 0)), mode="edge")[:-2]
    below = np.pad(wide, ((0, 2), (0, 0)), mode="edge")[2:]
    dark = (ink > _INK) & ((wide - above > _CONTRAST) | (wide - below > _CONTRAST))
    edges = np.diff(np.pad(dark.astype(np.int8), ((0, 0), (1, 1))), axis=1)
    runs = []
    for row in np.flatnonzero(dark.sum(axis=1) >= min_length):
        starts = np.flatnonzero(edges[row] == 1)
        stops = np.flatnonzero(edges[row] == -1)
        for a, b in zip(starts, stops, strict=True):
            if b - a >= min_length:
                runs.append((int(row), int(a), int(b)))
    # runs come row by row: a run joins the first group (in the order made) that ended on
    # the row above it, within the slack at both ends
    lines: list[list[tuple[int, int, int]]] = []
    ending: dict[int, list[int]] = {}  # row -> the groups whose last run is on it
    for run in runs:
        for k in ending.get(run[0] - 1, ()):
            _, a, b = lines[k][-1]
            if abs(run[1] - a) <= _SLACK and abs(run[2] - b) <= _SLACK:
                lines[k].append(run)
                ending[run[0] - 1].remove(k)
                bisect.insort(ending.setdefault(run[0], []), k)
                break
        else:
            ending.setdefault(run[0], []).append(len(lines))
            lines.append([run])
    found = []
    for group in lines:
        if len(group) > 4:  # a filled area, not a line
            continue
        rows = np.array([r for r, _, _ in group])
        start = int(statistics.median([a for _, a, _ in group]))
        stop = int(statistics.median([b for _, _, b in group]))
        # away from the ends, where the perpendicular lines cross
        inner = slice(start + _SLACK + 1, max(start + _SLACK + 2, stop - _SLACK - 1))
        at = _centre_across(ink[:, inner], int(rows.min()), int(rows.max()))
        found.append(Line(at, int(rows.min()), int(rows.max()), start, stop))
    return found


def _centre_across(ink: np.ndarray, first: int, last: int) -> float:
    """Where a line found on rows ``first..last`` of ``ink`` stands: the centre of its coverage.

    Each row counts by the share of it the line covers: its darkness over
    that of what lies beyond the line on its side (the data beside a spine
    is no part of it, however dark), against the line's own darkness. The
    line's dark rows are all counted, not only those found: a wide line
    (4 px at 400 dpi) beside dark data is found in pieces.

    Examples
    --------
    >>> ink = np.zeros((12, 5), np.uint8)
    >>> ink[3] = 57; ink[4:8] = 255; ink[8] = 170; ink[9:] = 150  # a 4.2 px line beside gray data
    >>> round(_centre_across(ink, 4, 5), 2)
    5.98
    """
    height = len(ink)
    lo, hi = max(0, first - 4), min(height, last + 5)
    profile = np.median(ink[lo:hi].astype(np.float64), axis=1)
    # the core is the rows dark as the line's darkest: a row found beside it may be a partly
    # covered one over dark data (darker than the contrast asked of a line)
    core_lo = core_hi = first - lo + int(np.argmax(profile[first - lo : last - lo + 1]))
    peak = float(profile[core_lo])
    found_lo, found_hi = core_lo, core_hi
    while core_lo > 0 and profile[core_lo - 1] >= 0.8 * peak:
        core_lo -= 1
    while core_hi < len(profile) - 1 and profile[core_hi + 1] >= 0.8 * peak:
        core_hi += 1
    # dark on to the window's end is no line but what lies beside it (black data, set_under):
    # on that side the line ends where it was found
    core_lo = found_lo if core_lo == 0 and lo > 0 else core_lo
    core_hi = found_hi if core_hi == len(profile) - 1 and hi < height else core_hi
    rows = list(range(core_lo, core_hi + 1))
    weights = [1.0] * len(rows)
    for edge, beyond in ((core_lo - 1, core_lo - 2), (core_hi + 1, core_hi + 2)):
        if 0 <= edge < len(profile):
            base = float(profile[beyond]) if 0 <= beyond < len(profile) else 0.0
            share = (profile[edge] - base) / (peak - base) if peak > base else 0.0
            rows.append(edge)
            weights.append(float(np.clip(share, 0.0, 1.0)))
    centres = np.array(rows, np.float64) + lo + 0.5
    return float(np.sum(np.array(weights) * centres) / np.sum(weights))


def _joined(lines: list[Line], ink: np.ndarray | None = None) -> list[Line]:
    """Collinear pieces of one line joined (dark data beside a spine breaks it up).

    With ``ink``, pieces are not joined across a gap of background: the top
    spines of a plot and of its colorbar beside it are two lines, not one.

    Examples
    --------
    >>> _joined([Line(10.5, 10, 10, 0, 40), Line(11.2, 10, 11, 41, 90)])
    [Line(at=10.885393, first=10, last=11, start=0, stop=90)]
    """
    out: list[Line] = []
    # the kept lines' places and ends, to find the first one a piece continues
    ats, stops = np.empty(len(lines)), np.empty(len(lines))
    for line in sorted(lines, key=lambda line: line.start):
        n = len(out)
        near = np.flatnonzero((np.abs(line.at - ats[:n]) <= 1.5) & (line.start <= stops[:n] + _GAP))
        if not near.size:
            ats[n], stops[n] = line.at, line.stop
            out.append(line)
            continue
        k = int(near[0])
        last = out[k]
        if line.start < last.stop - _SLACK:
            # side by side, not end to end (a dark edge of the data along the line):
            # the longer one says where the line is, together they say how far it goes
            keep = line if line.stop - line.start > last.stop - last.start else last
            out[k] = Line(keep.at, keep.first, keep.last, last.start, max(last.stop, line.stop))
            ats[k], stops[k] = out[k].at, out[k].stop
            continue
        if ink is not None and line.start - last.stop > 2:
            # the line's antialiased neighbours count: a resampled line spreads over two
            # pixels across, and which of them is dark enough to be found depends on the
            # data beside it (a colored neighbour's chroma unmakes a blended pixel's ink)
            across = ink[
                max(0, min(last.first, line.first) - 1) : max(last.last, line.last) + 2,
                last.stop : line.start,
            ]
            if across.size and across.max(axis=0).mean() < _INK / 2:
                ats[n], stops[n] = line.at, line.stop
                out.append(line)  # background between them: two lines
                continue
        length_a, length_b = last.stop - last.start, line.stop - line.start
        at = (last.at * length_a + line.at * length_b) / (length_a + length_b)
        out[k] = Line(
            round(at, 6),
            min(last.first, line.first),
            max(last.last, line.last),
            min(last.start, line.start),
            max(last.stop, line.stop),
        )
        ats[k], stops[k] = out[k].at, out[k].stop
    return sorted(out, key=lambda line: line.at)


# resize factors whose drawn-pixel lattice ((k + 0.5) * factor) holds no whole or half pixel
_RESIZED = (1.5, 0.75, 1.25, 2.5)


def unsnap(centres: np.ndarray, origin: float = 0.0) -> np.ndarray:
    """Where tick marks and lines stand, undoing Agg's snapping of a mark onto the pixel grid.

    Agg (matplotlib's raster backend) draws a mark whose width rounds to an
    odd number of pixels on the pixel whose near edge is closest to the
    mark's position: its centre lies half a pixel past that position on
    average (anywhere in ``[x, x + 1)``), which moves a whole axis by half a
    pixel. A mark of even width is centred on the nearest pixel edge,
    unbiased. When most marks (two at least) are centred on pixel centres,
    the picture was drawn so, and every mark stands half a pixel before its
    centre. ``origin``: the image position of the centres' zero (a strip's start).

    Examples
    --------
    >>> unsnap(np.array([10.5, 57.5, 104.52])).tolist()
    [10.0, 57.0, 104.02]
    >>> unsnap(np.array([10.0, 57.0, 104.0])).tolist()  # even widths: on the edges already
    [10.0, 57.0, 104.0]
    >>> unsnap(np.array([10.3, 57.8, 104.5])).tolist()  # drawn off the grid (resampled, another renderer)
    [10.3, 57.8, 104.5]

    A picture resized by a factor (1.5: a screenshot of a 2x display shown at
    3/4) puts the drawn pixels' centres at ``(k + 0.5) * factor``; four marks
    or more, nearly all on that lattice, stand half a drawn pixel before
    their centres. Factors whose lattice holds whole or half pixels (2, 3) are
    not told apart from marks drawn unresized, and are not tried.

    >>> unsnap(np.array([95.25, 167.25, 239.25, 312.75])).tolist()
    [94.5, 166.5, 238.5, 312.0]
    """
    if len(centres) < 2:
        return centres
    on_centres = np.abs(np.mod(centres, 1.0) - 0.5) <= 0.15
    if on_centres.sum() >= 2 and on_centres.mean() >= 2 / 3:
        return centres - 0.5
    if len(centres) >= 4:
        # a picture resized after drawing (a screenshot scaled for a slide): the marks stand on
        # the drawn pixels' centres, scaled, and half a drawn pixel past their places
        for factor in _RESIZED:
            on_scaled = np.abs(np.mod((np.asarray(centres) + origin) / factor, 1.0) - 0.5) <= 0.1
            if on_scaled.mean() >= 0.8:
                return centres - 0.5 * factor
    return centres


def frames(
    ink: np.ndarray, blank: np.ndarray | None = None
) -> list[tuple[tuple[float, float, float, float], tuple[Line, ...]]]:
    """Rectangles drawn as four dark lines: (left, top, right, bottom) where the lines stand.

    A line stands at its centre, or half a pixel before it when Agg snapped
    lines of odd width onto pixels (:func:`unsnap`).

    ``blank`` (H, W) bool marks background pixels: a rectangle with a row of
    background across its whole width is two rectangles stacked, not one.

    Returns each with its lines (top, bottom, left, right), outermost first;
    rectangles inside another are dropped.

    Examples
    --------
    >>> ink = np.zeros((100, 120), np.uint8)
    >>> ink[10, 20:101] = ink[80, 20:101] = 255
    >>> ink[10:81, 20] = ink[10:81, 100] = 255
    >>> [box for box, _ in frames(ink)]
    [(20.0, 10.0, 100.0, 80.0)]
    """
    height, width = ink.shape
    min_length = max(_MIN_LINE, min(height, width) // 20)
    rows = _joined(_lines(ink, min_length // 3), ink)
    columns = _joined(
        _lines(np.ascontiguousarray(ink.T), min_length // 3), np.ascontiguousarray(ink.T)
    )
    rows = [r for r in rows if r.stop - r.start >= min_length]
    columns = [c for c in columns if c.stop - c.start >= min_length]
    # tick marks at the corners lengthen the lines: ends meet within a tick's length
    reach = max(15, min(height, width) // 30)
    found = []
    for i, top in enumerate(rows):
        for bottom in rows[i + 1 :]:
            if bottom.first - top.last < 10:
                continue
            if abs(top.start - bottom.start) > reach or abs(top.stop - bottom.stop) > reach:
                continue
            start, stop = max(top.start, bottom.start), min(top.stop, bottom.stop)
            sides = []
            for low, high in ((start - _SLACK, start + reach), (stop - reach, stop + _SLACK)):
                side = [
                    c
                    for c in columns
                    if low <= c.at <= high
                    and c.start <= top.last + reach
                    and c.stop >= bottom.first - reach
                ]
                if not side:
                    break
                sides.append(side[0] if low < start else side[-1])
            # background across the whole box inside it, below a line across it: two
            # boxes stacked (a bar above its plot), not one; without the line it is
            # data the color of the background (a diverging map's white middle)
            across = False
            if blank is not None:
                inner = blank[int(top.at) + 2 : int(bottom.at) - 1, start + 2 : stop - 2]
                across = bool(inner.size and np.any(inner.mean(axis=1) > 0.9))
                across = across and any(
                    top.at + 5 < r.at < bottom.at - 5
                    and min(r.stop, stop) - max(r.start, start) > 0.8 * (stop - start)
                    for r in rows
                )
            if len(sides) == 2 and sides[1].at - sides[0].at >= 10 and not across:
                box = tuple(float(v) for v in unsnap(np.array([sides[0].at, top.at, sides[1].at, bottom.at])))
                found.append((box, (top, bottom, sides[0], sides[1])))
    found.sort(key=lambda f: -(f[0][2] - f[0][0]) * (f[0][3] - f[0][1]))
    kept: list[tuple[tuple[float, float, float, float], tuple[Line, ...]]] = []
    for box, lines in found:
        if any(_inside(box, k[0]) for k in kept):
            continue
        kept.append((box, lines))
    return kept


def _inside(inner: tuple[float, ...], outer: tuple[float, ...]) -> bool:
    return (
        inner[0] >= outer[0] - _SLACK
        and inner[1] >= outer[1] - _SLACK
        and inner[2] <= outer[2] + _SLACK
        and inner[3] <= outer[3] + _SLACK
    )


def colored_extent(mask: np.ndarray, *, min_share: float = 0.3) -> tuple[int, int, int, int] | None:
    """The box of the rows and columns that are mostly ``mask`` (colormapped pixels).

    Examples
    --------
    >>> mask = np.zeros((50, 60), bool); mask[5:45, 10:50] = True
    >>> colored_extent(mask)
    (10, 5, 50, 45)
    """
    if not mask.any():
        return None
    rows = np.flatnonzero(mask.mean(axis=1) >= min_share * mask.mean(axis=1).max())
    columns = np.flatnonzero(mask.mean(axis=0) >= min_share * mask.mean(axis=0).max())
    return int(columns.min()), int(rows.min()), int(columns.max()) + 1, int(rows.max()) + 1


def filled_panel(
    rgb: np.ndarray, box: tuple[int, int, int, int], background: np.ndarray
) -> tuple[int, int, int, int]:
    """``box`` grown to the panel of one flat color around it, when there is one.

    ggplot2 and plotnine draw no frame: the data sit on a gray panel
    (``#EBEBEB``) whose edges carry the tick marks. Where all four sides of
    the colored extent meet the same flat color, unlike the figure's
    background, each side moves out while that color still fills it.

    Examples
    --------
    >>> rgb = np.full((60, 80, 3), 255, np.uint8)
    >>> rgb[5:55, 10:70] = 235
    >>> rgb[15:45, 20:60] = (68, 1, 84)
    >>> filled_panel(rgb, (20, 15, 60, 45), np.array([255, 255, 255]))
    (10, 5, 70, 55)
    """
    left, top, right, bottom = box
    height, width = rgb.shape[:2]
    if left < 4 or top < 4 or right > width - 4 or bottom > height - 4:
        return box
    middle_row, middle_column = (top + bottom) // 2, (left + right) // 2
    samples = rgb[
        [middle_row, middle_row, top - 3, bottom + 2],
        [left - 3, right + 2, middle_column, middle_column],
    ]
    fill = np.median(samples, axis=0)
    wide = samples.astype(np.int16)
    if np.abs(wide - fill).max() > 4 or np.abs(fill - background).max() <= 8 or np.ptp(fill) > 8:
        return box
    flat = np.abs(rgb.astype(np.int16) - fill).max(axis=2) <= 4

    def grow(edge: int, step: int, limit: int, line) -> int:
        while edge + step != limit and line(edge + step).mean() >= 0.5:
            edge += step
        return edge

    # from the sampled pixels just outside (the data's own antialiased rim lies between)
    left = grow(left - 3, -1, -1, lambda c: flat[top:bottom, c])
    right = grow(right + 2, 1, width, lambda c: flat[top:bottom, c]) + 1
    top = grow(top - 3, -1, -1, lambda r: flat[r, left:right])
    bottom = grow(bottom + 2, 1, height, lambda r: flat[r, left:right]) + 1
    return left, top, right, bottom


def cover_box(
    values: np.ndarray, interior: tuple[int, int, int, int], box: tuple[float, float, float, float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-pixel values of ``interior`` spread over every pixel whose centre lies inside ``box``.

    The interior (r0, r1, c0, c1) is what lies strictly inside a frame's
    lines; the plot area is the box between the lines' centres, and the
    pixels under its lines belong to it (a 1-pixel spine covers the plot's
    first column, not a column before it). Those pixels hide the data: NaN.

    Returns the values and the centres (edge coordinates) of the pixel rows
    and columns they stand on.

    Examples
    --------
    >>> values, rows, columns = cover_box(np.ones((3, 4)), (11, 14, 21, 25), (20.0, 10.0, 25.0, 14.0))
    >>> rows.tolist(), columns.tolist()
    ([10.5, 11.5, 12.5, 13.5], [20.5, 21.5, 22.5, 23.5, 24.5])
    >>> int(np.isnan(values).sum())  # the frame's top row and left column
    8
    """
    r0, r1, c0, c1 = interior
    top = min(r0, int(np.floor(box[1] - 0.5)) + 1)
    bottom = max(r1, int(np.ceil(box[3] - 0.5)))
    left = min(c0, int(np.floor(box[0] - 0.5)) + 1)
    right = max(c1, int(np.ceil(box[2] - 0.5)))
    out = np.full((bottom - top, right - left), np.nan)
    out[r0 - top : r1 - top, c0 - left : c1 - left] = values
    return out, np.arange(top, bottom) + 0.5, np.arange(left, right) + 0.5


def shadow_ink(rgb: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """``ink`` with the dark line pixels that blend into colored data given back.

    A line drawn off the pixel grid (a resized screenshot) shares its pixels
    with what lies beside it: over colored data a line pixel is that color
    darkened, every channel by the same factor, and its color makes
    :func:`._labels.ink` take it for data. A pixel that is a neighbour's color
    scaled down to three quarters or less of its luminance, across the line
    (left/right, above/below), is the line's.

    Examples
    --------
    >>> rgb = np.full((3, 4, 3), 255, np.uint8)
    >>> rgb[:, 2:] = (250, 150, 100)  # orange data beside the white background
    >>> rgb[:, 2] = (125, 75, 50)  # a line half over it: the orange at half its light
    >>> shadow_ink(rgb, np.zeros((3, 4), np.uint8))[0].tolist()
    [0, 0, 168, 0]
    """
    wide = rgb.astype(np.int32)
    channels = [wide[..., c] for c in range(wide.shape[2])]
    luminance = (channels[0] * 299 + channels[1] * 587 + channels[2] * 114) // 1000
    out = ink.copy()
    # channel by channel: numpy's max over a short last axis is several times slower
    spread = functools.reduce(np.maximum, channels) - functools.reduce(np.minimum, channels)
    colored = (spread > 60) & (ink == 0)
    if not colored.any():
        return out
    found = np.zeros(ink.shape, bool)
    height, width = ink.shape
    for axis in (0, 1):
        for step in (-1, 1):
            light = np.roll(luminance, step, axis=axis)
            ratio = luminance / np.maximum(light, 1)
            maybe = colored & (ratio <= 0.75) & (light >= 60)
            edge = [slice(None)] * 2
            edge[axis] = slice(0, 1) if step == 1 else slice(-1, None)
            maybe[tuple(edge)] = False  # np.roll wraps around
            rows, columns = np.nonzero(maybe)
            # the neighbour's color scaled, tested only where the cheap tests pass
            near_rows = (rows - step) % height if axis == 0 else rows
            near_columns = (columns - step) % width if axis == 1 else columns
            scaled = wide[near_rows, near_columns] * ratio[rows, columns][:, None]
            close = np.abs(wide[rows, columns] - scaled).max(axis=1) <= 20  # Lanczos rings
            found[rows[close], columns[close]] = True
    out[found] = np.clip(255 - luminance[found], 0, 255).astype(np.uint8)
    return out
