"""Checks on a lattice of cells found in a plot: are its cells the data's, one color each?

:mod:`._grid` finds lattices where the colors change; a lattice is taken
for the grid of the data only when its cells are of one color each -- far
more than the same lattice shifted by half a cell, whose cells straddle
edges -- hold data (not a panel's grid lines around none), and are no
brick wall (hexbin's hexagons, two cells each).
"""

from __future__ import annotations

import numpy as np

from truepix.figures._regions import label_medians

__all__ = ["CONTRAST", "LUMA_CONTRAST", "LUMA_SPREAD", "SPREAD", "brick_wall", "cell_labels", "confirmed", "holds_data", "median_contrast"]

CONTRAST = 3.0  # within-cell variance of the half-shifted lattice over the found one's, at least
SPREAD = 16.0  # the typical cell's color spread (DN, RMS over channels summed), at most
# the same in luma (JFIF's Y): noise of one spread in every channel leaves
# sqrt((0.299^2 + 0.587^2 + 0.114^2) / 3) = 0.386 of it (10 DN of noise over 33-pixel
# cells: RGB 24 and luma 9.4 DN, neither trusted)
LUMA_SPREAD = 0.386 * SPREAD
# CONTRAST in luma: JPEG blurs a few pixels of each neighbour into a small cell's inside
# (cells 4.4 x 6.1 px keep 2 x 4 inside their rims), as much as the shifted lattice holds.
# A 60 x 90 pcolormesh of a rough field (viridis / cividis, q60) shows 2.7-3.1; what passes
# the other checks on pictures without cells (smooth fields drawn bilinear, rough ones
# nearest or antialiased, 200 x 300 to 240 x 320, q50-q90) 0.72-1.0
LUMA_CONTRAST = 2.0
# straddling one direction's edges (shifted half a cell one way), the cells' spread over the
# found one's, at least: each direction's edges part colors (a contourf's nodal lines in one
# direction: 1.02-1.03; grids of cells, JPEG q50 to PNG: 4.5 and more)
EACH = 1.5


def cell_labels(
    shape: tuple[int, int], rows: np.ndarray, columns: np.ndarray, *, rims: bool = True
) -> tuple[np.ndarray, int]:
    """Each pixel's cell (1-based; 0 on the cells' rims and outside them) and the number of cells.

    The rim is a pixel, or a fifth of a cell on larger cells (JPEG rings
    a few pixels beside an edge; edge lines are drawn over it); with
    ``rims=False`` every pixel inside the cells belongs to one.
    """
    out = []
    for edges, length in ((rows, shape[0]), (columns, shape[1])):
        edges = np.clip(np.rint(edges), 0, length).astype(int)
        rim = max(1, int(round(0.2 * float(np.median(np.diff(edges)))))) if len(edges) > 1 and rims else int(rims)
        cell_of = np.zeros(length, dtype=np.int64)
        for k in range(len(edges) - 1):
            a, b = edges[k], edges[k + 1]
            if rim and b - a > 2 * rim:
                a, b = a + rim, b - rim
            cell_of[a:b] = k + 1
        out.append(cell_of)
    row_of, column_of = out
    nx = len(columns) - 1
    labels = np.where((row_of[:, None] > 0) & (column_of[None, :] > 0), (row_of[:, None] - 1) * nx + column_of[None, :], 0)
    return labels, (len(rows) - 1) * nx


