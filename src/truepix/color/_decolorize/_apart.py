"""Advice for a picture whose off-map pixels lie apart from its map's: another panel.

A figure of two heatmaps side by side, each with its own map, decoded whole with
one panel's ``cmap`` comes back with the other panel NaN -- rightly: its colors
are another map's. "Is cmap right?" names the wrong cause there. The two kinds
differ in where the NaN lie: a wrong map leaves its off pixels everywhere the
data is, scattered among the few that happen to match; a second panel's lie in a
region of their own, beside the rows and columns the map's colors fill.
"""

from __future__ import annotations

import numpy as np

__all__ = ["apart_advice"]

_DENSE = 0.5  # of the densest row's (column's) share, a row (column) within a region's extent
_GAP = 0.05  # of the picture's width (height), a margin that parts two regions
_PLOT, _FILLED = 0.15, 0.6  # the decoded region's share of the picture, and of its extent
_APART = 0.8  # share of the off pixels outside the decoded ones' extent
_MARGIN = 0.5  # share of paper between two panels' extents
_SAMPLE = 200_000  # pixels read at most (an even subsample of bigger pictures)


def apart_advice(values: np.ndarray, hidden: np.ndarray) -> str | None:
    """Advice naming the region of NaN when it lies apart from the decoded pixels.

    Parameters
    ----------
    values : ndarray, shape (H, W) or (H, W, ...)
        Decoded values, NaN off the map; only the first two axes are read.
    hidden : ndarray of bool, same shape as ``values``
        Pixels that are no data either way (paper, transparent, masked).

    Returns
    -------
    str or None
        The advice (crop to the map's region, or ``truepix.read_figure``), or None
        when the off pixels lie among the decoded ones.

    Examples
    --------
    >>> paper = np.ones((100, 200), bool)
    >>> paper[10:90, 10:90] = paper[10:90, 110:190] = False  # two panels on white paper
    >>> values = np.full((100, 200), np.nan)
    >>> values[10:90, 110:190] = 0.5  # the right panel decodes; the left one is another map
    >>> apart_advice(values, paper)[:69]
    'they lie apart from the decoded pixels (rows 10-89, columns 10-89): a'
    >>> values[:] = np.nan
    >>> values[10:90:3, 10:190:3] = 0.5  # a wrong map: a few matches scattered among the NaN
    >>> apart_advice(values, paper) is None
    True
    """
    if values.ndim != 2:
        return None
    step = max(1, int(np.ceil(np.sqrt(values.size / _SAMPLE))))
    nan = np.isnan(values[::step, ::step])
    shown = ~hidden[::step, ::step]
    off, on = nan & shown, ~nan & shown
    if not on.any() or not off.any():
        return None
    top, bottom, left, right = _extent(on)
    # the map's colors make a plot of their own: a good part of the picture, filling their
    # extent (a wrong map's few matches -- black text taken for magma's end -- do not)
    region = on[top:bottom, left:right].sum()
    if region < _PLOT * shown.sum() or region < _FILLED * shown[top:bottom, left:right].sum():
        return None
    inside = off[top:bottom, left:right].sum()
    if 1 - inside / off.sum() < _APART:
        return None
    extent = _extent(off)
    if not _parted((top, bottom, left, right), extent, ~shown):
        return None  # (a wrong map's matches on a smooth field: one band of it, no margin)
    span = [k * step for k in extent]
    return (
        f"they lie apart from the decoded pixels (rows {span[0]}-{span[1] - 1}, columns"
        f" {span[2]}-{span[3] - 1}): another plot or panel with its own map? Crop the picture to"
        " this map's region, or truepix.read_figure(picture) reads each panel with its map"
    )


def _extent(mask: np.ndarray) -> tuple[int, int, int, int]:
    """Rows ``top:bottom`` and columns ``left:right`` of ``mask``'s main region: the
    longest stretch of rows (columns) holding half the densest one's share of it at
    least, gaps under _GAP of the picture bridged (a plot and its colorbar are one
    stretch; a line of text, an outline or a second plot beyond a margin are not)."""
    out = []
    for axis in (1, 0):
        share = mask.mean(axis=axis)
        dense = np.flatnonzero(share >= _DENSE * share.max())
        breaks = np.flatnonzero(np.diff(dense) > max(2, _GAP * len(share)))
        pieces = np.split(dense, breaks + 1)
        longest = max(pieces, key=lambda piece: int(piece[-1] - piece[0]))
        out += [int(longest[0]), int(longest[-1]) + 1]
    return out[0], out[1], out[2], out[3]


def _parted(first: tuple[int, int, int, int], second: tuple[int, int, int, int],
            paper: np.ndarray) -> bool:
    """Whether two extents (top, bottom, left, right) lie side by side or one above the
    other with a margin between them that is mostly ``paper``, as two panels do."""
    for low, high in ((2, 3), (0, 1)):  # side by side (columns), then stacked (rows)
        a, b = sorted((first, second), key=lambda extent: extent[low])
        if a[high] >= b[low]:
            continue  # they overlap along this axis
        across = (0, 1) if low == 2 else (2, 3)
        start, stop = min(a[across[0]], b[across[0]]), max(a[across[1]], b[across[1]])
        if low == 2:
            gap = paper[start:stop, a[high] : b[low]]
        else:
            gap = paper[a[high] : b[low], start:stop]
        if gap.size and gap.mean() >= _MARGIN:
            return True
    return False
