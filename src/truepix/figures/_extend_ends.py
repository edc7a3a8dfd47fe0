"""Where a colorbar ends under an extend triangle: the triangle's base, read from its narrowing.

matplotlib's outline runs around an extend triangle, not across the bar
where the triangle begins. With the default under/over colors the triangle
is filled with the map's own end color: on magma, hot or gray its dark rows
past the end read as the outline's, and after JPEG the bar's found box runs
into the triangle or stops short of it (trial 49 and the lead's checks:
ends 2-8 px off, 0.6-1.6 % of the range, several at confidence 1.0). What
does not move is the shape: along the bar a row is as wide as the bar, along
the triangle it narrows a constant amount a row (antialiased, and JPEG
keeps a row's mean color), so the line fitted to the narrowing rows meets
the bar's width at the base.
"""

from __future__ import annotations

import numpy as np

from truepix.color._identify._colorbar import Colorbar

_FULL_ROWS = (4, 9)  # rows inside the end whose width is the bar's (past the end's own blur)
_NARROWING = (0.3, 0.85)  # of that width: the triangle's rows its edges are fitted on
_MIN_ROWS = 3
_SLOPE = (0.2, 4.0)  # width lost a row, pixels: extendfrac 0.05 on bars of 8-60 px across
_RESIDUAL = 0.8  # pixels of width, RMS, a narrowing row may stand off the fitted line
_REACH = 20  # rows the base may lie from the end found (JPEG'd magma boxes ran 8-12 px short)
_CONTRAST = 60  # DN between the end color and the paper the coverage is measured against
_MOVE = 1.0  # pixels: a found end this close to the base is kept (JPEG'd bars)
_MOVE_EXACT = 1.5  # (exact ones)
_LINE = 60  # DN of luminance below the paper's before a pixel counts as the outline's (JPEG rings)
_PAST = 3  # columns past the bar's sides a triangle's edge (and outline) may reach


def coverage_widths(rows: np.ndarray, fill: np.ndarray, paper: np.ndarray) -> np.ndarray:
    """How wide each row's run of ``fill`` is, in pixels: each pixel's share of ``fill`` over ``paper``.

    Parameters
    ----------
    rows : (N, W, 3) ndarray
        RGB rows across the bar and a few pixels past its sides.
    fill, paper : (3,) ndarray
        The triangle's (the bar end's) color and the paper's.

    Returns
    -------
    (N,) float64 ndarray
        The sum over each row of the pixels' projections onto the paper ->
        fill line, clipped to [0, 1]: an antialiased edge counts its share,
        an outline darker than the fill counts whole.

    Examples
    --------
    >>> rows = np.full((1, 6, 3), 255.0)
    >>> rows[0, 1:4] = (0, 0, 100); rows[0, 4] = (128, 128, 178)  # 3 px and a half
    >>> fill, paper = np.array([0, 0, 100.0]), np.array([255, 255, 255.0])
    >>> coverage_widths(rows, fill, paper).round(2).tolist()
    [3.5]
    """
    axis = fill.astype(np.float64) - paper
    share = (rows.astype(np.float64) - paper) @ axis / float(axis @ axis)
    return np.clip(share, 0.0, 1.0).sum(axis=1)


def outline_widths(rows: np.ndarray, paper: np.ndarray) -> np.ndarray:
    """How far apart each row's outline stands, in pixels: its dark halves' centres, plus a pixel.

    A triangle filled with the paper's color (hot's and gray's white over
    color on white paper) shows only its outline: two slanted lines that
    meet at the tip, as the bar's sides stand the bar's width apart. Each
    half of a row (left and right of its middle) has its darkness centre;
    their distance, plus the line's pixel, narrows along the triangle as
    :func:`coverage_widths` does along a filled one. A row with no dark
    pixel in either half is 0 wide.

    Parameters
    ----------
    rows : (N, W, 3) ndarray
        RGB rows across the bar and a few pixels past its sides.
    paper : (3,) ndarray
        The paper's color.

    Returns
    -------
    (N,) float64 ndarray

    Examples
    --------
    >>> rows = np.full((2, 12, 3), 255.0)
    >>> rows[0, [1, 10]] = 0; rows[1, [3, 8]] = 0  # the sides, then the slanted lines
    >>> outline_widths(rows, np.array([255.0, 255, 255])).tolist()
    [10.0, 6.0]
    """
    weights = np.array([0.299, 0.587, 0.114])
    dark = np.clip(float(paper @ weights) - rows.astype(np.float64) @ weights - _LINE, 0.0, None)
    middle = rows.shape[1] // 2
    columns = np.arange(rows.shape[1], dtype=np.float64)
    left, right = dark[:, :middle], dark[:, middle:]
    mass = np.minimum(left.sum(axis=1), right.sum(axis=1))
    lcentre = (left @ columns[:middle]) / np.maximum(left.sum(axis=1), 1e-9)
    rcentre = (right @ columns[middle:]) / np.maximum(right.sum(axis=1), 1e-9)
    return np.where(mass > 0, rcentre - lcentre + 1.0, 0.0)