def _variances(rgb: np.ndarray, valid: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Variance (summed over channels) of the data pixels inside each cell (NaN: fewer than two).

    Pixels that are not data (text written in the cells, edge lines) do not count.
    """
    return _cell_stats(rgb, valid, rows, columns)[1]


def _cell_stats(
    rgb: np.ndarray, valid: np.ndarray, rows: np.ndarray, columns: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's mean color, (cells, C), and :func:`_variances`' variance (NaN: fewer than two)."""
    labels, count = cell_labels(rgb.shape[:2], rows, columns)
    labels[~valid] = 0
    flat = labels.ravel()
    n = np.bincount(flat, minlength=count + 1)[1:]
    total, means = np.zeros(count), np.zeros((count, rgb.shape[2]))
    for c in range(rgb.shape[2]):
        channel = rgb[..., c].ravel().astype(np.float64)
        mean = np.bincount(flat, channel, minlength=count + 1)[1:] / np.maximum(n, 1)
        square = np.bincount(flat, channel * channel, minlength=count + 1)[1:] / np.maximum(n, 1)
        total += np.maximum(square - mean**2, 0.0)
        means[:, c] = mean
    total[n < 2] = np.nan
    means[n < 2] = np.nan
    return means, total


def _parted(means: np.ndarray, shape: tuple[int, int]) -> tuple[float, float]:
    """Half the mean color step between neighbouring cells, squared (channels summed), across
    the rows' edges and across the columns': what a cell straddling such an edge half and
    half adds to its variance. NaN where no two neighbours hold data."""
    grid = means.reshape(*shape, means.shape[-1])
    out = []
    for axis in (0, 1):
        step = (np.diff(grid, axis=axis) ** 2).sum(axis=-1) / 4.0
        out.append(float(np.nanmean(step)) if np.isfinite(step).any() else float("nan"))
    return out[0], out[1]


def confirmed(
    rgb: np.ndarray,
    valid: np.ndarray,
    rows: np.ndarray,
    columns: np.ndarray,
    spread: float = SPREAD,
    contrast: float = CONTRAST,
) -> float:
    """How far the cells are of one color each: 0 when not, else how much more the lattice shifted by half a cell varies.

    Confirmed: the cells vary far less inside (at most 1 / ``contrast``,
    :data:`LUMA_CONTRAST` for a picture of luma alone) than the same lattice
    shifted by half a cell, and the typical cell's spread is within what JPEG leaves in a flat block (a few DN; ``spread`` at
    most, :data:`LUMA_SPREAD` for a picture of luma alone): a
    periodic pattern whose "cells" hold several colors (blobs of a stepped
    map, hexagons) is not a grid. Straddling the edges of one direction only,
    half and half, the cells would spread :data:`EACH` times more too: each
    direction's edges part colors (a contourf whose nodal lines are straight
    one way, columns 156 pixels wide, has the rows' period of a faint pattern
    confirmed by the columns).
    Of two lattices confirmed, the one with the larger ratio has its edges
    where the colors change.
    """
    means, found = _cell_stats(rgb, valid, rows, columns)
    shifted = _variances(rgb, valid, _middles(rows), _middles(columns))
    if not (np.isfinite(found).any() and np.isfinite(shifted).any()):
        return 0.0
    if np.sqrt(np.nanmedian(found)) > spread:
        return 0.0
    if np.nanmean(shifted) < contrast * np.nanmean(found) + 0.25:
        return 0.0
    # (from the cells' means, not a lattice shifted one way: 6-px cells framed by lines
    # keep too few data pixels either side of a shifted cell's middle)
    for parted in _parted(means, (len(rows) - 1, len(columns) - 1)):
        if not np.nanmean(found) + parted >= EACH * (np.nanmean(found) + 0.25):  # (NaN: none)
            return 0.0
    return float(np.nanmean(shifted) / (np.nanmean(found) + 0.25))


def _middles(edges: np.ndarray) -> np.ndarray:
    """The lattice shifted by half a cell: the middles of the cells (one edge fewer)."""
    return (edges[:-1] + edges[1:]) / 2.0


def brick_wall(rgb: np.ndarray, valid: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> bool:
    """Whether the cells pair up with a neighbour on alternate sides in alternate rows (or columns): hexbin's hexagons.

    A hexagon spans two cells of the lattice its edges make, the next row's
    hexagons shifted by one: of the neighbouring pairs on one parity of
    ``row + column`` nearly all are one color, on the other fewer (sparse
    counts make equal neighbours there too). On a grid both parities look
    alike (equal neighbours -- hist2d's empty bins -- fall on either).
    """
    labels, count = cell_labels(rgb.shape[:2], rows, columns)
    labels[~valid] = 0
    n = np.bincount(labels.ravel(), minlength=count + 1)[1:]
    sums = [np.bincount(labels.ravel(), rgb[..., c].ravel().astype(np.float64), minlength=count + 1)[1:] for c in range(rgb.shape[2])]
    colors = np.stack(sums, axis=-1) / np.maximum(n, 1)[:, None]
    colors[n < 2] = np.nan
    colors = colors.reshape(len(rows) - 1, len(columns) - 1, -1)
    for cells in (colors, colors.transpose(1, 0, 2)):
        step = np.abs(np.diff(cells, axis=1)).sum(axis=-1)
        known = np.isfinite(step)
        parity = np.add.outer(np.arange(step.shape[0]), np.arange(step.shape[1])) % 2
        pairs = [step[known & (parity == p)] for p in (0, 1)]
        if min(len(p) for p in pairs) < 4:
            continue
        same = [float(np.mean(p <= 8.0)) for p in pairs]
        # more apart than chance leaves two halves of a grid's pairs (few pairs: far more)
        if max(same) >= 0.8 and max(same) - min(same) >= 0.2 + 1.5 / np.sqrt(min(len(p) for p in pairs)):
            return True
    return False


def median_contrast(rgb: np.ndarray, valid: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> tuple[float, float]:
    """How much more the half-shifted lattice's cells spread than the found ones', by the median; and the typical spread.

    A cell's spread is the median distance (DN, summed over channels) of
    its pixels from its median color: text over a fifth of a cell does not
    move it. The ratio is the smaller of that and each direction's alone
    (shifted one way only), scaled by ``CONTRAST / EACH``. Returns (0, 0)
    where too few cells hold data.
    """
    found = _median_spreads(rgb, valid, rows, columns)
    shifted = _median_spreads(rgb, valid, _middles(rows), _middles(columns))
    if not (np.isfinite(found).any() and np.isfinite(shifted).any()):
        return 0.0, 0.0
    ratio = float(np.nanmean(shifted) / (np.nanmean(found) + 1.0))
    for across in (_median_spreads(rgb, valid, _middles(rows), columns),
                   _median_spreads(rgb, valid, rows, _middles(columns))):  # fmt: skip
        # each direction's edges part colors (as in :func:`confirmed`), on CONTRAST's scale
        spread = float(np.nanmean(across)) if np.isfinite(across).any() else 0.0
        ratio = min(ratio, spread / (np.nanmean(found) + 1.0) / EACH * CONTRAST)
    return ratio, float(np.nanmedian(found))


def _median_spreads(rgb: np.ndarray, valid: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Each cell's median distance of its data pixels from its median color (NaN: fewer than four)."""
    labels, count = cell_labels(rgb.shape[:2], rows, columns)
    labels[~valid] = 0
    medians = np.zeros((count + 1, rgb.shape[2]))
    for c in range(rgb.shape[2]):
        medians[1:, c] = label_medians(rgb[..., c], labels, count)
    distance = np.abs(rgb - medians[labels]).sum(axis=2)
    out = label_medians(distance, labels, count)
    out[np.bincount(labels.ravel(), minlength=count + 1)[1:] < 4] = np.nan
    return out


def holds_data(valid: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> bool:
    """Whether the cells hold data, not a lattice of lines around none (a panel's grid lines).

    Cells may be empty (hist2d's empty bins, drawn as background: half the
    plot), but then their data lie inside them no less densely than on the
    rims between them, where a lattice of lines has all of its.
    """
    labels, _ = cell_labels(valid.shape, rows, columns)
    inside = float(valid[labels > 0].mean())
    if inside >= 0.5:
        return True
    r0, r1 = (int(np.clip(np.rint(v), 0, valid.shape[0])) for v in (rows[0], rows[-1]))
    c0, c1 = (int(np.clip(np.rint(v), 0, valid.shape[1])) for v in (columns[0], columns[-1]))
    rims = valid[r0:r1, c0:c1][labels[r0:r1, c0:c1] == 0]
    return inside >= 0.2 and (len(rims) == 0 or inside >= float(rims.mean()))


def staggered(rgb: np.ndarray, valid: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> bool:
    """Whether the colors across the lattice's edges change partway along a cell: edges that do not line up.

    Across an edge between two cells of a grid, every pixel row of the
    cells' band sees the same pair of colors (up to JPEG's noise): the
    edge lines up across the whole band. Hexagons' slanted sides, staggered
    from one row of hexagons to the next, cross a lattice's bands: across
    its edges the pair of colors changes partway along a band.
    """
    for edges, across, picture, mask in ((columns, rows, rgb, valid), (rows, columns, rgb.transpose(1, 0, 2), valid.T)):
        wide = picture.astype(np.int16)
        bands = np.clip(np.rint(across), 0, picture.shape[0]).astype(int)
        partial = changing = 0
        for edge in np.rint(edges[1:-1]).astype(int):
            if not 2 <= edge < picture.shape[1] - 1:
                continue
            # a pixel either side of the edge, clear of its antialiased (or JPEG-blurred) column
            step = wide[:, edge + 1] - wide[:, edge - 2]
            inside = mask[:, edge + 1] & mask[:, edge - 2]
            for a, b in zip(bands[:-1] + 1, bands[1:] - 1, strict=True):
                segment = step[a:b][inside[a:b]]
                if len(segment) < 6:
                    continue
                typical = np.median(segment, axis=0)
                # JPEG rings beside an edge in proportion to its contrast: off by half of it, or 40 DN
                far = np.abs(segment - typical).max(axis=1) > max(40.0, 0.5 * float(np.abs(typical).max()))
                changing += bool(far.any()) or float(np.abs(typical).max()) > 40
                partial += 0.25 < float(far.mean()) < 0.85
        if changing >= 8 and partial > 0.3 * changing:
            return True
    return False
