"""The grid of the data: cell edges of a plot drawn from a coarser array.

``pcolormesh`` and ``imshow(..., interpolation="nearest")`` of an (ny, nx)
array paint blocks of one color. Between two cells of different value the
color jumps at the same column on every row; inside a cell it does not
change. The share of rows whose color jumps at each column boundary is
therefore high at cell edges and zero elsewhere. When those edges are
evenly spaced (Agg puts each within a pixel of ``left + k * width / nx``),
the plot is a grid of ``nx`` columns; rows the same way.
"""

from __future__ import annotations

import numpy as np

__all__ = ["cell_edges"]

_JUMP = 6  # DN between neighbours that counts as a color change (JPEG ringing is below)
_EDGE_SHARE = 0.25  # share of lines whose color changes at a cell edge
_QUIET_SHARE = 0.06  # ... and at most this share inside cells


def _edges_1d(rgb: np.ndarray, valid: np.ndarray) -> np.ndarray | None:
    """Cell edges along axis 1 (columns), as boundary indices 0..W, or None when no grid."""
    width = rgb.shape[1]
    step = np.abs(np.diff(rgb.astype(np.int16), axis=1)).max(axis=2)
    # compressed pictures change a little everywhere: a jump stands out of that noise
    noise = float(np.median(step[valid[:, 1:] & valid[:, :-1]])) if valid.any() else 0.0
    jump = step > max(_JUMP, 4.0 * noise)
    both = valid[:, 1:] & valid[:, :-1]
    counted = np.maximum(both.sum(axis=0), 1)
    share = (jump & both).sum(axis=0) / counted  # boundary k+1 between columns k and k+1
    peaks = np.flatnonzero(share >= _EDGE_SHARE) + 1
    peaks = peaks[(peaks > 2) & (peaks < width - 2)]  # the frame's antialiased rim
    if len(peaks) < 3:
        return None
    # neighbouring peaks (an antialiased edge spread over two boundaries) are one edge
    merged = [int(peaks[0])]
    for p in peaks[1:]:
        if p - merged[-1] > 1:
            merged.append(int(p))
    edges = np.array(merged)
    steps = np.diff(edges)
    typical = np.median(steps)
    regular = steps[(steps >= 0.6 * typical) & (steps <= 1.4 * typical)]
    period = float(np.mean(regular)) if len(regular) else 0.0  # no typical step: no lattice
    if period < 3:  # cells narrower than 3 pixels cannot be told from noise and antialiasing
        return None
    # cells of a non-integer width alternate between two widths: the mean over the
    # whole run of edges is the period
    period = (edges[-1] - edges[0]) / max(1, round((edges[-1] - edges[0]) / period))
    # edges are evenly spaced (equal neighbours hide some): fit first + k * period to
    # the edges that fall on the lattice through the most of them
    best = None
    for anchor in edges:
        index = np.rint((edges - anchor) / period)
        on = np.abs(edges - anchor - index * period) <= 1.2
        if best is None or on.sum() > best[0].sum():
            best = (on, index)
    on, index = best
    if on.sum() < max(3, 0.6 * len(edges)):
        return None
    slope, intercept = np.polyfit(index[on], edges[on], 1)
    if np.abs(index[on] * slope + intercept - edges[on]).max() > 1.5:
        return None
    k0 = int(np.ceil((-0.5 * slope - intercept) / slope))
    k1 = int(np.floor((width + 0.5 * slope - intercept) / slope))
    lattice = intercept + slope * np.arange(k0, k1 + 1)
    grid = np.clip(np.rint(lattice), 0, width).astype(int)
    inside = np.ones(width - 1, dtype=bool)
    for e in grid:
        inside[max(0, e - 3) : e + 2] = False
    if inside.any() and np.median(share[inside]) > _QUIET_SHARE:
        return None
    return lattice


def cell_edges(rgb: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Row and column edges of the cells of a blocky plot, or None.

    Parameters
    ----------
    rgb : numpy.ndarray
        (H, W, 3) uint8, the plot area's pixels.
    valid : numpy.ndarray
        (H, W) bool, pixels that are colormap colors.

    Returns
    -------
    tuple of numpy.ndarray or None
        Cell edges along rows and columns (float64, pixel-edge coordinates of
        ``rgb``, the outer ones possibly a little outside it); rounded, cell
        ``(i, j)`` is ``rgb[rows[i]:rows[i+1], columns[j]:columns[j+1]]``.

    Examples
    --------
    >>> import numpy as np
    >>> cells = np.random.default_rng(0).integers(0, 255, (4, 5, 3)).astype(np.uint8)
    >>> picture = cells.repeat(10, axis=0).repeat(8, axis=1)
    >>> rows, columns = cell_edges(picture, np.ones(picture.shape[:2], bool))
    >>> (rows.round(6) + 0.0).tolist(), (columns.round(6) + 0.0).tolist()
    ([0.0, 10.0, 20.0, 30.0, 40.0], [0.0, 8.0, 16.0, 24.0, 32.0, 40.0])
    """
    columns = _edges_1d(rgb, valid)
    rows = _edges_1d(rgb.transpose(1, 0, 2), valid.T)
    if columns is None or rows is None:
        return None
    return rows, columns


def cell_values(values: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """One value per cell: the median of its pixels, leaving out the one-pixel rim.

    Examples
    --------
    >>> v = np.arange(4.0).reshape(2, 2).repeat(4, axis=0).repeat(4, axis=1)
    >>> cell_values(v, np.array([0, 4, 8]), np.array([0, 4, 8])).tolist()
    [[0.0, 1.0], [2.0, 3.0]]
    """
    from scipy import ndimage

    rows = np.clip(np.rint(rows), 0, values.shape[0]).astype(int)
    columns = np.clip(np.rint(columns), 0, values.shape[1]).astype(int)
    ny, nx = len(rows) - 1, len(columns) - 1
    # each pixel's cell, 0 for the rims and for pixels that are not data
    row_of = np.zeros(values.shape[0], dtype=np.int64)
    column_of = np.zeros(values.shape[1], dtype=np.int64)
    for edges, cell_of in ((rows, row_of), (columns, column_of)):
        for k in range(len(edges) - 1):
            a, b = edges[k], edges[k + 1]
            if b - a > 2:
                a, b = a + 1, b - 1
            cell_of[a:b] = k + 1
    labels = np.where((row_of[:, None] > 0) & (column_of[None, :] > 0),
                      (row_of[:, None] - 1) * nx + column_of[None, :], 0)  # fmt: skip
    labels[~np.isfinite(values)] = 0
    medians = ndimage.median(np.nan_to_num(values), labels=labels, index=np.arange(1, ny * nx + 1))
    counts = np.bincount(labels.ravel(), minlength=ny * nx + 1)[1:]
    out = np.asarray(medians, dtype=np.float64)
    out[counts == 0] = np.nan
    return out.reshape(ny, nx)
