"""A colorbar's extend triangles, found by their shape whatever their color.

matplotlib draws ``extend="min"/"max"/"both"`` as triangles on the bar's
ends, filled with the map's under and over colors. Those are often the
map's end colors, but ``set_under("black")`` or ``set_over("white")`` fill
them with colors the map never shows -- black like the outline, or white
like the paper. So a triangle is told by its shape: past the bar's end,
rows whose run of one color through the bar's middle is enclosed by the
bar's sides and narrows row after row to a point. An outline is a line of
full width with the paper past it; the paper runs far beyond the sides.
"""

from __future__ import annotations

import numpy as np

from truepix.color._identify._bar import Colorbar, along_bar

__all__ = ["triangle_colors", "with_extends", "without_flat_ends"]

_SIDE_SLACK = 3  # pixels a triangle's base may reach past the bar's sides (its outline, antialiased)
_MIN_ROWS = 3  # narrowing rows a triangle has at least
_EXACT_TOLERANCE = 6  # a run's color steps on an exact bar; a JPEG'd one's: 40
_JPEG_SLACK, _JPEG_NEAR = 3.0, 0.75  # a JPEG'd triangle's rows about its line: pixels, share
_BASE, _JPEG_BASE = 0.7, 0.6  # a triangle's base run, of the bar's width at least (exact, JPEG)
_JPEG_BASE_ROWS = 5  # rows past a JPEG'd bar's end its triangle's base may lie in
_JPEG_MIDDLE = (0.25, 0.8)  # a JPEG'd triangle's rows its fill is read from, of the bar's width
# a bar end whose one color runs this many times a color's usual run is a rectangular extension:
# no continuous matplotlib map repeats even its last 3 table entries (measured over all of them)
_FLAT_RUNS = 4
_FLAT_MIN_PX = 6
_FLAT_SHARE = 0.04  # of the bar's length, an extension's at least (a palette picture's dark end runs 3.6%)


def triangle_colors(rgb: np.ndarray, bar: Colorbar) -> list[np.ndarray | None]:
    """The fill color of the bar's extend triangle at each end (low, high), None where none is drawn.

    Examples
    --------
    >>> rgb = np.full((80, 30, 3), 255, np.uint8)
    >>> rgb[10:60, 10:20] = np.linspace(40, 200, 50)[::-1, None, None].astype(np.uint8)
    >>> for k in range(8):  # a black triangle below the bar, narrowing to a point
    ...     rgb[60 + k, 10 + k // 2 : 20 - k // 2] = 0
    >>> bar = Colorbar((10, 10, 20, 60), "vertical", np.zeros((50, 3), np.uint8))
    >>> [None if c is None else c.tolist() for c in triangle_colors(rgb, bar)]
    [[0.0, 0.0, 0.0], None]
    """
    vertical = bar.orientation == "vertical"
    view, (left, top, right, bottom) = along_bar(rgb, bar)
    width = right - left
    if width < 4:
        return [None, None]
    depth = max(6, int(0.12 * (bottom - top)))
    above = [view[row] for row in range(top - 1, max(-1, top - 1 - depth), -1)]
    below = [view[row] for row in range(bottom, min(len(view), bottom + depth))]
    low, high = (below, above) if vertical else (above, below)
    tolerance = _EXACT_TOLERANCE if bar.exact else 40
    return [_triangle(rows, left, right, tolerance) for rows in (low, high)]


def _triangle(rows: list[np.ndarray], left: int, right: int, tolerance: int) -> np.ndarray | None:
    """The color of a triangle narrowing through ``rows`` (nearest the bar first), None if they show none."""
    width = right - left
    middle = (left + right) // 2
    widths: list[int] = []
    colours: list[np.ndarray] = []
    for k, row in enumerate(rows):
        first, stop = _run(row.astype(np.int16), middle, tolerance)
        enclosed = first >= left - _SIDE_SLACK and stop <= right + _SIDE_SLACK
        if not enclosed:
            if k >= 3:
                break
            # the base's first rows may meet a tick mark or the outline; rows before it are
            # the bar's own, left past a box that stops short of its end (JPEG)
            widths.clear()
            colours.clear()
            continue
        widths.append(stop - first)
        quarter = (stop - first) // 4
        colours.append(np.median(row[first + quarter : stop - quarter], axis=0))
    # its base, among the first rows (a compressed bar's last rows may be left past its box), is
    # about as wide as the bar; it narrows to well under half that
    exact = tolerance <= _EXACT_TOLERANCE
    based = _BASE if exact else _JPEG_BASE  # (JPEG blends the base's edges with the outline)
    # a JPEG'd bar's box may take a few rows of a triangle's base whose fill is near its end
    # color (jet's dark blue under color at q50): its widest row lies a few rows out
    first_rows = widths[:3] if exact else widths[:_JPEG_BASE_ROWS]
    if len(widths) < _MIN_ROWS or max(first_rows) < based * width or min(widths) > 0.6 * width:
        return None
    narrowest = int(np.argmin(widths))
    base = int(np.argmax(first_rows))
    if exact:
        if np.any(np.diff(widths[base : narrowest + 1]) > 1):  # a triangle only narrows
            return None
    elif not _narrows(np.array(widths[base:], dtype=np.float64), width):
        return None
    # the fill's color: rows narrower than the bar (rows as wide may be the bar's own,
    # a compressed bar's box stopping short of its end) and wide enough not to be its blended
    # tip; a JPEG'd triangle's middle rows (its base takes the bar's end color, its tip the
    # outline's: 40-90 DN off on a 16 px jet bar at q75)
    low, high = (3, 0.9 * width) if exact else (_JPEG_MIDDLE[0] * width, _JPEG_MIDDLE[1] * width)
    inside = [c for w, c in zip(widths[base:], colours[base:], strict=True) if low <= w <= high]
    if not inside:
        return None
    fill = np.median(np.array(inside, dtype=np.float64), axis=0)
    # one fill (a compressed base row may blend with the bar's end color)
    if np.mean([float(np.abs(c - fill).max()) <= tolerance for c in inside]) < 0.75:
        return None
    return fill