def triangle_base(widths: np.ndarray, end: int, outward: int) -> float | None:
    """The position (pixel edges) of a triangle's base past row ``end``; None where none narrows.

    Parameters
    ----------
    widths : (H,) ndarray
        Each row's width (:func:`coverage_widths`), rows along the bar.
    end : int
        The bar's end row as found (its box's edge row on that side).
    outward : {-1, 1}
        The direction away from the bar.

    Returns
    -------
    float or None
        Where the line fitted to the narrowing rows meets the bar's width
        (the median over rows well inside the end); None where too few rows
        narrow, they do not lie on a line, or it meets the width far off.

    Examples
    --------
    >>> widths = np.r_[np.full(40, 20.0), 20 - (np.arange(16) + 0.5)]  # the bar, then a triangle
    >>> round(triangle_base(widths, 39, 1), 1)
    40.0
    """
    inner = [end - outward * k for k in range(*_FULL_ROWS)]
    if min(inner) < 0 or max(inner) >= len(widths):
        return None
    full = float(np.median(widths[inner]))
    if full < 4:
        return None
    rows = np.arange(end - outward * _REACH, end + outward * 60, outward)
    rows = rows[(rows >= 0) & (rows < len(widths))]
    narrowing = (widths[rows] >= _NARROWING[0] * full) & (widths[rows] <= _NARROWING[1] * full)
    if narrowing.sum() < _MIN_ROWS:
        return None
    # the first run of narrowing rows (a tick label's text farther out is no triangle)
    first = int(np.argmax(narrowing))
    stop = first + int(np.argmin(np.append(narrowing[first:], False)))
    falling = rows[first:stop]
    if len(falling) < _MIN_ROWS:
        return None
    centres = falling.astype(np.float64) + 0.5  # a row's width is the width at its middle
    slope, start = np.polyfit(centres, widths[falling], 1)
    residual = float(np.sqrt(np.mean((widths[falling] - (start + slope * centres)) ** 2)))
    if not _SLOPE[0] <= -slope * outward <= _SLOPE[1] or residual > _RESIDUAL:
        return None
    base = (full - start) / slope
    return float(base) if abs(base - (end + 0.5 + 0.5 * outward)) <= _REACH else None


def based_ends(
    rgb: np.ndarray, bar: Colorbar, box: tuple[float, ...], paper: np.ndarray
) -> tuple[float, ...]:
    """``box`` (the bar's outline box), each end past which a triangle narrows put at its base.

    Parameters
    ----------
    rgb : (H, W, 3) uint8 ndarray
        The figure.
    bar : Colorbar
        The bar found (its box and colors, low end first).
    box : tuple of 4 float
        (left, top, right, bottom) in pixel edges: the outline's ends.
    paper : (3,) ndarray
        The figure's background color.

    Returns
    -------
    tuple of 4 float
        ``box``, its ends at the triangles' bases where triangles are drawn.
    """
    vertical = bar.orientation == "vertical"
    view = rgb if vertical else rgb.transpose(1, 0, 2)
    left, top, right, bottom = bar.bbox
    if not vertical:
        left, top, right, bottom = top, left, bottom, right
    across = slice(max(0, left - _PAST), min(view.shape[1], right + _PAST))
    out = list(box)
    # (the box's index of the end, the end row, outward, the bar's color there)
    low, high = (3, bottom - 1, 1, bar.colors[0]), (1, top, -1, bar.colors[-1])
    if not vertical:
        low, high = (0, top, -1, bar.colors[0]), (2, bottom - 1, 1, bar.colors[-1])
    for at, end, outward, fill in (low, high):
        fill = fill.astype(np.float64)
        if not 0 <= end < len(view):
            continue
        # an end of the paper's color: its triangle shows only as its outline
        if np.abs(fill - paper).max() < _CONTRAST:
            widths = outline_widths(view[:, across], paper)
        else:
            widths = coverage_widths(view[:, across], fill, paper)
        base = triangle_base(widths, end, outward)
        # an end found near the base stays: an outline's centre line is known closer (the
        # slanted outline is wider across a row than the sides', which puts the fitted base
        # 0.3-1 px out on exact figures; a dark triangle taken for the outline is 2-3 px off)
        if base is not None and abs(base - out[at]) > (_MOVE_EXACT if bar.exact else _MOVE):
            out[at] = base
    return tuple(out)
