"""``find_colorbar``: the colorbar of a whole figure, and its colors.

A colorbar is a long rectangle whose every cross-section is one color and
whose colors change smoothly along its length. The finder looks for exactly
that: for each row it splits the picture into runs of one color; a
colorbar is a stack of rows whose runs start and end at the same columns
(the bar's sides), with many distinct, smoothly changing colors along the
stack. Rows of plain background are excluded by their runs being wider
than the bar (nothing stops them at the bar's sides), and blocky images
by their color steps being abrupt. Vertical and horizontal bars are the
same search on the transposed picture.

"One color" is exact first (uncompressed figures); a second search lets
neighbours differ by up to 32 DN and takes each side as the median of five
rows, so that a JPEG'd figure's bar -- noisy across, its runs cut short here
and there by 8x8 blocks and ringing -- is found whole. The bar with the most
distinct colors wins; one from the second search is marked ``exact=False``
and keeps one color per pixel along it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from truepix._threads import blas_on_caller
from truepix.color._identify._bar import Colorbar, along_bar, image_rgb8
from truepix.color._identify._extend import (
    triangle_colors,
    with_extends,
    without_flat_ends,
    without_triangles,
)
from truepix.color._identify._scan import _judged, candidates, continuous_bar
from truepix.color._identify._step_ends import grown_steps
from truepix.color._identify._stepped import stepped_bar

__all__ = ["Colorbar", "find_colorbar", "find_colorbars", "image_rgb8"]

# Two neighbours within this many DN count as the same color: 0 for exact
# pictures (Agg draws a colorbar's cells exactly, and its antialiased outline
# differs from them); 32 for compressed ones, whose bars are noisy across (JPEG's
# 8x8 blocks and ringing at the outline). Both are searched; the bar with the
# most distinct colors wins.
_TOLERANCES = (0, 32)
_MAX_BARS = 16  # bars built at most per figure
# the noise-tolerant search sees more "colors" in the same bar than the exact one:
# its scores count this much, so an exact bar wins where the picture has one
_NOISY_WEIGHT = 0.6
_GROW_ACROSS = 48  # DN a compressed bar's cross-section may span (ringing at its outline included)
_GROW_STEP = 24  # DN between neighbouring cross-sections of a compressed bar's end
Rect = tuple[int, int, int, int]


def find_colorbar(image: Any, /) -> Colorbar | None:
    """Find the colorbar in a whole figure and read its colors.

    Parameters
    ----------
    image : array_like
        The figure: (H, W, 3) or (H, W, 4), uint8, uint16 or float in [0, 1]
        (``plt.imread`` output works as is).

    Returns
    -------
    Colorbar or None
        The most colorful bar-shaped region whose cross-sections are single
        colors, with its extend triangles' colors (``under``, ``over``);
        ``None`` if the picture has none. Only colors are read: its ``vmin`` and
        ``vmax`` are None (give them to ``decolorize(picture, cmap=bar, vmin=...,
        vmax=...)``); :func:`truepix.read_figure` reads the tick labels too.

    Raises
    ------
    ShapeError
        ``image`` is not (H, W) gray or (H, W, 3|4) RGB(A).
    UnsupportedDtypeError
        Its dtype is not uint8, uint16 or float.
    UnsupportedInputError
        A masked array: a bar's colors cannot be told from masked pixels.

    Warns
    -----
    ColorbarDoubtWarning
        The only bar found has fewer than three sides on the figure's paper: it may
        be a stretch of the plot (a JPEG'd contourf band); check ``bar.bbox``.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> figure = np.full((200, 120, 3), 255, np.uint8)
    >>> ramp = tp.colorize(np.linspace(1, 0, 150), cmap="viridis", vmin=0, vmax=1)[:, :3]
    >>> figure[25:175, 90:102] = ramp[:, None]
    >>> bar = tp.find_colorbar(figure)
    >>> bar.bbox, bar.orientation, len(bar.colors)
    ((90, 25, 102, 175), 'vertical', 150)
    >>> bar.colors[0].tolist() == ramp[-1].tolist()  # low end first
    True
    """
    with blas_on_caller:  # (not a decorator: the doubt warning's stacklevel is the user's)
        from truepix._validate import as_picture  # the one picture rule

        why = "a colorbar is found among all the pixels of a figure"
        rgb, _ = image_rgb8(as_picture(image, refuse_mask=why))
        best: tuple[float, Colorbar] | None = None
        readings = {tolerance: _bars(rgb, tolerance) for tolerance in _TOLERANCES}
        exact = _best_bar(readings[0])
        for tolerance in _TOLERANCES:
            found = exact if tolerance == 0 else _best_bar(readings[tolerance])
            if found is not None and tolerance and exact is not None:
                # the same bar seen through noise shows more "colors": an exact reading wins
                # when it is one (no more colors than a colormap has)
                if _overlap(exact[1].bbox, found[1].bbox) and len(exact[1].colors) <= 260:
                    found = (_NOISY_WEIGHT * found[0], found[1])
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        if best is None:
            return None
        every = [r for found in readings.values() for r in found]
        bar = _rejoined(rgb, _whole(best[1], every), every)
        if _within_plot(rgb, bar):
            # a strip of a plot: the best-scored reading that stands on the paper, if one does
            for _, _, build in sorted(every, key=lambda item: -item[0])[:_MAX_BARS]:
                other = build()
                if other is not None and not _within_plot(rgb, other):
                    bar = _whole(other, every)
                    break
            else:
                import warnings

                from truepix.errors import ColorbarDoubtWarning

                msg = (
                    f"expected a colorbar on the figure's paper, got the strip {bar.bbox} with"
                    " other colors on three or four sides (a stretch of a plot, or a bar inset in"
                    " one); check it, or give the colormap and limits"
                )
                warnings.warn(msg, ColorbarDoubtWarning, stacklevel=2)
        # a compressed bar's end near the paper, which the noisy search stops short of, as
        # find_colorbars grows it (seaborn's rocket bar, JPEG q75: 17 of 462 px of its light
        # end lost, so it matched no catalog map and decoded 6.55x the k-d tree's error)
        return with_extends(rgb, without_flat_ends(_grown(rgb, bar)))


@blas_on_caller
def find_colorbars(image: Any, /) -> list[Colorbar]:
    """Find every colorbar in a figure (one per panel, shared, several).

    Parameters
    ----------
    image : array_like
        The figure, as for :func:`find_colorbar`.

    Returns
    -------
    list of Colorbar
        Bars that do not overlap each other, the most colorful first.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> from truepix.color._identify._colorbar import find_colorbars
    >>> figure = np.full((200, 200, 3), 255, np.uint8)
    >>> figure[25:175, 40:52] = tp.colorize(np.linspace(1, 0, 150), cmap="viridis")[:, None, :3]
    >>> figure[25:175, 150:162] = tp.colorize(np.linspace(1, 0, 150), cmap="magma")[:, None, :3]
    >>> [bar.bbox for bar in find_colorbars(figure)]
    [(40, 25, 52, 175), (150, 25, 162, 175)]
    """
    rgb, _ = image_rgb8(image)
    # an exact bar wins over the same bar seen through the noise-tolerant search
    found = [
        (score if tolerance == 0 else _NOISY_WEIGHT * score, rect, build, tolerance)
        for tolerance in _TOLERANCES
        for score, rect, build in _bars(rgb, tolerance)
    ]
    found.sort(key=lambda item: -item[0])
    kept: list[Colorbar] = []
    for _, rect, build, tolerance in found:
        # a plot's inside holds hundreds of candidates: build only those still free
        if len(kept) == _MAX_BARS:
            continue
        taken = [k for k, other in enumerate(kept) if _overlap(rect, other.bbox)]
        if taken:
            if tolerance and len(taken) == 1:
                bar = kept[taken[0]]
                extended = _extended(rgb, bar, rect)
                if extended is not None:
                    kept[taken[0]] = extended
                elif bar.exact:
                    kept[taken[0]] = _widened(bar, rect, build)
            continue
        bar = build()
        if bar is not None and not any(_overlap(bar.bbox, other.bbox) for other in kept):
            kept.append(bar)
    return [
        with_extends(rgb, without_flat_ends(without_triangles(rgb, _grown(rgb, grown_steps(rgb, bar)))))
        for bar in _joined(rgb, kept)
    ]


def _widened(bar: Colorbar, rect: tuple[int, int, int, int], build: Any) -> Colorbar:
    """An exact bar given the wider sides of the noise-tolerant reading of the same bar.

    A gray bar in a JPEG has no chroma noise: rows of one exact color run
    along part of its width only, and the exact reading is a thinner bar
    inside the true one (or a part of it). The noise-tolerant reading of the
    same bar (its sides outside the exact one's) has its true sides; where it
    is also much longer, it is the bar.
    """
    vertical = bar.orientation == "vertical"
    along = (1, 3) if vertical else (0, 2)
    across = (0, 2) if vertical else (1, 3)
    b = bar.bbox
    wider = rect[across[0]] < b[across[0]] or rect[across[1]] > b[across[1]]
    longer = rect[along[1]] - rect[along[0]] >= max(1.1 * bar.length, bar.length + 10)
    if not wider and not longer:
        return bar  # nothing the other reading could add: do not build it
    wide = build()
    if wide is None or wide.orientation != bar.orientation:
        return bar
    a = wide.bbox
    if a[across[0]] > b[across[0]] or a[across[1]] < b[across[1]]:
        return bar
    if a[along[0]] <= b[along[0]] and a[along[1]] >= b[along[1]] and wide.length >= max(1.1 * bar.length, bar.length + 10):
        return wide  # the exact rows were a part of the bar only: the whole bar's reading
    if abs(a[along[0]] - b[along[0]]) > 3 or abs(a[along[1]] - b[along[1]]) > 3:
        return bar
    box = list(b)
    box[across[0]], box[across[1]] = a[across[0]], a[across[1]]
    return dataclasses.replace(bar, bbox=tuple(box))


def _extended(rgb: np.ndarray, bar: Colorbar, rect: tuple[int, int, int, int]) -> Colorbar | None:
    """The bar rebuilt over its union with a noise-tolerant reading that reaches past one of its ends.

    On a JPEG'd bar without chroma (gray), neither search sees it whole:
    the exact one finds stretches between rows that noise makes uneven,
    the noise-tolerant one stacks that break where the outline's ringing
    moves a side. A reading with the bar's sides (within a few pixels) that
    overlaps it and goes on past an end is more of the same bar; the union
    is one when it is judged a bar itself. None when ``rect`` adds nothing.
    """
    vertical = bar.orientation == "vertical"
    b = bar.bbox if vertical else (bar.bbox[1], bar.bbox[0], bar.bbox[3], bar.bbox[2])
    r = rect if vertical else (rect[1], rect[0], rect[3], rect[2])
    reach = max(b[1] - r[1], r[3] - b[3])
    width = b[2] - b[0]
    sides = max(3, width // 8)
    # the exact reading of a JPEG'd gray bar may be narrower than the bar: contained is enough
    around = r[0] <= b[0] + sides and r[2] >= b[2] - sides and r[2] - r[0] <= 1.5 * width + 2 * sides
    if reach < max(8, 0.05 * bar.length) or not around:
        return None
    if min(r[3], b[3]) - max(r[1], b[1]) < 0.1 * bar.length:  # overlapping, not merely beside
        return None
    view = rgb if vertical else rgb.transpose(1, 0, 2)
    # across, the reading's run sides (the bar's own were already moved onto its outline)
    union = (r[0], min(r[1], b[1]), r[2], max(r[3], b[3]))
    if _judged(view, union, _TOLERANCES[-1]) <= 0:
        return None
    joined = continuous_bar(view, union, bar.orientation, _TOLERANCES[-1])
    if joined is None or joined.length < bar.length + 0.5 * reach:
        return None
    return joined


def _grown(rgb: np.ndarray, bar: Colorbar) -> Colorbar:
    """A compressed continuous bar rebuilt past an end where its colors go on.

    The noise-tolerant search chains colors within 32 DN: a map's dark end
    (magma, inferno, gray) chains with the dark outline around it, so the
    runs there are wider than the bar and the stack stops where the colors
    leave the outline's. Past such an end, cross-sections one color across
    the bar's whole width (within the noise), not the background, each close
    to the one before, are more of the bar; an extend triangle narrows at
    once and the background or an outline of another color stops the walk.
    An end grows only when the walk ends on the background: a strip inside
    a plot (a row of cells) meets more of the plot.
    """
    if bar.exact or bar.boundaries is not None:
        return bar
    vertical = bar.orientation == "vertical"
    view, (x0, y0, x1, y1) = along_bar(rgb, bar)
    if x1 - x0 < 5:
        return bar
    across = view[:, x0 + 1 : x1 - 1].astype(np.int16)
    margin = max(1, (x1 - x0) // 4 - 1)
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]).astype(np.int16)
    background = np.median(border, axis=0)
    # a section's spread is judged against the bar's own: a bar with no outline (seaborn's)
    # rings against the paper at its sides, more than _GROW_ACROSS across its whole length
    inside = across[y0:y1]
    spread = max(_GROW_ACROSS, float(np.percentile((inside.max(axis=1) - inside.min(axis=1)).max(axis=1), 90)))
    grown = []
    for step, start in ((-1, y0 - 1), (1, y1)):
        last = np.median(across[start - step, margin:-margin], axis=0)
        row, count = start, 0
        while 0 <= row < len(view):
            section = across[row]
            colour = np.median(section[margin:-margin], axis=0)
            if (
                float(np.abs(colour - background).max()) <= 30
                or int((section.max(axis=0) - section.min(axis=0)).max()) > spread
                or float(np.abs(colour - last).max()) > _GROW_STEP
            ):
                break
            last, row, count = colour, row + step, count + 1
        # a bar's end meets the background past its outline (an antialiased row or two
        # between), or the picture's edge; a strip of a plot meets more plot
        past = [r for r in range(row, row + 3 * step, step) if 0 <= r < len(view)]
        stopped = not past or any(
            float(np.abs(np.median(across[r, margin:-margin], axis=0) - background).max()) <= 30 for r in past
        )
        grown.append(count if stopped and count >= 2 else 0)
    # the part of a map within the search's 32 DN of black is at most a fifth of it
    # (gray: an eighth); a "bar" that would grow more is a strip of something else
    if max(grown) < 2 or sum(grown) > 0.25 * bar.length:
        return bar
    longer = continuous_bar(view, (x0, y0 - grown[0], x1, y1 + grown[1]), bar.orientation, _TOLERANCES[-1])
    if longer is None or longer.length <= bar.length:
        return bar
    # across, the bar's sides as found (a rebuild would move them out again by the outline's pixel)
    box = list(longer.bbox)
    sides = (0, 2) if vertical else (1, 3)
    for k in sides:
        box[k] = bar.bbox[k]
    return dataclasses.replace(longer, bbox=tuple(box))


def _joined(rgb: np.ndarray, bars: list[Colorbar]) -> list[Colorbar]:
    """Continuous bars that meet end to end, with the same sides, rebuilt as one.

    A resampled bar's dark end blends with its dark outline, which widens the
    runs there and breaks the stack of rows in two.
    """
    out = list(bars)
    merged = True
    while merged:
        merged = False
        for a in out:
            for b in out:
                if (
                    a is b
                    or a.orientation != b.orientation
                    or a.boundaries is not None
                    or b.boundaries is not None
                ):
                    continue
                flip = a.orientation == "horizontal"
                ra = (a.bbox[1], a.bbox[0], a.bbox[3], a.bbox[2]) if flip else a.bbox
                rb = (b.bbox[1], b.bbox[0], b.bbox[3], b.bbox[2]) if flip else b.bbox
                # ra above rb, touching (within 2 px), sides within 2 px (a compressed
                # bar's within an eighth of its width: its sides blur into the outline)
                sides = 2 if a.exact and b.exact else max(2, (ra[2] - ra[0]) // 8)
                if not (
                    0 <= rb[1] - ra[3] <= 2 and abs(ra[0] - rb[0]) <= sides and abs(ra[2] - rb[2]) <= sides
                ):
                    continue
                view = rgb.transpose(1, 0, 2) if flip else rgb
                # across, the longer piece's sides (a short end piece's are less sure)
                sides = ra if ra[3] - ra[1] >= rb[3] - rb[1] else rb
                rect = (sides[0], ra[1], sides[2], rb[3])
                bar = continuous_bar(view, rect, a.orientation, 0 if a.exact and b.exact else 32)
                if bar is None:
                    continue
                out = [bar if c is a else c for c in out if c is not b]
                merged = True
                break
            if merged:
                break
    return out


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _whole(bar: Colorbar, readings: list[tuple[float, Rect, Any]]) -> Colorbar:
    """The longest reading of the strip ``bar`` is a piece of, or ``bar`` when it is whole.

    JPEG blurs a stepped bar's boundaries into ramps: a few steps of it pass
    for a continuous bar, whose colors outscore the whole bar's steps. A
    reading with the same sides (within a few pixels) that covers ``bar``
    and goes on well past it (a quarter of its length or more) is the same
    strip read whole: that is the bar, its ends where the colorbar's are.
    """
    vertical = bar.orientation == "vertical"
    along, across = ((1, 3), (0, 2)) if vertical else ((0, 2), (1, 3))
    b = bar.bbox
    sides = max(3, bar.width // 4)
    for _, rect, build in sorted(readings, key=lambda item: item[1][along[0]] - item[1][along[1]]):
        if (rect[3] - rect[1] > rect[2] - rect[0]) != vertical:
            continue  # a candidate is three times longer than wide: its orientation shows
        if rect[along[1]] - rect[along[0]] < 1.25 * bar.length:
            break  # longest first: none further is long enough
        if any(abs(rect[k] - b[k]) > sides for k in across):
            continue
        if rect[along[0]] > b[along[0]] + sides or rect[along[1]] < b[along[1]] - sides:
            continue
        whole = build()
        if whole is None or whole.orientation != bar.orientation:
            continue
        w = whole.bbox
        covers = w[along[0]] <= b[along[0]] + sides and w[along[1]] >= b[along[1]] - sides
        if covers and whole.length >= 1.25 * bar.length:
            return whole
    return bar


def _rejoined(rgb: np.ndarray, bar: Colorbar, readings: list[tuple[float, Rect, Any]]) -> Colorbar:
    """``bar`` joined with a reading that meets it end to end with the same sides (:func:`_joined`).

    A compressed bar's stack of rows can break at one row (a block edge, a
    color the background's); :func:`find_colorbars` joins the halves, and so
    does the one-bar search, or it would return half a bar.
    """
    if bar.boundaries is not None:
        return bar
    vertical = bar.orientation == "vertical"
    along, across = ((1, 3), (0, 2)) if vertical else ((0, 2), (1, 3))
    b = bar.bbox
    sides = max(2, bar.width // 8)
    for _, rect, build in sorted(readings, key=lambda item: -item[0]):
        if (rect[3] - rect[1] > rect[2] - rect[0]) != vertical:
            continue
        if any(abs(rect[k] - b[k]) > sides + 1 for k in across):
            continue
        if not (0 <= rect[along[0]] - b[along[1]] <= 3 or 0 <= b[along[0]] - rect[along[1]] <= 3):
            continue
        piece = build()
        if piece is None or piece.orientation != bar.orientation or piece.boundaries is not None:
            continue
        joined = _joined(rgb, [bar, piece])
        if len(joined) == 1 and joined[0].length > bar.length:
            return joined[0]
    return bar


def _within_plot(rgb: np.ndarray, bar: Colorbar) -> bool:
    """Whether fewer than three sides of ``bar`` show the paper: it stands within a plot.

    A colorbar is drawn on the figure's paper: past its outline, the paper
    (between ticks and labels on one side) shows on all four sides, on
    three where it is drawn flush with a plot. A strip of a plot's own
    colors has more plot on at least two sides (on all four inside it; two
    in a corner). The paper is the color of the picture's border.
    """
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]).astype(np.int16)
    paper = np.median(border, axis=0)
    x0, y0, x1, y1 = bar.bbox
    gap, depth = 4, max(4, bar.width // 2)  # past an outline of a few pixels, half a bar deep
    height, width = rgb.shape[:2]
    sides = [
        rgb[y0:y1, max(0, x0 - gap - depth) : max(0, x0 - gap)],
        rgb[y0:y1, min(width, x1 + gap) : min(width, x1 + gap + depth)],
        rgb[max(0, y0 - gap - depth) : max(0, y0 - gap), x0:x1],
        rgb[min(height, y1 + gap) : min(height, y1 + gap + depth), x0:x1],
    ]
    on_paper = [
        side.size == 0 or np.mean(np.abs(side.astype(np.int16) - paper).max(axis=-1) <= 30) >= 0.5
        for side in sides
    ]
    if sum(on_paper) < 3:
        # an extend triangle past an end is the bar's own, not a plot (a JPEG'd contourf
        # bar whose box stops at its triangles: ColorbarDoubtWarning on both ends)
        ends = (3, 2) if bar.orientation == "vertical" else (0, 1)  # (low, high) sides
        for end, colour in zip(ends, triangle_colors(rgb, bar), strict=True):
            on_paper[end] = on_paper[end] or colour is not None
    return sum(on_paper) < 3


def _best_bar(bars: list[tuple[float, Rect, Any]]) -> tuple[float, Colorbar] | None:
    for score, _, build in sorted(bars, key=lambda item: -item[0]):
        bar = build()
        if bar is not None:
            return score, bar
    return None


def _bars(rgb: np.ndarray, tolerance: int) -> list[tuple[float, tuple[int, int, int, int], Any]]:
    """Every bar-shaped candidate at one tolerance: score, image box, and how to build it."""
    found: list[tuple[float, tuple[int, int, int, int], Any]] = []
    for orientation in ("vertical", "horizontal"):
        # A vertical bar has one color per row; a horizontal one per column.
        view = rgb if orientation == "vertical" else rgb.transpose(1, 0, 2)
        for score, (x0, y0, x1, y1) in candidates(view, tolerance):
            maker = stepped_bar if score < 1 else continuous_bar
            rect = (x0, y0, x1, y1) if orientation == "vertical" else (y0, x0, y1, x1)

            def build(view=view, r=(x0, y0, x1, y1), o=orientation, m=maker) -> Colorbar | None:
                return m(view, r, o, tolerance)

            found.append((score, rect, build))
    return found
