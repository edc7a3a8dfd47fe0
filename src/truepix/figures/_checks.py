"""Checks that lower a panel's confidence where its reading may be wrong.

A confident wrong answer is worse than a doubtful one, so each check here
looks for evidence that the range read cannot be trusted to half a percent
of its span, whatever the tick labels agree on:

* :func:`truncated_ends`: the bar's colors go on past an end of the box
  found for it (a contourf bar whose end steps were missed, a bar cut short
  in a resampled screenshot) -- the range read stops short of the bar's;
* :func:`across_spread`: a bar is one color across at every place along
  it; a "bar" whose colors change across it is a gradient in a plot
  (an image of a smooth field), whose tick labels are an axis's;
* :func:`end_precision`: an end no label stands on is placed to within a
  pixel or so (more in a resampled or compressed picture); on a short bar
  that pixel is more than half a percent of the span;
* :func:`flattened_powers`: labels that read ``100, 101, 102`` (or ``10-1``)
  in a row are powers of ten ``10⁰, 10¹, 10²`` whose raised exponents were
  read as plain digits -- a log bar read as a linear one.

:func:`range_doubts` turns these into a panel's doubts, each with the factor
it takes off the confidence; :func:`lost_cells` measures what a cell grid's
reading lost.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from truepix.color._identify._colorbar import Colorbar
from truepix.figures import _coverage, _grid
from truepix.figures._axes import labelled_ends
from truepix.figures._legend import legend_point
from truepix.figures._model import AxisReading
from truepix.figures._plot_areas import Box
from truepix.figures._sides import covered_ends

# a bar's outline is 0.8 pt: 1-3 px at 100-200 dpi, under a tenth of the bar's width (36 px at
# 200 dpi); dark rows past an end over a quarter of the width are a step of the bar, not the line
_DARK_STEP_ROWS, _DARK_STEP_SHARE = 6, 0.25

__all__ = [
    "across_spread",
    "bar_ends",
    "cut_bar_doubts",
    "end_gaps",
    "end_lines",
    "end_precision",
    "flattened_powers",
    "legend_rounding",
    "lost_cells",
    "range_doubts",
    "rows_beyond",
    "truncated_ends",
]

_TARGET = 0.005  # the share of the span a confident range is within


def rows_beyond(rgb: np.ndarray, bar: Colorbar, *, inside: bool = False) -> list[np.ndarray]:
    """The picture past each end of the bar (low end, high end): (depth, across, 3) int16, nearest row first.

    ``inside``: the bar's own rows at each end instead, the end row first.
    """
    left, top, right, bottom = bar.bbox
    view = rgb if bar.orientation == "vertical" else rgb.transpose(1, 0, 2)
    if bar.orientation == "horizontal":
        left, top, right, bottom = top, left, bottom, right
    width = right - left
    margin = max(2, width // 4)  # the outline and a resampled edge stay out
    across = slice(left + margin, right - margin)
    depth = max(8, 2 * width)
    above = view[max(0, top - depth) : top, across][::-1]
    below = view[bottom : bottom + depth, across]
    if inside:  # the bar's own rows at each end, from the end inward
        above, below = view[top : top + depth, across], view[max(top, bottom - depth) : bottom, across][::-1]
    low, high = (below, above) if bar.orientation == "vertical" else (above, below)
    return [low.astype(np.int16), high.astype(np.int16)]


def truncated_ends(rgb: np.ndarray, bar: Colorbar) -> list[bool]:
    """Whether the bar's colors go on past each end (low, high) of its box.

    Past a bar's true end comes its outline (a dark line a few pixels thick),
    an extend triangle (narrowing: its sides soon leave the middle columns)
    or the background. Rows past the end that are each one color across the
    bar's middle columns, neither the background nor a dark line, for over
    half the bar's width, are more of the bar -- unless they are all the
    bar's end color over a few % of its length: a rectangular extension
    (``extendrect=True``) in the map's own over or under color.

    Examples
    --------
    >>> rgb = np.full((60, 20, 3), 255, np.uint8)
    >>> rgb[5:55, 5:15] = np.linspace(0, 200, 50)[:, None, None].astype(np.uint8)
    >>> rgb[5:55, 5:15, 2] = 255
    >>> truncated_ends(rgb, Colorbar((5, 5, 15, 55), "vertical", np.zeros((50, 3), np.uint8)))
    [False, False]
    >>> truncated_ends(rgb, Colorbar((5, 15, 15, 45), "vertical", np.zeros((30, 3), np.uint8)))
    [True, True]
    """
    left, top, right, bottom = bar.bbox
    width = (right - left) if bar.orientation == "vertical" else (bottom - top)
    background = np.median(np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]), axis=0)
    tolerance = 6 if bar.exact else 24
    out = []
    for rows, own in zip(rows_beyond(rgb, bar), (bar.colors[0], bar.colors[-1]), strict=True):
        seen: list[tuple[np.ndarray, bool]] = []  # each row's color, and whether it is dark
        for row in rows:
            if row.size == 0:
                break
            spread = int((row.max(axis=0) - row.min(axis=0)).max())
            colour = np.median(row, axis=0)
            is_background = float(np.abs(colour - background).max()) <= 30
            if spread > tolerance or is_background:
                break
            seen.append((colour, float(colour.max()) < 60 and float(colour.max() - colour.min()) < 30))
        # a run of dark rows is the outline when thin; far thicker, a dark step the bar's box
        # left out (magma's, inferno's darkest contourf levels in a JPEG: 2-41 DN from black)
        colours: list[np.ndarray] = []
        k, thick = 0, max(_DARK_STEP_ROWS, _DARK_STEP_SHARE * width)
        while k < len(seen):
            run = k
            while run < len(seen) and seen[run][1]:
                run += 1
            # (a dark row that the next row goes on from within the noise is no line: a bar's color)
            smooth = k < run < len(seen) and float(np.abs(seen[run][0] - seen[run - 1][0]).max()) <= tolerance
            if run > k and run - k < thick and not smooth:
                break
            colours += [c for c, _ in seen[k : max(run, k + 1)]]
            k = max(run, k + 1)
        # an extension goes on in the bar's end color over extendfrac of it (the last row may blend
        # into the outline past it); a palette picture's end run in another color is more of the bar
        flat = len(colours) >= max(3, 0.04 * bar.length) and all(
            float(np.abs(c - own.astype(np.float64)).max()) <= tolerance for c in colours[:-1]
        )
        out.append(len(colours) >= max(4, 0.6 * width) and not (flat and _gradient_end(bar, len(out))))
    return out


def _gradient_end(bar: Colorbar, end: int) -> bool:
    """Whether the bar's colors change pixel by pixel over its last 5% at ``end`` (0 low, 1 high).

    An extension continues a gradient with one flat color; a contourf bar's
    step cut short by the search is flat inside the bar too.
    """
    places = np.asarray(bar.positions)
    near = places <= 0.05 if end == 0 else places >= 0.95
    distinct = len(np.unique(bar.colors[near], axis=0)) if near.any() else 0
    return distinct >= max(3, 0.3 * 0.05 * bar.length)


def across_spread(rgb: np.ndarray, bar: Colorbar) -> float:
    """The median, over places along the bar, of its colors' spread (max - min DN) across its middle columns.

    A drawn bar: 0 (a few DN, up to ~20 on thin JPEG'd bars); a gradient in
    an image that was taken for one: tens to a hundred.

    Examples
    --------
    >>> rgb = np.zeros((40, 12, 3), np.uint8)
    >>> rgb[..., 0] = np.arange(40)[:, None] * 6
    >>> bar = Colorbar((0, 0, 12, 40), "vertical", np.zeros((40, 3), np.uint8))
    >>> across_spread(rgb, bar), across_spread(rgb.transpose(1, 0, 2), bar)
    (0.0, 30.0)
    """
    left, top, right, bottom = bar.bbox
    crop = rgb[top:bottom, left:right].astype(np.int16)
    if bar.orientation == "horizontal":
        crop = crop.transpose(1, 0, 2)
    width = crop.shape[1]
    margin = max(2, width // 4)
    inner = crop[:, margin : width - margin] if width > 2 * margin else crop
    if inner.size == 0:
        return 0.0
    return float(np.median((inner.max(axis=1) - inner.min(axis=1)).max(axis=1)))


def end_lines(rgb: np.ndarray, bar: Colorbar) -> list[int]:
    """Rows of a colored line lying across each end (low, high) of the bar, just past it.

    ``Colorbar.add_lines`` draws contour levels across a bar; one at a level
    where the bar ends hides that end under the line (the outline, dark and
    gray, is told apart). The end is then known only to the line's thickness.

    Examples
    --------
    >>> rgb = np.full((40, 12, 3), 255, np.uint8)
    >>> rgb[5:35, 2:10] = (60, 60, 200)
    >>> rgb[3:5, 2:10] = (0, 190, 190)
    >>> end_lines(rgb, Colorbar((2, 5, 10, 35), "vertical", np.full((30, 3), (60, 60, 200), np.uint8)))
    [0, 2]
    """
    out = []
    ends = [np.median(rows[0], axis=0) if len(rows) else np.zeros(3) for rows in rows_beyond(rgb, bar, inside=True)]
    for rows, end in zip(rows_beyond(rgb, bar), ends, strict=True):
        count = 0
        for k, row in enumerate(rows[:6]):
            colour = np.median(row, axis=0)
            uniform = int((row.max(axis=0) - row.min(axis=0)).max()) <= (6 if bar.exact else 24)
            colored = float(colour.max() - colour.min()) >= 60
            if not (uniform and colored and float(np.abs(colour - end).max()) > 40):
                break
            if k + 1 < len(rows) and _between(colour, end, np.median(rows[k + 1], axis=0), 6 if bar.exact else 24):
                break  # the end's last, partly covered row blended with the outline past it (antialiasing)
            count += 1
        out.append(count)
    return out


def _between(colour: np.ndarray, first: np.ndarray, second: np.ndarray, tolerance: float) -> bool:
    """Whether ``colour`` is a blend of ``first`` and ``second``: on the segment between them (within
    ``tolerance`` DN), and not ``second`` itself (a line two rows thick is that line's color twice)."""
    span = second - first
    t = float(np.clip(np.dot(colour - first, span) / max(float(np.dot(span, span)), 1e-9), 0.0, 1.0))
    return t < 0.8 and float(np.abs(first + t * span - colour).max()) <= tolerance


def end_gaps(rgb: np.ndarray, bar: Colorbar, reach: tuple[float, float] = (0.0, 0.0)) -> list[int]:
    """Rows of color past each end (low, high) of the bar's box before its outline or the background.

    A compressed picture's bar (an exact one: none) loses its end rows to the noise-tolerant
    search (JPEG rings at the outline): the colors go on a few rows past the
    box, and the end is known only to those rows -- less what ``reach``
    (how far past the box the end was placed, at an outline found there)
    already covers.

    Examples
    --------
    >>> rgb = np.full((60, 20, 3), 255, np.uint8)
    >>> rgb[4] = 0; rgb[56] = 0
    >>> rgb[5:56, 5:15] = (250, 220, 60)
    >>> end_gaps(rgb, Colorbar((5, 11, 15, 56), "vertical", np.zeros((45, 3), np.uint8), exact=False))
    [0, 6]
    """
    if bar.exact:  # an exact bar's box ends where its colors do (an extend triangle is cut off it)
        return [0, 0]
    paper = np.median(np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]), axis=0)
    out = []
    for rows, covered in zip(rows_beyond(rgb, bar), reach, strict=True):
        count = 0
        for row in rows[:12]:
            colour = np.median(row, axis=0) if row.size else paper
            if float(np.abs(colour - paper).max()) <= 30 or float(colour.max()) < 60:
                break  # the background, or the outline
            count += 1
        out.append(max(0, int(np.ceil(count - covered))))
    return out