def _narrows(widths: np.ndarray, width: int) -> bool:
    """Whether a JPEG'd run of ``widths`` (its base first) narrows as a triangle does:
    along a line from about the bar's width to under half of it, most rows within
    _JPEG_SLACK pixels of it. JPEG's blocks move a fill's edge a pixel or two either
    way and may break one row's run short (measured on contourf bars at q75: rows 11,
    13, 14 wide in turn; a blotch cutting one row to 1 pixel)."""
    if len(widths) < _MIN_ROWS:
        return False
    rows = np.arange(len(widths), dtype=np.float64)
    slope, start = np.polyfit(rows, widths, 1)
    end = start + slope * rows[-1]
    near = np.abs(widths - (start + slope * rows)) <= _JPEG_SLACK
    return bool(start >= _JPEG_BASE * width and end <= 0.5 * width and np.mean(near) >= _JPEG_NEAR)


def _run(row: np.ndarray, at: int, tolerance: int) -> tuple[int, int]:
    """First and one-past-last column of the run of one color (within ``tolerance``) through column ``at``."""
    step = np.abs(np.diff(row, axis=0)).max(axis=1) > tolerance
    breaks_left = np.flatnonzero(step[:at])
    breaks_right = np.flatnonzero(step[at:])
    first = int(breaks_left[-1]) + 1 if len(breaks_left) else 0
    stop = at + int(breaks_right[0]) + 1 if len(breaks_right) else len(row)
    return first, stop


def triangle_ends(rgb: np.ndarray, bar: Colorbar, outline: tuple[float, ...] | None) -> tuple[float, ...] | None:
    """The bar's end box with each end that meets a triangle of a color off the map put at the bar's box.

    The outline runs around the triangles, not across the bar where they
    begin: a dark (``set_under("black")``) triangle past an end is no
    outline to centre the end on, and the bar's colors end it.
    """
    if outline is None:
        return None
    box = list(outline)
    vertical = bar.orientation == "vertical"
    ends = (3, 1) if vertical else (0, 2)  # (low, high) in the box
    for colour, end, own in zip(triangle_colors(rgb, bar), ends, (bar.colors[0], bar.colors[-1]), strict=True):
        if colour is not None and float(np.abs(colour - own.astype(np.float64)).max()) > (12 if bar.exact else 40):
            box[end] = float(bar.bbox[end])
    return tuple(box)


