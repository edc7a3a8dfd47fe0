"""Cells of uneven widths: ``pcolormesh`` with its own ``x``/``y`` edges (log-spaced, irregular).

:mod:`._grid` finds cells on a lattice; arbitrary edges stand on none, yet
between two cells the color still changes at the same column on most rows.
"""

from __future__ import annotations

import numpy as np

__all__ = ["evenly_spaced", "narrow_end", "uneven_edges"]

_RIM = 2  # profile positions at each end: the frame's antialiased rim (as in _grid)


def uneven_edges(rgb: np.ndarray, valid: np.ndarray, frame: tuple[float, float]) -> np.ndarray | None:
    """Cell edges at uneven spacing (``pcolormesh`` with arbitrary ``x`` edges), or None: columns where most rows change color.

    Cells need not stand on a lattice: between two cells the color changes
    at the same column on most rows, inside a cell on none. Columns where
    half the data rows step by more than a few DN are edges when the columns
    between them are quiet; the grid's outer edges are the frame's where the
    data run on to it. In a compressed picture an edge blurs over two or three
    columns, taken as one; in an exact one (every in-cell step 0) each column
    counts, so that a cell a pixel wide (the narrow end of log-spaced cells) is kept.

    Examples
    --------
    >>> cells = np.random.default_rng(0).integers(0, 255, (4, 5, 3)).astype(np.uint8)
    >>> picture = np.repeat(cells.repeat(10, axis=0), [3, 6, 12, 20, 40], axis=1)
    >>> uneven_edges(picture, np.ones(picture.shape[:2], bool), (0.0, 81.0)).tolist()
    [0.0, 3.0, 9.0, 21.0, 41.0, 81.0]
    """
    step = np.abs(np.diff(rgb.astype(np.int16), axis=1)).sum(axis=2)
    data = valid[:, :-1] & valid[:, 1:]
    rows = data.sum(axis=0)
    share = ((step > 24) & data).sum(axis=0) / np.maximum(rows, 1)
    share[rows < 0.5 * rgb.shape[0]] = 0.0
    # in an exact picture (most steps 0) the frame's rim is its first column only
    exact = bool(np.mean(step[data] == 0) >= 0.8) if data.any() else False
    rim = 1 if exact else _RIM
    share[:rim], share[len(share) - rim :] = 0.0, 0.0
    candidates = np.flatnonzero(share >= 0.5)
    quiet = np.ones(len(share), bool)
    quiet[:rim], quiet[len(share) - rim :] = False, False
    for at in candidates:
        quiet[max(0, at - 1) : at + 2] = False  # an edge's blur beside it
    if len(candidates) < 2 or quiet.sum() < 0.5 * len(share) or np.percentile(share[quiet], 90) > 0.05:
        return None
    runs = [[int(candidates[0])]]
    for at in candidates[1:]:
        if not exact and at - runs[-1][-1] <= 1:
            runs[-1].append(int(at))
        else:
            runs.append([int(at)])
    edges = [float(np.average(np.array(run) + 1.0, weights=share[run])) for run in runs]
    covered = valid.mean(axis=0)  # a column of data between the frame and the outer edge found: a cell there (its rim blended)
    if covered[: int(edges[0])].max(initial=0.0) >= 0.5:
        edges.insert(0, float(frame[0]))
    if covered[int(edges[-1]) :].max(initial=0.0) >= 0.5:
        edges.append(float(frame[1]))
    out = _hidden_cells(np.array(edges), frame)
    return out if len(out) >= 4 and np.diff(out).min() >= 0.5 else None


def _hidden_cells(edges: np.ndarray, frame: tuple[float, float]) -> np.ndarray:
    """``edges`` with the cells a geometric progression of widths puts between the outermost edges found and the frame.

    Log-spaced cells (``np.geomspace`` edges) narrow towards one end; there
    the last one or two are a pixel or two wide and their edges blur into
    the frame's rim, so the outer cell found holds them all. When the inner
    cells' widths follow one ratio (each within a pixel and 10 % of it), the
    cells it predicts past the outermost inner edge are split off the outer
    cell while what is left of it reaches 0.6 px (and a quarter of the cell split off) inside the frame.

    Examples
    --------
    >>> _hidden_cells(np.array([-1.0, 2.0, 5.0, 9.0, 14.0, 22.0, 32.0, 45.0, 64.0]), (-1.0, 64.0)).round(1).tolist()
    [-1.0, -0.2, 2.0, 5.0, 9.0, 14.0, 22.0, 32.0, 45.0, 64.0]
    """
    widths = np.diff(edges)[1:-1]  # the outer cells may hold hidden ones, or be cut by the frame
    if len(widths) < 4 or widths.min() <= 0:
        return edges
    k = np.arange(len(widths), dtype=np.float64)
    slope, intercept = np.polyfit(k, np.log(widths), 1, w=np.sqrt(widths))
    predicted = np.exp(intercept + slope * k)
    if abs(slope) < 0.05 or np.any(np.abs(predicted - widths) > 1.0 + 0.1 * widths):
        return edges  # even cells, or no one ratio
    inner = list(edges)
    for end, step in ((0, -1), (len(k) - 1, 1)):
        at = edges[1] if step < 0 else edges[-2]
        limit = frame[0] if step < 0 else frame[1]
        index, added = end + step, []
        while len(added) < 3:
            width = float(np.exp(intercept + slope * index))
            beyond = at + step * width
            # what is left past the predicted cell must be a cell, not the fit's error (a pixel
            # of a wide cell): 0.6 px, and a quarter of the cell split off
            if step * (limit - beyond) < max(0.6, 0.25 * width):
                break
            added.append(beyond)
            at, index = beyond, index + step
        inner = sorted(inner + added)
    return np.array(inner)


def evenly_spaced(edges: np.ndarray) -> bool:
    """Whether cell edges stand on a lattice (each within 1.5 pixels of the line through them).

    Examples
    --------
    >>> evenly_spaced(np.arange(0.0, 50.0, 10.0)), evenly_spaced(np.array([0.0, 3.0, 9.0, 21.0, 41.0]))
    (True, False)
    """
    k = np.arange(len(edges))
    line = np.polyval(np.polyfit(k, edges, 1), k) if len(edges) > 2 else edges
    return bool(np.abs(line - edges).max() <= 1.5)


def narrow_end(edges: np.ndarray) -> bool:
    """Whether the cells are narrowest (4 px at most, within 1.5 times the narrowest) at either outer edge.

    Examples
    --------
    >>> narrow_end(np.array([0.0, 3.0, 7.0, 15.0, 31.0])), narrow_end(np.array([0.0, 16.0, 24.0, 28.0, 44.0]))
    (True, False)
    """
    widths = np.diff(edges)
    return bool(min(widths[0], widths[-1]) <= min(4.0, 1.5 * widths.min()))
