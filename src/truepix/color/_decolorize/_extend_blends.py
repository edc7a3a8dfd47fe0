"""Blends of an extend color with the field pixels beside it, anywhere in the picture.

An ``imshow`` drawn smaller than its array (Agg resamples the RGBA) or JPEG'd blends
each under / over pixel with its neighbours. Where an extend region is a speck (a
cell or two of data past the limit, in a rough field), no pixel of it keeps the
extend color, and ``_extremes._rim`` (which starts from the matched region) never
sees the blends: trial 50's NDVI (RdYlGn, under navy, over magenta, a 384-pixel
array drawn in 370) left 0.37 % of its in-range pixels NaN on PNG, 2.6 % on JPEG q75,
most of them navy mixed with the field's dark red and orange beside it.

:func:`fill_blends` gives such a pixel -- still NaN, within the decode's tolerance of
a segment from an extend color to the color of a decoded pixel within REACH of it
(two things the decoder knows) -- the limit when it is nearer the extend color, else
that neighbour's value.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._extremes import _grown

__all__ = ["fill_blends"]

#: Pixels (Chebyshev distance) within which a NaN pixel's decoded neighbours stand for
#: the field it blends with: resampling blends 2-3 cells; JPEG's 4:2:0 chroma, 2.
REACH = 3
#: Pixels along a row, column or diagonal within which a blend has decoded pixels on
#: both sides (a band of JPEG's blends 3 pixels wide; a frame's line has paper beyond).
SIDE = 8
#: Least share of the extend color (along the segment, from the field's end) past which
#: a blend comes back at the limit, not at the neighbour's value.
HALF = 0.5
#: Passes of the fill (a band of blends JPEG leaves NaN, a pixel deeper each).
PASSES = 6
#: Least share of the extend color along the segment (its luma's or its chroma's) a
#: JPEG'd blend holds: a NaN pixel within the tolerance of a decoded neighbour's color
#: and holding none of the extend's was left NaN for something else. Black ink over
#: jet's navy lies within the decode's tolerance (32.5 DN, q75) of the darkest field
#: beside it, and of the line's pixels the decode took for data: once a white (masked)
#: region made white an extend color, the line was filled as its blends, pass after
#: pass along it (trial54 t151, gaps 3 / 5: core 11.7 / 27 % flagged -> 85 / 77 %; 96 / 78
#: % without the region).
LEAST_SHARE = 0.05
#: BT.601 luma weights (what JPEG keeps at full resolution).
_LUMA = np.array([0.299, 0.587, 0.114])


def fill_blends(
    values: np.ndarray, known: np.ndarray, rgb: np.ndarray, scale: float,
    ends: list[tuple[np.ndarray, float]], tolerance: float, matrix: np.ndarray | None,
    fills: np.ndarray | None = None,
) -> int:  # fmt: skip
    """Fill (in place) the NaN pixels of ``values`` (..., H, W) that lie within
    ``tolerance`` (DN, in ``matrix``'s metric; RGB when None) of a segment from one of
    the ``ends`` (an extend color, RGB in 8-bit DN, and its limit) to the color of a
    pixel within REACH of them that ``known`` (same shape) holds decoded, and which have
    decoded pixels within REACH on both sides along a row, column or diagonal: at the
    limit when HALF or more of the way to the extend color, else at that pixel's value.
    With ``matrix`` (JPEG's luma-weighted metric), luma and chroma each lie along the
    segment, not together (4:2:0 spreads a speck's chroma over 2x2 pixels and keeps its
    luma), and the way along is luma's; one or the other LEAST_SHARE at least. ``rgb``
    is the picture's (P, >= 3) pixels in units that ``scale`` maps to 8-bit DN.
    PASSES passes, each's filled pixels known to the next (a band of blends). ``fills``
    (same shape as ``values``; ``_extremes._flat_fills``): flat fills, neither filled
    nor a field a blend is made of (pass them in ``known`` too). How many were filled.

    Examples
    --------
    >>> values = np.array([[0.2, np.nan, np.nan, 1.0]])
    >>> rgb = np.array([[200, 0, 0], [150, 0, 50], [50, 0, 150], [0, 0, 200]], float)
    >>> navy = (np.array([0.0, 0.0, 200.0]), 1.0)
    >>> fill_blends(values, values == values, rgb, 1.0, [navy], 3.0, None)
    2
    >>> values.tolist()
    [[0.2, 0.2, 1.0, 1.0]]
    """
    known = known.copy()
    total = 0
    for _ in range(PASSES):
        filled = _pass(values, known, rgb, scale, ends, tolerance, matrix, fills)
        if len(filled) == 0:
            break
        known.reshape(-1)[filled] = True
        total += len(filled)
    return total


def _pass(
    values: np.ndarray, known: np.ndarray, rgb: np.ndarray, scale: float,
    ends: list[tuple[np.ndarray, float]], tolerance: float, matrix: np.ndarray | None,
    fills: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """One pass of :func:`fill_blends`: the flat indices it filled."""
    holes = np.isnan(values) & ~known
    if fills is not None:
        known = known & ~fills  # (a flat fill: no field a blend is made of)
    if not holes.any() or not ends or values.ndim < 2:
        return np.empty(0, np.int64)
    near = known
    for _ in range(2 * REACH):  # (a figure's paper: no decoded pixel near, not looked at)
        near = _grown(near)
    holes &= near
    shape = values.shape
    where = np.flatnonzero(holes)
    index = np.unravel_index(where, shape)
    metric = np.eye(3) if matrix is None else np.asarray(matrix, np.float64)
    points = (rgb[where, :3].astype(np.float64) / scale) @ metric.T
    unit = _LUMA / np.linalg.norm(_LUMA)  # (the metric keeps luma: its axis in it)
    best = np.full(len(where), np.inf)
    found = np.full(len(where), np.nan)
    height, width = shape[-2], shape[-1]
    sides = np.zeros((len(where), 4, 2), bool)  # known pixels each way along 4 lines
    for dy in range(-SIDE, SIDE + 1):
        for dx in range(-SIDE, SIDE + 1):
            if (dy == 0 and dx == 0) or (max(abs(dy), abs(dx)) > REACH and
                                         _line(dy, dx) is None):  # fmt: skip
                continue
            rows, cols = index[-2] + dy, index[-1] + dx
            inside = (rows >= 0) & (rows < height) & (cols >= 0) & (cols < width)
            rows, cols = np.clip(rows, 0, height - 1), np.clip(cols, 0, width - 1)
            other = np.ravel_multi_index((*index[:-2], rows, cols), shape)
            usable = inside & known.reshape(-1)[other]
            if not usable.any():
                continue
            line = _line(dy, dx)
            if line is not None:
                sides[:, line[0], line[1]] |= usable
            if max(abs(dy), abs(dx)) > REACH:
                continue
            field = (rgb[other, :3].astype(np.float64) / scale) @ metric.T
            for color, limit in ends:
                end = np.asarray(color, np.float64) @ metric.T
                if matrix is None:
                    along, off = _segment(points, field, end)
                else:  # (4:2:0: luma and chroma each along the segment, not together)
                    along, off = _segment(points @ unit, field @ unit, end @ unit)
                    chroma = [part - np.multiply.outer(part @ unit, unit)
                              for part in (points, field, end)]  # fmt: skip
                    across, apart = _segment(*chroma)
                    off += apart
                    flat = np.abs((end - field) @ unit) < tolerance  # (no luma to go by)
                    along[flat] = across[flat]
                    off[(along < LEAST_SHARE) & (across < LEAST_SHARE)] = np.inf
                better = usable & (off < best)
                best[better] = off[better]
                found[better] = np.where(
                    along[better] >= HALF, limit, values.reshape(-1)[other[better]]
                )  # fmt: skip
    # (between two decoded pixels along a line: no frame's or colorbar outline's pixel,
    # which has the field on one side only)
    done = (best <= tolerance**2) & (sides[:, :, 0] & sides[:, :, 1]).any(axis=1)
    values.reshape(-1)[where[done]] = found[done]
    return where[done]


def _segment(
    points: np.ndarray, starts: np.ndarray, end: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """How far (0 to 1) along the segments from ``starts`` (P, ...) to ``end`` the
    nearest points to ``points`` (P, ...) lie, and their squared distances."""
    if points.ndim == 1:
        points, starts, end = points[:, None], starts[:, None], np.atleast_1d(end)
    span = end - starts
    length = np.maximum((span**2).sum(axis=1), 1e-9)
    along = np.clip(((points - starts) * span).sum(axis=1) / length, 0.0, 1.0)
    return along, ((points - starts - along[:, None] * span) ** 2).sum(axis=1)


def _line(dy: int, dx: int) -> tuple[int, int] | None:
    """Which of the 4 lines through a pixel (row, column, two diagonals) the offset
    (``dy``, ``dx``) lies on, and on which side of it; None for an offset off them."""
    if dy == 0 or dx == 0 or abs(dy) == abs(dx):
        line = 0 if dy == 0 else 1 if dx == 0 else 2 if dy == dx else 3
        lead = dx if dx != 0 else dy
        return line, int(lead > 0)
    return None