def crisp_ends(rgb: np.ndarray, bar: Colorbar) -> list[bool]:
    """Whether each end (low, high) of the bar stops within a row: its colors, then at most one row
    blended with what lies past it, then the outline or the background.

    Agg draws a bar so (its last row partly covered); a resampled screenshot
    blurs the end over rows, JPEG rings past it, and a bar cut short goes on.

    Examples
    --------
    >>> rgb = np.full((40, 12, 3), 255, np.uint8)
    >>> rgb[5:35, 2:10] = (60, 60, 200); rgb[35, 2:10] = (30, 30, 100); rgb[36, 2:10] = 0
    >>> rgb[4, 2:10] = (100, 100, 215); rgb[3, 2:10] = (150, 150, 230); rgb[2, 2:10] = (200, 200, 240)
    >>> crisp_ends(rgb, Colorbar((2, 5, 10, 35), "vertical", np.full((30, 3), (60, 60, 200), np.uint8)))
    [True, False]
    """
    paper = np.median(np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]), axis=0)

    def outside(colour: np.ndarray) -> bool:  # the outline (dark and gray) or the background
        return float(colour.max()) < 60 and float(colour.max() - colour.min()) < 30 or float(np.abs(colour - paper).max()) <= 12

    out = []
    for rows, inner in zip(rows_beyond(rgb, bar), rows_beyond(rgb, bar, inside=True), strict=True):
        if len(rows) < 2 or len(inner) == 0:
            out.append(False)
            continue
        end, first, second = (np.median(r, axis=0) for r in (inner[0], rows[0], rows[1]))
        out.append(outside(first) or (outside(second) and _between(first, end, second, 8 if bar.exact else 16)))
    return out


