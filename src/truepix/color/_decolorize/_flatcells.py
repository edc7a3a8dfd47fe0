"""A heatmap's grid of flat cells whose neighbours differ little.

``_cellmarks`` reads a heatmap's grid from the columns (and rows) where the color jumps
by EDGE_DN or more in many more lines than at the columns around. A field's smooth
data make cells that differ by a few DN: seaborn's ``heatmap(annot=True)`` of a smooth
10 x 14 field (benchmarks/decolorize_trial/trial47/t34_seaborn_annot.py, cells of
35 x 46 px, JPEG q75) steps 5-7 DN at a tenth of its boundaries, 25-33 at the median, so
no grid stood on rocket, viridis or coolwarm and the digits -- black or white, near the
ends of rocket -- came back as data (28.5 % of rocket's flagged).

Whatever its height, a boundary between two flat cells is the largest jump of its line
for PEAK_REACH pixels either side, in nearly every line across it: :func:`peak_share`
counts, per pair of neighbouring pixels, the lines where its jump (above PEAK_FLOOR DN)
exceeds every other jump within PEAK_REACH. JPEG's 8 x 8 (4:2:0 chroma: 16 x 16) blocks
make such a grid too on a JPEG'd photograph or smooth field: its "cells" are no flat
cells (:func:`flat_grid`): a heatmap's cell holds its color, but for its marks, in
FLAT_SHARE of its pixels or more (within FLAT_DN: JPEG's noise), in FLAT_CELLS of its
cells or more. Measured (cells flat at 12 DN / 0.6): t34's four figures at q75
(rocket, viridis, coolwarm, jet) every cell, the least 0.64 of its pixels; the block grids
of JPEG'd real fields and smooth ones (viridis, jet, coolwarm, magma; DEM, camera, moon,
grace_hopper, bumps, waves; q50 / q75 at 256 px) 6-77 % of their cells.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix._validate import readonly
from truepix.color._decolorize._vertex import _JIT

__all__ = ["FLAT_DN", "FLAT_SHARE", "flat_cells", "flat_grid", "flat_off_marks", "peak_share"]

#: A jump counts where it exceeds every other within PEAK_REACH pixels along its line,
#: and PEAK_FLOOR DN (largest channel): two pixels of a flat cell that JPEG left equal
#: are no boundary.
PEAK_REACH = 3
PEAK_FLOOR = 3
#: A flat cell: FLAT_SHARE of its pixels within FLAT_DN (largest channel) of its median
#: color; a grid of flat cells: FLAT_CELLS of its cells flat.
FLAT_DN = 12.0
FLAT_SHARE = 0.6
FLAT_CELLS = 0.9
SAMPLE_CELLS, SAMPLE_SIDE = 256, 16  # cells, and pixels each way of each read at most
#: Away from its marks: MARK_REACH pixels or more (JPEG's block: a glyph's ringing stays
#: within it). A cell with fewer than MARK_REACH^2 such pixels (seaborn's 16 px cells
#: around two digits) shows no field between its marks: it counts as flat.
MARK_REACH = 8


def peak_share(pixels: np.ndarray, axis: int, step: int) -> np.ndarray:
    """Per pair of neighbouring columns (``axis`` 1) or rows (0) of ``pixels`` (H, W, C
    uint8): the share of the lines across (every ``step`` th) where its jump (the largest
    channel's) is the largest within PEAK_REACH pixels and above PEAK_FLOOR DN."""
    n_lines = (pixels.shape[1 - axis] + step - 1) // step
    jumps = np.empty((n_lines, pixels.shape[axis] - 1), dtype=np.int32)
    counts = np.zeros(pixels.shape[axis] - 1, dtype=np.int64)
    _peak_counts(readonly(pixels), axis, step, PEAK_REACH, PEAK_FLOOR, jumps, counts)
    return counts / n_lines


@nb.njit(**_JIT)
def _peak_counts(pixels, axis, step, reach, floor, jumps, counts):  # pragma: no cover - jitted
    """:func:`peak_share`'s counts: ``jumps`` (lines, pairs) is scratch."""
    n_lines, n_pairs = jumps.shape
    if axis == 1:
        for line in range(n_lines):
            row = pixels[line * step]
            for k in range(n_pairs):
                jumps[line, k] = _jump(row[k], row[k + 1])
    else:  # (row by row: the lines are columns)
        for k in range(n_pairs):
            first, second = pixels[k], pixels[k + 1]
            for line in range(n_lines):
                jumps[line, k] = _jump(first[line * step], second[line * step])
    for line in range(n_lines):
        for k in range(n_pairs):
            jump = jumps[line, k]
            if jump <= floor:
                continue
            largest = True
            for other in range(max(k - reach, 0), min(k + reach + 1, n_pairs)):
                if other != k and jumps[line, other] >= jump:
                    largest = False
                    break
            counts[k] += np.int64(largest)


@nb.njit(inline="always", **_JIT)
def _jump(first, second):  # pragma: no cover - jitted
    """The largest of the first three channels' differences of two pixels."""
    most = 0
    for channel in range(3):
        most = max(most, abs(np.int32(first[channel]) - np.int32(second[channel])))
    return most


def flat_cells(apart: np.ndarray, cell: np.ndarray, n_cells: int) -> np.ndarray:
    """Per cell (``cell``: each pixel's, flat; ``apart``: each pixel's distance in DN from
    its cell's median color, same shape): whether FLAT_SHARE of its pixels or more lie
    within FLAT_DN of it."""
    near = np.bincount(cell, (apart.reshape(-1) <= FLAT_DN), minlength=n_cells)
    size = np.bincount(cell, minlength=n_cells)
    return near >= FLAT_SHARE * np.maximum(size, 1)


def flat_off_marks(
    apart: np.ndarray, cell: np.ndarray, n_cells: int, marks: np.ndarray, inner: np.ndarray
) -> np.ndarray:
    """Per cell: whether its ``inner`` pixels (H, W bool) MARK_REACH or more from any of
    ``marks`` (H, W bool) are flat (FLAT_SHARE of them within FLAT_DN of its median;
    ``apart``, H x W, and ``cell``, flat: as :func:`flat_cells`).

    A heatmap's cell is one color between its digits, however much their ringing
    spreads (seaborn's 16 px cells at q50: 6-40 % of all pixels within FLAT_DN); a
    field's tile, cut into "cells" by its jumps to the next tile, keeps varying there
    (a mosaic of smooth fields JPEG'd whole: its tiles' far pixels read as marks)."""
    near = marks.copy()
    for _ in range(MARK_REACH):  # (a square MARK_REACH each way, one step a pass)
        near[1:] |= near[:-1].copy()
        near[:-1] |= near[1:].copy()
        near[:, 1:] |= near[:, :-1].copy()
        near[:, :-1] |= near[:, 1:].copy()
    free = (inner & ~near).reshape(-1)
    flat = np.bincount(cell, free & (apart.reshape(-1) <= FLAT_DN), minlength=n_cells)
    size = np.bincount(cell, free, minlength=n_cells)
    return (flat >= FLAT_SHARE * size) | (size < MARK_REACH**2)


def flat_sample(pixels: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> bool:
    """Whether a sample of the grid's cells -- every k-th row and column of cells, about
    SAMPLE_CELLS of them, each its first SAMPLE_SIDE^2 pixels -- is a grid of flat cells
    (:func:`flat_grid`), read before the medians of every cell: a JPEG'd megapixel's 8 px blocks make a grid of 16 k cells,
    whose medians took 250 ms of a 35 ms decode (viridis terrain, q75) to say "not flat".
    ``rows``, ``cols``: the cells' boundaries in ``pixels`` (H, W, 3|4)."""
    n_rows, n_cols = len(rows) - 1, len(cols) - 1
    every = max(1, int(np.ceil(np.sqrt(n_rows * n_cols / SAMPLE_CELLS))))
    picked_rows, picked_cols = np.arange(0, n_rows, every), np.arange(0, n_cols, every)
    # each sampled cell's first SAMPLE_SIDE^2 pixels or fewer (the smallest cell's), at once
    high = int(min(np.diff(rows)[picked_rows].min(), SAMPLE_SIDE))
    wide = int(min(np.diff(cols)[picked_cols].min(), SAMPLE_SIDE))
    if high < 1 or wide < 1:
        return False
    y = (rows[picked_rows][:, None] + np.arange(high))[:, None, :, None]
    x = (cols[picked_cols][:, None] + np.arange(wide))[None, :, None, :]
    cells = pixels[y, x, :3].reshape(len(picked_rows) * len(picked_cols), high * wide, 3)
    apart = np.abs(cells - np.median(cells, axis=1)[:, None]).max(axis=-1)
    return flat_grid(np.mean(apart <= FLAT_DN, axis=1) >= FLAT_SHARE)


def flat_grid(flat: np.ndarray) -> bool:
    """Whether cells ``flat`` (:func:`flat_cells`) make a grid of flat cells (FLAT_CELLS)."""
    return bool(flat.mean() >= FLAT_CELLS) if len(flat) else False


def glyph_marks(marks: np.ndarray, min_pixels: int) -> np.ndarray:
    """The pixels of ``marks`` (2-D) in 8-connected groups of ``min_pixels`` or more."""
    from truepix.color._decolorize._grow import groups_of  # (JPEG'd heatmaps only)

    candidates = np.flatnonzero(marks)
    groups = groups_of(candidates, marks.shape[1], marks.shape[0], min_pixels)
    out = np.zeros(marks.size, dtype=bool)
    out[candidates[groups > 0]] = True
    return out.reshape(marks.shape)
