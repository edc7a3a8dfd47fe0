"""The colorbar's box at its outline's centre lines, and its ends the colors alone do not show.

A bar's found box ends where its colors stand off the paper. At an end
whose color is the paper's or near it (hot's and gray's white top), or a
dark color that JPEG smears into the outline (jet's dark red), the colors
after JPEG stop 4-6 pixels short of the true end (the bar_ends benchmark:
hot and gray 5.7 px short at confidence 1.0). The outline matplotlib draws
around the bar still stands there: a line dark across the bar with the
paper past it. :func:`outline` looks for it first beside the found end,
then, where none is there, outward from the end over the rows a lost end
may span. An end no outline confirms, whose color is near the paper's on a
compressed bar, cannot be placed: :func:`unseen_ends` names it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix.color._identify._colorbar import Colorbar
from truepix.figures._areas import unsnap

Box = tuple[float, float, float, float]

_DARK = 40  # ink (darkness) a pixel of a line has
_ACROSS = 0.6  # share of the bar's columns dark in a row of the outline
_CLEAR = 0.2  # at most this share dark in the paper's row past the outline
_REACH = 10  # rows past a compressed bar's found end its lost end may lie (JPEG: 4-6 px)
_TARGET = 0.005  # the share of the span a confident range is within (as _checks)
_CONTRAST = 60  # DN: an end color nearer the paper's than this is not seen past JPEG


def _far_run(view: np.ndarray, across: slice, end: int, outward: int) -> np.ndarray | None:
    """Rows (outermost first) of a dark run with the paper past it, met going out from ``end``.

    None where the rows met are neither the bar's (light or colored, not
    dark across) nor such a line within :data:`_REACH` rows.
    """
    rows = np.arange(end, end + outward * (_REACH + 2), outward)
    rows = rows[(rows >= 0) & (rows < len(view))]
    share = (view[rows, across] >= _DARK).mean(axis=1)
    dark = share >= _ACROSS
    for k in range(len(rows) - 1):
        if dark[k] and share[k + 1] <= _CLEAR:
            first = k
            while first > 0 and dark[first - 1]:
                first -= 1
            return rows[first : k + 1][::-1]
    return None


def _side_thickness(view: np.ndarray, left: int, right: int, top: int, bottom: int) -> int:
    """Rows a line across an end takes: the columns the sides' line takes (median; 0: none).

    gray's and hot's black low end runs into the outline below it: where a
    white extend triangle stands at the other end, no line there tells how
    thick the outline is, and the black rows were taken for it (trial 50,
    ``extend="max"``: the low end 1.3-1.9 px inward at confidence 1.0).
    """
    rows = np.arange(top + (bottom - top) // 4, bottom - (bottom - top) // 4)
    if len(rows) == 0:
        return 0
    widths = []
    for start, outward in ((left, -1), (right - 1, 1)):
        columns = np.arange(start, start + outward * 6, outward)
        columns = columns[(columns >= 0) & (columns < view.shape[1])]
        dark = view[np.ix_(rows, columns)] >= _DARK
        for line in dark:  # a run within the first three columns, counted outward
            hits = np.flatnonzero(line[:3])
            if len(hits):
                run = line[hits[0] :]
                widths.append(int(np.argmin(np.append(run, False))))
    return int(np.median(widths)) if widths else 0


def outline(figure_ink: np.ndarray, bar: Colorbar) -> Box | None:
    """The bar's box at its outline's centre lines, where an outline is drawn at its ends.

    Parameters
    ----------
    figure_ink : (H, W) uint8 ndarray
        The figure's ink (:func:`truepix.figures._labels.ink`).
    bar : Colorbar
        The bar found.

    Returns
    -------
    tuple of 4 float
        (left, top, right, bottom), each end at its outline's centre line
        where one was found, else at the bar's box.
    """
    view = figure_ink if bar.orientation == "vertical" else figure_ink.T
    left, top, right, bottom = bar.bbox
    if bar.orientation == "horizontal":
        left, top, right, bottom = top, left, bottom, right
    across = slice(left + 1, max(left + 2, right - 1))
    inside = 0 if bar.exact else 3  # a compressed bar's box may reach over its outline
    found = []
    for rows, end, outward in (
        (range(max(0, top - 4), top + 1 + inside), top, -1),
        (range(min(len(view), bottom + 4) - 1, bottom - 2 - inside, -1), bottom - 1, 1),
    ):
        index = np.array(list(rows))  # from outside the bar inward
        weights = view[index, across].astype(np.float64).mean(axis=1)
        # the outline is the first run met from outside of rows dark across the bar: a
        # map's dark end (magma's black) inside it, or an offset text above it, is not the line
        # (a light gray outline counts: seaborn's is 0.8 gray, 51 below white)
        dark = np.flatnonzero((view[index, across] >= _DARK).mean(axis=1) >= _ACROSS)
        run = dark[: 1 + int(np.argmax(np.append(np.diff(dark), 2) > 1))][:4] if len(dark) else dark
        # dark on past the rows searched: an extend triangle as dark as the map's end (magma's,
        # hot's, gray's under color), around which the outline runs; no line crosses there
        beyond = 2 * index[0] - index[1] if len(index) > 1 else -1  # (a bar cut by the edge)
        continues = 0 <= beyond < len(view) and (view[beyond, across] >= _DARK).mean() >= _ACROSS
        if len(run) and run[0] == 0 and continues:
            run = run[:0]
        far = None if len(run) or bar.exact else _far_run(view, across, end, outward)
        if far is not None:  # a compressed end lost short of its outline: the line past it
            index, weights = far, view[far, across].astype(np.float64).mean(axis=1)
            run = np.arange(len(far))
        found.append((index, weights, run))
    # the line is as thick at both ends: a run longer at one end took the map's dark end in;
    # with one end's line alone (a triangle at the other), as thick as the sides' line
    thickness = min((len(run) for _, _, run in found if len(run)), default=0)
    if sum(len(run) > 0 for _, _, run in found) == 1:
        thickness = min(thickness, _side_thickness(view, left, right, top, bottom) or thickness)
    ends = []
    for (index, weights, run), fallback in zip(found, (float(top), float(bottom)), strict=True):
        run = run[:thickness]
        # no outline across this end (an extend triangle begins there): the colors end it
        centre = fallback
        if len(run):
            centre = np.sum(weights[run] * (index[run] + 0.5)) / weights[run].sum()
        ends.append(float(centre))
    if all(len(run) for _, _, run in found):  # odd-width outlines: Agg snaps them
        ends = [float(e) for e in unsnap(np.array(ends))]
    if bar.orientation == "vertical":
        return (float(left), ends[0], float(right), ends[1])
    return (ends[0], float(left), ends[1], float(right))


def unseen_ends(rgb: np.ndarray, bar: Colorbar, placed: Box, paper: np.ndarray) -> list[bool]:
    """Whether each end (low, high) of a compressed bar is of the paper's color and was not placed.

    Such an end's colors fade into the paper past JPEG, and neither an
    outline (:func:`outline`) nor a triangle's base moved it off the box
    its colors gave: where it lies is not seen.
    """
    if bar.exact:
        return [False, False]
    left, top, right, bottom = (float(v) for v in bar.bbox)
    vertical = bar.orientation == "vertical"
    boxed = (bottom, top) if vertical else (left, right)
    ends = (placed[3], placed[1]) if vertical else (placed[0], placed[2])
    colors = (bar.colors[0], bar.colors[-1])
    return [
        float(np.abs(color.astype(np.float64) - paper).max()) < _CONTRAST and abs(end - box) < 1e-9
        for color, end, box in zip(colors, ends, boxed, strict=True)
    ]


def unseen_doubt(panel: Any, rgb: np.ndarray, placed: Box) -> None:
    """Lower a panel's confidence (in place) for an unseen end (:func:`unseen_ends`) not labelled.

    ``placed``: the bar's box at its outline and triangles' bases, before its
    ticks (:func:`~truepix.figures._sides.ticked_ends`) moved its ends. Such
    an end may lie anywhere over the rows a lost end spans (:data:`_REACH`):
    that share of the bar is the range's error there.
    """
    from truepix.figures._axes import labelled_ends
    from truepix.figures._checks import bar_ends
    from truepix.figures._coverage import background
    from truepix.figures._sides import legend_ends, ticked_ends

    axis, bar = panel.colorbar_axis, panel.colorbar
    if bar is None or axis.scale is None:
        return
    final = legend_ends(rgb, bar, axis, ticked_ends(bar, axis, placed))
    unseen = unseen_ends(rgb, bar, final or placed, background(rgb))
    if not any(unseen):
        return
    labelled = labelled_ends(axis, bar_ends(bar, final))
    if all(value is not None or not lost for value, lost in zip(labelled, unseen, strict=True)):
        return
    factor = min(1.0, _TARGET * max(1, bar.length) / (_REACH / 2))
    panel.confidence *= factor
    panel.data.attrs["confidence"] = panel.confidence
    text = "a colorbar end of the paper's color, its outline not found: it may lie ~5 px off"
    attrs = panel.data.attrs
    attrs["doubts"] = "; ".join(part for part in (attrs.get("doubts", ""), text) if part)