def without_triangles(rgb: np.ndarray, bar: Colorbar) -> Colorbar:
    """A compressed bar cut back to where a triangle of a color off the map begins.

    The noise-tolerant search stacks a triangle's base rows (as wide as the
    bar) onto the bar: its end then shows the triangle's color over a few
    rows, a jump away from the map's colors further in. Those rows go, when
    the bar so cut has that triangle past its end.
    """
    if bar.exact or bar.boundaries is not None or len(bar.colors) != bar.length or bar.length < 40:
        return bar
    colors = bar.colors.astype(np.int16)
    limit = max(4, bar.length // 10)
    for end in (0, 1):
        along = colors if end == 0 else colors[::-1]
        run = 1
        while run < limit and float(np.abs(along[run] - along[0]).max()) <= 30:
            run += 1
        if run < 2 or run >= limit or float(np.abs(along[run + 2] - along[0]).max()) < 50:
            continue
        cut = _cut(bar, run, end)
        shaped = triangle_colors(rgb, cut)[end]
        if shaped is not None and float(np.abs(shaped - along[:run].mean(axis=0)).max()) <= 40:
            bar, colors = cut, cut.colors.astype(np.int16)
    return bar


def _cut(bar: Colorbar, rows: int, end: int) -> Colorbar:
    """``bar`` less ``rows`` pixels at its low (0) or high (1) end."""
    import dataclasses

    box = list(bar.bbox)
    vertical = bar.orientation == "vertical"
    if end == 0:
        box[3 if vertical else 0] += -rows if vertical else rows
        keep = slice(rows, None)
    else:
        box[1 if vertical else 2] += rows if vertical else -rows
        keep = slice(None, len(bar.colors) - rows)
    length = len(bar.colors) - rows
    return dataclasses.replace(
        bar, bbox=tuple(box), colors=bar.colors[keep], positions=(np.arange(length) + 0.5) / length
    )


def without_flat_ends(bar: Colorbar) -> Colorbar:
    """A continuous bar cut back where a flat run of one color at an end begins: ``extendrect=True``.

    matplotlib draws ``extend="max", extendrect=True`` as a rectangle of the
    over color past the gradient, often the map's own end color. Along a
    gradient each color covers about the same few pixels; a run many times
    that long at an end is the extension, not the map: the bar keeps one
    color's worth of it (the gradient's own end cell), so its ends stand at
    the gradient's ends and the scale is not stretched over the rectangle.
    """
    n = len(bar.colors)
    if bar.boundaries is None and n >= 40:
        for end in (0, 1):
            bar = _cut_flat_end(bar, end)
    return bar


def _cut_flat_end(bar: Colorbar, end: int) -> Colorbar:
    """``bar`` less the flat run at its low (0) or high (1) end, where that run is an extension."""
    import dataclasses

    length, n = bar.length, len(bar.colors)
    places = np.asarray(bar.positions, dtype=np.float64) * length
    colors = bar.colors.astype(np.int16)
    tolerance = 0 if bar.exact else 6
    order = np.arange(n) if end == 0 else np.arange(n)[::-1]
    group = 1
    while group < n and float(np.abs(colors[order[group]] - colors[order[0]]).max()) <= tolerance:
        group += 1
    if group >= n:
        return bar  # one color end to end (within the noise): no gradient for a run to extend
    usual = float(np.median(np.abs(np.diff(places))))
    # a palette picture (quantize) draws a map's dark end in long runs too: the run must be long
    # beside its own neighbours as well, not only beside the bar's usual run
    neighbours = float(np.median(np.abs(np.diff(places[order[group : group + 9]])))) if n > group + 2 else usual
    # where the run's pixels begin: one usual run past the gradient's last other color's middle
    inner = places[order[group]] + (usual / 2.0 if end else -usual / 2.0)
    run = inner if end == 0 else length - inner
    # a compressed bar's neighbouring map colors fall within its tolerance over a few pixels (and
    # blur into a triangle past the end)
    usual_here = max(usual, neighbours)
    # matplotlib's extension is extendfrac of the bar (5% by default): a run of a few % is no extension
    least = max(_FLAT_MIN_PX if bar.exact else 10.0, _FLAT_SHARE * length, _FLAT_RUNS * usual_here)
    if run < least or run > 0.3 * length:
        return bar
    cut = int(round(run - usual))
    if cut < 1:
        return bar
    keep = np.ones(n, bool)
    keep[order[1:group]] = False  # a compressed bar's noisy copies of the run's color
    new_length = length - cut
    if end == 0:
        places = places - cut
        places[order[0]] = inner - cut - usual / 2.0
    else:
        places[order[0]] = inner + usual / 2.0
    box = list(bar.bbox)
    vertical = bar.orientation == "vertical"
    if end == 0:
        box[3 if vertical else 0] += -cut if vertical else cut
    else:
        box[1 if vertical else 2] += cut if vertical else -cut
    return dataclasses.replace(bar, bbox=tuple(box), colors=bar.colors[keep], positions=places[keep] / new_length)


def with_extends(rgb: np.ndarray, bar: Colorbar) -> Colorbar:
    """``bar`` with the fill colors of its extend triangles (:func:`triangle_colors`) as
    its ``under`` and ``over``: what decoding with the bar takes for data past its ends.

    A stepped bar whose end step is thin (under half its other steps) may hold the
    triangle's first rows as that step (the noise-tolerant search stacks rows as wide as
    the bar): the triangle is then looked for past that step, and taken when its fill
    is the step's color."""
    import dataclasses

    found = triangle_colors(rgb, bar)
    if bar.boundaries is not None and len(bar.colors) >= 3:
        lengths = np.diff(np.asarray(bar.boundaries)) * bar.length
        vertical = bar.orientation == "vertical"
        for end, index in ((0, 0), (1, len(bar.colors) - 1)):
            rows = int(round(lengths[index]))
            if found[end] is not None or not 0 < rows < 0.5 * np.median(np.delete(lengths, index)):
                continue
            box = list(bar.bbox)
            # the low end is the bottom of a vertical bar, the left of a horizontal one
            side = (3 if end == 0 else 1) if vertical else (0 if end == 0 else 2)
            box[side] += -rows if side in (2, 3) else rows
            shaped = triangle_colors(rgb, dataclasses.replace(bar, bbox=tuple(box)))[end]
            tolerance = 12 if bar.exact else 40
            if shaped is not None and np.abs(shaped - bar.colors[index]).max() <= tolerance:
                found[end] = shaped
    if found[0] is None and found[1] is None:
        return bar
    return dataclasses.replace(bar, under=found[0], over=found[1])