def end_precision(
    bar: Colorbar, labelled: list[float | None], lines: tuple[int, int] = (0, 0), crisp: tuple[bool, bool] | None = None
) -> float:
    """A confidence factor in (0, 1] for ends located by pixels rather than stated by a label.

    An end's position is known to about one and a half pixels (measured on
    resampled screenshots, whose bar edges are blurred), and to its last row
    (three quarters of a pixel, with room) where it is ``crisp``
    (:func:`crisp_ends`; by default: an exact bar's), as Agg draws it; plus
    the thickness of a line drawn over it (:func:`end_lines`). Where no label states an end's value, that
    share of the bar is the range's error at that end. The factor is 1
    while that share stays within half a percent of the span, and falls in
    proportion beyond.

    Examples
    --------
    >>> bar = Colorbar((0, 0, 10, 100), "vertical", np.zeros((100, 3), np.uint8), exact=False)
    >>> round(end_precision(bar, [0.0, None]), 3), end_precision(bar, [0.0, 1.0]), round(end_precision(bar, [0.0, None], (0, 3)), 3)
    (0.333, 1.0, 0.111)
    >>> exact = Colorbar((0, 0, 10, 100), "vertical", np.zeros((100, 3), np.uint8))
    >>> round(end_precision(exact, [0.0, None]), 3), round(end_precision(exact, [None, None], (2, 0)), 3)
    (0.667, 0.182)
    """
    sharp = crisp if crisp is not None else (bar.exact, bar.exact)
    uncertain = [
        (0.75 if known else 1.5) + line for value, line, known in zip(labelled, lines, sharp, strict=True) if value is None
    ]
    if not uncertain:
        return 1.0
    share = max(uncertain) / max(1, bar.length)
    return float(min(1.0, _TARGET / share))


