"""A compressed stepped bar's end steps that its outline hid from the search.

The noise-tolerant search chains colors within 32 DN: a dark-ended map's
darkest contourf step (magma's and inferno's are 10-37 DN from black) chains
with the bar's black outline in a JPEG, so the runs of its rows are wider
than the bar and the stack of rows stops at the step before. The bar is then
read one step (or two) short: no catalog map has its steps' colors at the
steps' places, it is decoded by its own colors, and the plot's pixels of the
lost step match none of them (NaN) while the value range misses a step.

Past such an end, a run of one color across the bar's width (within the
noise), about as long as the bar's steps and not the background, that ends
on the background past the outline, is one more step: the bar is rebuilt
over it (:func:`grown_steps`). :func:`truepix.color._identify._colorbar._grown`
does the same for a continuous bar, whose colors go on smoothly instead.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from truepix.color._identify._bar import Colorbar, along_bar

__all__ = ["grown_steps"]

_BLEND = 8  # rows between two compressed steps: antialiased blend and JPEG ringing (_stepped._NOISY_BLEND)
_FLAT_DN = 16  # DN a compressed step's rows stay within of its color (_stepped._FLAT_DN)
_NEW_DN = 24  # DN a grown step's color stands from the end step's (less: the same step's ringing)
_ACROSS_DN = 48  # DN a compressed section may span across the bar (ringing at the outline included)
_BACKGROUND_DN = 30  # DN within which a section is the paper's color
# a grown step's length against the bar's median step (matplotlib draws even steps; the
# outline's antialiased rows and JPEG ringing move each end by a pixel or two)
_LENGTH_SHARE = (0.7, 1.3)
_MAX_GROWN = 2  # steps grown at most per end
_PAST = 6  # rows past a step's end the paper starts within (the outline: 1-3 px, its ringing)
_SLIVER = 0.5  # of the median step: an end "step" this short is a blend (JPEG, outline), not a step
_EVEN_SHARE = 0.15  # of the median step: evenly drawn steps' lengths differ by less (a pixel or two)


def grown_steps(rgb: np.ndarray, bar: Colorbar) -> Colorbar:
    """``bar`` rebuilt with the steps past its ends that its outline hid (``bar`` when none).

    Only a compressed (not exact) stepped bar of evenly drawn steps grows:
    an exact bar's search keeps its colors apart from the outline's.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._identify._stepped import stepped_bar
    >>> steps = np.array([[12, 8, 36], [60, 18, 110], [150, 45, 125], [240, 110, 90], [250, 220, 160]], np.uint8)
    >>> figure = np.full((140, 40, 3), 255, np.uint8)
    >>> figure[8:132, 10:30] = 0  # the outline
    >>> figure[10:130, 12:28] = np.repeat(steps[::-1], 24, axis=0)[:, None]
    >>> short = stepped_bar(figure, (12, 10, 28, 106), "vertical", 32)  # the search stopped a step short
    >>> len(short.colors), len(grown_steps(figure, dataclasses.replace(short, exact=False)).colors)
    (4, 5)
    """
    from truepix.color._identify._stepped import stepped_bar

    if bar.exact or bar.boundaries is None or len(bar.colors) < 3:
        return bar
    vertical = bar.orientation == "vertical"
    view, (x0, y0, x1, y1) = along_bar(rgb, bar)
    if x1 - x0 < 7:
        return bar
    # the steps' edges down the view (a vertical bar's boundaries run from its bottom)
    fractions = np.asarray(bar.boundaries, dtype=np.float64)
    edges = np.sort(y0 + ((1.0 - fractions) if vertical else fractions) * (y1 - y0))
    lengths = np.diff(edges)
    typical = float(np.median(lengths))
    # a blend of the hidden step with the outline may be read as a sliver of a step at the end
    first = 1 if lengths[0] < _SLIVER * typical else 0
    last = len(lengths) - 1 if lengths[-1] < _SLIVER * typical else len(lengths)
    if last - first < 3 or np.abs(lengths[first:last] - typical).max() > _EVEN_SHARE * typical:
        return bar  # uneven steps: their lengths say nothing of a hidden one's
    full = last - first
    y0, y1 = int(round(edges[first])), int(round(edges[last]))
    margin = max(2, (x1 - x0) // 4)
    across = view[:, x0 + margin : x1 - margin].astype(np.int16)
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]).astype(np.int16)
    background = np.median(border, axis=0)
    step = typical
    colors = view[y0:y1, (x0 + x1) // 2]
    grown = [0, 0]
    for side, (way, start) in enumerate(((-1, y0 - 1), (1, y1))):
        end_color = np.median(colors[: max(1, int(step) // 2)] if way < 0 else colors[-max(1, int(step) // 2) :], axis=0)
        row = start
        for _ in range(_MAX_GROWN):
            run = _run_past(across, row, way, end_color, background, step)
            if run is None:
                break
            length, color = run
            row += way * length
            end_color = color
            grown[side] = abs(row - start)
        if grown[side] and not _ends_on_background(across, row, way, background):
            grown[side] = 0
    if not any(grown):
        return bar
    rect = (x0, y0 - grown[0], x1, y1 + grown[1])
    longer = stepped_bar(view, rect, bar.orientation, 32)
    if longer is None or longer.boundaries is None or len(longer.colors) <= full:
        return bar
    spans = np.diff(np.asarray(longer.boundaries)) * longer.length
    if np.abs(spans - typical).max() > _EVEN_SHARE * typical:
        return bar  # the rebuilt bar's steps are not all of one length: not more of the same steps
    box = list(longer.bbox)
    for k in (0, 2) if vertical else (1, 3):
        box[k] = bar.bbox[k]  # across, the bar's sides as found
    return dataclasses.replace(longer, bbox=tuple(box), exact=bar.exact)


def _run_past(
    across: np.ndarray, row: int, way: int, end_color: np.ndarray, background: np.ndarray, step: float
) -> tuple[int, np.ndarray] | None:
    """(rows, color) of one more step from ``row`` on (blend rows first), or None."""
    height = len(across)

    def section(r: int) -> np.ndarray | None:
        if not 0 <= r < height:
            return None
        cut = across[r]
        if int((cut.max(axis=0) - cut.min(axis=0)).max()) > _ACROSS_DN:
            return None
        color = np.median(cut, axis=0)
        if float(np.abs(color - background).max()) <= _BACKGROUND_DN:
            return None
        return color

    # skip the blend: rows that are neither the end step's color nor flat yet
    r, color = row, None
    for _ in range(_BLEND):
        here = section(r)
        if here is None:
            return None
        ahead = section(r + 2 * way)
        if ahead is not None and float(np.abs(here - ahead).max()) <= _FLAT_DN / 2:
            if float(np.abs(here - end_color).max()) > _NEW_DN:
                color = here
                break
        r += way
    if color is None:
        return None
    colors = [color]
    r2 = r + way
    while (here := section(r2)) is not None and float(np.abs(here - color).max()) <= _FLAT_DN:
        colors.append(here)
        r2 += way
    length = abs(r2 - row)
    if not _LENGTH_SHARE[0] * step <= length <= _LENGTH_SHARE[1] * step:
        return None
    return length, np.median(np.array(colors), axis=0)


def _ends_on_background(across: np.ndarray, row: int, way: int, background: np.ndarray) -> bool:
    """Whether the paper lies within a few rows past ``row`` (past the bar's outline)."""
    for r in range(row, row + _PAST * way, way):
        if not 0 <= r < len(across):
            return True
        if float(np.abs(np.median(across[r], axis=0) - background).max()) <= _BACKGROUND_DN:
            return True
    return False