_FLAT_POWER = re.compile(r"^10([-\u2212]?\d)$")


def flattened_powers(texts: list[str]) -> bool:
    """Whether the labels read (in order along the axis) look like powers of ten with their exponents flattened.

    ``10⁰ 10¹ 10²`` read with the exponent on the baseline is ``100 101
    102``; ``10⁻¹`` is ``10-1``. Three or more labels of the form ``10k``
    whose ``k`` run through consecutive integers are that -- a linear axis
    labelled 100, 101, 102 is rare enough to doubt.

    Examples
    --------
    >>> flattened_powers(["10-1", "100", "101", "102"]), flattened_powers(["10^-1", "10^0", "10^1"])
    (True, False)
    >>> flattened_powers(["100", "105", "110"]), flattened_powers(["98", "100", "102"])
    (False, False)
    """
    exponents = []
    for text in texts:
        match = _FLAT_POWER.match(text.strip())
        if match:
            exponents.append(int(match.group(1).replace("\u2212", "-")))
    steps = np.diff(exponents)
    return len(exponents) >= 3 and bool(np.all(np.abs(steps) == 1) and len(set(np.sign(steps))) == 1)


def legend_rounding(bar: Colorbar, axis: AxisReading, ends: tuple[float, float]) -> tuple[float, float]:
    """Pixels an end's value may be off by on a ggplot-style legend bar (ticks drawn inside it), where no label states it.

    plotnine places its legend's ticks to whole points (the ends' up to a
    point outward, undone on average only): the line through them may be off
    by a point over the ticks' spread, and an end past the last tick by that
    slope's error times its distance from it.

    Examples
    --------
    >>> from truepix.figures._labels import Tick
    >>> from truepix.figures._model import AxisScale
    >>> ticks = [Tick(str(v), float(v), p, (0, 0, 1, 1), True, 1.0, True) for v, p in [(0, 290), (40, 216), (80, 142)]]
    >>> axis = AxisReading(AxisScale("linear", (290, 142), (0, 80)), ticks, inside=True)
    >>> bar = Colorbar((540, 130, 574, 291), "vertical", np.zeros((161, 3), np.uint8))
    >>> [round(v, 2) for v in legend_rounding(bar, axis, (290.2, 130.8))]
    [0.0, 0.22]
    """
    if not axis.inside:
        return (0.0, 0.0)
    positions = [t.position for t in axis.ticks if t.inlier and t.snapped and t.value is not None]
    if len(positions) < 2:
        return (0.0, 0.0)
    spread = max(positions) - min(positions)
    point = legend_point(bar)
    low, high = (2.0 * point * min(abs(p - end) for p in positions) / max(spread, 1.0) for end in ends)
    return low, high


def bar_ends(bar: Colorbar, outline: Box | None = None) -> tuple[float, float]:
    """The bar's low and high ends along it, in pixels: of its box, or of the outline found around it."""
    left, top, right, bottom = bar.bbox if outline is None else outline
    return (float(bottom), float(top)) if bar.orientation == "vertical" else (float(left), float(right))


def range_doubts(
    rgb: np.ndarray, bar: Colorbar | None, axis: AxisReading, given: dict[str, Any], outline: Box | None
) -> list[tuple[str, float]]:
    """What makes the range read doubtful, each with the factor it takes off the confidence."""
    if bar is None or axis.scale is None or given.get("vmin") is not None or given.get("levels") is not None:
        return []
    doubts = []
    if across_spread(rgb, bar) > 48:  # thin JPEG'd bars stay under ~20
        doubts.append(("the colorbar is not one color across: maybe a gradient in a plot, not a bar", 0.1))
    doubts += cut_bar_doubts(bar.bbox, bar.orientation, rgb.shape)
    ends = ("low", "high")
    for end, cut in zip(ends, truncated_ends(rgb, bar), strict=True):
        if cut:
            doubts.append((f"the colorbar's colors go on past its {end} end: the range may stop short", 0.3))
    if flattened_powers([tick.text for tick in axis.ticks]):
        doubts.append(("the labels read 10k with k counting up: powers of ten whose exponents were missed?", 0.2))
    if axis.guess:
        doubts.append((axis.guess, 0.3))
    if axis.unread_offset:
        doubts.append(("a text stands where an offset (1e-6, ×10³) goes but was not read: a factor may be missing", 0.5))
    low, high = (float(v) for v in axis.scale.value(np.array(bar_ends(bar, outline))))
    if low > high:  # matplotlib draws a bar's values rising; falling ones are more often a misread label
        doubts.append(("the colorbar's values fall along it (a reversed bar, or a misread label)", 0.5))
    if axis.scale.scale != "boundaries":
        labelled = labelled_ends(axis, bar_ends(bar, outline))
        lines = end_lines(rgb, bar)
        # colors past the box that the end (at an outline found there) does not reach: the end is that unsure
        boxed, placed = bar_ends(bar), bar_ends(bar, outline)
        # a ggplot legend's ends were placed from where its colors' coverage ends (to a fraction
        # of a pixel): the colored rows past its box are that coverage, none lost
        reached = covered_ends(rgb, bar) if axis.inside else placed
        gaps = end_gaps(rgb, bar, (abs(boxed[0] - reached[0]), abs(boxed[1] - reached[1])))
        crisp = [sharp and not gap for sharp, gap in zip(crisp_ends(rgb, bar), gaps, strict=True)]
        rounded = legend_rounding(bar, axis, placed)
        factor = end_precision(bar, labelled, (lines[0] + gaps[0] + rounded[0], lines[1] + gaps[1] + rounded[1]), (crisp[0], crisp[1]))
        if factor < 1.0:
            under = " (a line drawn over it)" if any(lines) else ""
            under += " (colors past the bar's box: an end lost to compression)" if any(gaps) else ""
            under += " (a legend's ticks placed to whole points)" if any(rounded) else ""
            doubts.append((f"a {bar.length}-pixel bar with an end no label states{under}: ends known to a pixel or two", factor))
        doubts += _end_tick_apart(axis, bar, bar_ends(bar, outline), labelled)
    return doubts


def _end_tick_apart(
    axis: AxisReading, bar: Colorbar, ends: tuple[float, float], labelled: list[float | None]
) -> list[tuple[str, float]]:
    """A doubt where an end's own label's tick stands a little too far from the end to be taken as its value.

    A bar drawn to a labelled value (``vmax=50``, "50" at the top) has that
    tick on its end; one standing past the tolerance of :func:`labelled_ends`
    but within three pixels says that the end (blurred by resampling), or the
    tick, is that far off: the range there is known to that distance, which
    costs the confidence as :func:`end_precision` does.
    """
    agreeing = [t.position for t in axis.ticks if t.inlier and t.value is not None and t.snapped]
    apart = [
        min(abs(p - end) for p in agreeing) for end, value in zip(ends, labelled, strict=True) if value is None and agreeing
    ]  # fmt: skip
    apart = [d for d in apart if d <= 3.0]
    if not apart:
        return []
    factor = float(min(1.0, _TARGET * max(1, bar.length) / max(apart)))
    if factor >= 1.0:
        return []
    return [(f"the colorbar's end stands {max(apart):.1f} px from its end label's tick (a blurred end?): the range there is known to that", factor)]


def lost_cells(
    region: np.ndarray, fractions: np.ndarray, paper: np.ndarray, exact: bool, cells: np.ndarray, grid: Any
) -> float:
    """Share of the cells NaN where the picture shows data (text and lines over cells lose no cell).

    ``paper`` is the figure's background colour (:func:`._coverage.background`);
    ``exact`` whether the picture is uncompressed (the bar's ``exact``).
    """
    lost = np.isnan(fractions) & _coverage.data_like(region, paper, exact=exact)
    return _grid.lost_cells(lost, cells, *grid)


def cut_bar_doubts(bbox: tuple[float, float, float, float], orientation: str, shape: tuple[int, ...]) -> list[tuple[str, float]]:
    """A doubt for each end of a colorbar that runs to the picture's edge: a crop cut it there.

    Its colors may go on past the picture, and the label at that end is cut
    off with it: the range read may stop short.

    Examples
    --------
    >>> cut_bar_doubts((400, 10, 410, 300), "vertical", (300, 450, 3))
    [("the colorbar runs to the picture's low edge (cropped?): the range may stop short there", 0.3)]
    """
    left, top, right, bottom = bbox
    low, high = ((bottom >= shape[0] - 1), (top <= 1)) if orientation == "vertical" else ((left <= 1), (right >= shape[1] - 1))
    return [
        (f"the colorbar runs to the picture's {end} edge (cropped?): the range may stop short there", 0.3)
        for end, cut in (("low", low), ("high", high)) if cut
    ]  # fmt: skip
