"""Marks inside the flat cells of a JPEG'd heatmap: numbers, text, markers.

A heatmap (seaborn's ``heatmap``, ``imshow`` of a small matrix blown up with nearest
neighbours, ``pcolormesh`` on a regular grid) is a grid of flat cells, each one datum
and so one color. Numbers written in the cells (``annot=True``) are drawn in black or
white, which on many maps (rocket, mako, gray, the ends of coolwarm) are the map's own
end colors: no rule on a pixel's color, nor JPEG's model, tells them from data
(``_jpeg``: 0-70 % of seaborn's digits flagged at q75). Where they are tells: inside a
cell, away from its edges, far from the color the rest of the cell agrees on.

:func:`cell_marks` finds the grid (:func:`_grid`: the columns, and rows, where the
picture's color jumps in many more rows than at the columns around, at the
boundaries of CELLS_MIN or more equal cells of CELL_PIXELS or more pixels), takes
each cell's color as its pixels' per-channel median, and flags the pixels farther
than MARK_CORE DN from it, CELL_EDGE pixels or more from the cell's edges, and the
pixels farther than MARK_EDGE DN joined to them (a digit's antialiased edge and
JPEG's ringing around it, which moves those pixels' values as far from the cell's).
In a figure with margins, ticks and a colorbar (seaborn's default ``subplots``,
matplotlib's annotated ``imshow``) the grid spans the plot area, not the picture:
:func:`plot_box` takes it from the figure's fill (``_fills``, the margin's white): the
widest run of columns mostly no fill (the colorbar is a narrower one, tick labels are
sparse), the tallest run of rows mostly no fill across it, each side moved to the
line of most edges next to it (JPEG's ringing on the margin, a spine), and the cells
are read inside it. Where the grid is read, a cell's pixels that the other rules left
NaN (JPEG's ringing darker than rocket's darkest color at a dark cell's edge) and that
are no mark, near the cell's color, get the cell's value (:func:`_cell_filled`).
seaborn's default figure, rocket q75: digits flagged 68.5 -> 99.9 %, data NaN 0.39 ->
0.05 % (benchmarks/_heatmap_figures.py).
JPEG rings a glyph through its 8x8 blocks, both ways: of the marks read, only those on
the ink's side of the cell's color, moved RIM_SHARE of the way to the ink (the fringe:
FRINGE_SHARE), are NaN; the others within a block of them are the cell's ringing, data
that takes the cell's value (RINGING_DN). matplotlib's annotated ``imshow`` of 8x8
cells, q75, data NaN: viridis 3.24 -> 1.27 %, jet 5.85 -> 1.61 % (annot11).
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any

import numba as nb
import numpy as np

from truepix._validate import readonly
from truepix.color._decolorize import _flatcells as flatcells
from truepix.color._decolorize._fills import fill_pixels
from truepix.color._decolorize._flatcells import FLAT_DN
from truepix.color._decolorize._vertex import _JIT

__all__ = ["cell_colored", "cell_marks", "moved_by_marks", "plot_box", "without_cell_marks"]

#: Color jump (DN, the largest channel's) between two neighbouring pixels that counts
#: as an edge: seaborn's adjacent cells of random counts 0-100 differ by 10-100 DN
#: (coolwarm, rocket, YlGnBu, viridis); JPEG's 8x8 blocks at q50 jump by less, mostly.
EDGE_DN = 24.0
#: ... read on every line of a picture up to 2 EDGE_LINES lines across, on every 2nd,
#: 3rd, 5th ... past that (no step is a cell's size: 16 px or more): the share wants a
#: few hundred lines, not all (cell_marks on a 1 Mpx JPEG'd photograph: 40 -> 3 ms).
EDGE_LINES = 256
EDGE_STEPS = (1, 2, 3, 5, 7, 11, 13)
#: ... and the peaks of :func:`_flatcells.peak_share` on PEAK_LINES lines or so (a grid
#: of flat cells stands out on a hundred; a JPEG'd megapixel's two passes 2.7 -> 1 ms).
PEAK_LINES = 128
#: A grid's boundaries: at a quarter of them or more, the share of rows with an edge at
#: the boundary column (or a column either side) exceeds the median share of the 3
#: columns each side by at least GRID_PEAK, along both axes; the finest such grid is the
#: picture's (every coarser one's boundaries are its boundaries too, a finer one's are
#: not all edges). Measured (the 25th percentile over the boundaries): seaborn's heatmaps
#: (16x16 cells at 256 px, 4 maps, JPEG q50-q90) 0.37-0.64 with annot=True (the digits'
#: ringing puts edges in many rows of every column), 0.70-0.81 without; random matrices
#: blown up by nearest neighbours (8-32 cells of 10-40 px; viridis, jet, coolwarm, turbo,
#: magma; q50-q90, 4:2:0 and 4:4:4) 0.37-0.75, every grid that is not theirs nor a
#: coarsening of it at most 0.24; JPEG'd photographs (camera and astronaut; viridis, jet,
#: turbo, coolwarm; q50 and q75, 4:2:0 and 4:4:4), whose 8x8 blocks make a grid of their
#: own, at most 0.17 (with edges of 8 DN and the mean over the boundaries, the camera's
#: viridis q50 4:2:0 read as 16x16 cells and lost 6.8 % of its pixels; with the finest
#: grid within 0.8 of the best mean, coolwarm's 20 cells of 13 px at q50 4:4:4 read as
#: 10 cells and lost 21.7 %).
GRID_PEAK = 0.3
GRID_QUANTILE = 25
#: ... and across them the cells differ: at the median boundary the pixels CELL_EDGE
#: inside the cells either side lie EDGE_DN or more apart in GRID_PEAK of the lines or
#: more (``_sides_apart``). Lines ruled over a field (a map's dashed gridlines every
#: 30 degrees over a smooth field, benchmarks/decolorize_trial/trial46/t29_coastlines.py)
#: stand out as boundaries, but the field continues across them: 0.07 / 0.17 of the
#: lines (columns / rows), where 3.1 % of the data's pixels were taken for marks in the
#: 48 x 72 px "cells"; seaborn's heatmaps (16 x 16 cells, 4 maps, q50 and q90) and the
#: annotated figures of tests/color/test_decolorize_heatmap_annot.py: 0.83-0.93.
#: Grids of cells down to GRID_FINEST pixels are searched (the median of 3 columns
#: each side reads the columns between boundaries), so that a picture of small cells
#: reads as such (then refused: CELL_PIXELS) rather than as a coarser grid of its
#: boundaries (seaborn's 40x40 cells at 256 px, 6.4 px, read as 20 or 8 a side: 68-92 %
#: of the pixels flagged without this, with edges of 8 DN; MARK_SHARE refuses the rest).
GRID_FINEST = 5
#: Smallest cell (pixels a side) and number of cells a side judged. In smaller cells
#: JPEG's blocks hold several cells and ring 60 DN and more inside them: random matrices
#: blown up to cells of 10-13 px (jet, turbo, viridis; q50) had up to 0.82 % of their
#: pixels flagged, of 14-15 px up to 0.25 % (jet, q50 4:4:4), of 16-25 px up to 0.14 %
#: (CELL_EDGE 3; tests/color/test_decolorize_heatmap_annot.py); seaborn's 16x16 cells at
#: 256 px are 16 px, and two digits at 7 pt need 12 px or so.
CELL_PIXELS = 16
CELLS_MIN = 3
#: Marks' cores lie farther than MARK_CORE DN (largest channel) from their cell's
#: median color and at least CELL_EDGE pixels inside the cell (JPEG's chroma from the
#: next cell reaches 60-120 DN 1 px inside a cell's edge on viridis at q50-q90: 1.9-5.1 %
#: of an un-annotated heatmap's pixels, none at 2 px; blown-up matrices with cells of
#: 14-25 px, jet and turbo at q50 4:4:4: 0.41 % at 2 px, 0.15 % at 3); the pixels next to
#: them (MARK_STEPS rings) past MARK_EDGE DN join them. Measured on seaborn's annotated
#: heatmaps (coolwarm, rocket, YlGnBu, viridis; digits = pixels the digits moved 40 DN or
#: more in the PNG; data = pixels 3 px or more from any), digits flagged / data NaN, %:
#: q90 99.0-100 / 0.00, q75 98.1-99.5 / 0.00-0.04, q50 95.3-98.2 / 0.00-0.39 (viridis'
#: 0.39 the other rules'); 0 % of the un-annotated heatmaps (16x16 and 40x40 cells,
#: q50-q90). 6 rings: 96.3-100 % flagged, but data NaN 0.24-1.47 % at q75, 2.2-5.9 % at
#: q50 (JPEG's ringing around the digits); MARK_CORE 80: 85.7-99.1 %.
MARK_CORE = 60.0
MARK_EDGE = 25.0
#: ... and on the ink's side of the cell's color only, moved by RIM_SHARE or more of the
#: distance from the cell's color to the ink (black: its largest channel): JPEG's
#: ringing moves the pixels beside a glyph 13-54 DN (10th-90th percentile; jet) while
#: their PNG render is the cell's own. 8x8 cells of matplotlib's annotated ``imshow``
#: (9 pt black, q75), data NaN / ink (> 60 DN in the gray redraw) flagged, %: both
#: sides and 25 DN, jet 5.85 / 99.3, viridis 3.24 / 99.8; the ink's side, 25 DN (and
#: no fringe): jet 1.12 / 96.4, viridis 0.18 / 94.1 (marks alone); RIM_SHARE 0.2:
#: 0.29 / 95.6 and 0.06 / 93.8, 0.3: 0.11 / 93.3 and 0.00 / 88.0
#: (``benchmarks/decolorize_trial/annot11``). Decisions on the grid (flat cells, shares)
#: read the marks of both sides, as before: only what is NaN changes.
RIM_SHARE = 0.2
MARK_STEPS = 1
CELL_EDGE = 3
#: ... and the pixels next to those (FRINGE_STEPS rings) farther than MARK_FRINGE DN, a
#: flat cell's JPEG noise (``_flatcells.FLAT_DN``): a digit's faint antialiased rim, which
#: the digit moved <= 25 DN in the PNG and JPEG 12-25 DN. seaborn's heatmap of a smooth
#: field (trial47/t34, q75), digits flagged: coolwarm 92.2 -> 98.4 %, rocket 95.1 -> 99.4 %.
MARK_FRINGE = FLAT_DN
FRINGE_STEPS = 1
#: ... and of the fringe (FRINGE_STEPS) only those moved FRINGE_SHARE or more of the
#: way to the ink are NaN (INK_FRINGE_STEPS rings): seaborn's 7 pt digits' faint rim
#: (moved > 10 DN in the PNG; tests/color/test_decolorize_flatcells.py, rocket /
#: coolwarm q75) flagged 97.9 / 97.7 % at 0 (MARK_FRINGE alone), 95.8 / 95.7 at 0.08,
#: 92.6 / 91.8 at 0.12, 83.0 / 81.1 without the fringe; annotated 8x8 cells (above),
#: data NaN viridis / jet q75: 1.54 / 2.51 %, 1.27 / 1.61, 0.70 / 1.02, 0.07 / 0.35.
#: Pixels beside a glyph that JPEG moved toward the ink and a faint rim are one color:
#: the two tests' truths part here.
INK_FRINGE_STEPS = 1
FRINGE_SHARE = 0.08
#: ... of glyphs alone: marks in 8-connected groups of FRINGE_GROUP pixels or more, each
#: rim pixel off its cell's color toward the cell's ink. t34's digits: groups of 42-64 px
#: (median); JPEG's ringing in random matrices blown up to 18-25 px cells (q50): 3-9, at
#: most 18 (one ring at 12 DN around those: 0.14 -> 0.26 % of viridis' pixels flagged).
FRINGE_GROUP = 24
#: A cell flagged over more than MARK_SHARE of its pixels holds several cells, not one
#: and its marks: the grid read is not the picture's, and nothing is flagged. seaborn's
#: digits and their ringing cover 21-32 % of their cells (q90-q50); a random matrix of
#: 10 cells of 25 px (jet, q50 4:2:0) read as a wrong grid had 53.9 % of its pixels
#: flagged without this (with the earlier grid rule, seaborn's 40x40 cells read as 8 a
#: side at q50: 81-87 % of their cells).
MARK_SHARE = 0.5
#: Marks that are flat blocks (``_flatcells.filled_share``) in this share of the marked
#: cells or more: the grid read is a coarser one's than the picture's (digits: 0 %).
FILLED_CELLS = 0.5
#: JPEG's ringing of a cell's marks: the pixels within ``_flatcells.MARK_REACH`` of them
#: (a block), no mark, that it moved by at most RINGING_DN -- away from their ink, past
#: the cell's color, or toward it by less than a rim (RIM_SHARE) -- are data, the
#: cell's (:func:`_cell_filled`), where other rules left them NaN. 8x8 cells of
#: matplotlib's annotated ``imshow`` (9 pt black values, viridis and jet, q75): such NaN
#: pixels 27-68 DN off (10th-90th percentile; ``benchmarks/decolorize_trial/annot11``).
RINGING_DN = 100.0
#: A NaN pixel inside a cell, near its color and no mark, takes the cell's value when
#: this share of the cell's pixels or more were decoded (:func:`_cell_filled`).
FILL_DECODED = 0.5
#: A plot area's columns (rows) hold no fill over this share or more of the most a
#: column (row) holds; runs of them parted by fewer than BOX_GAP columns are one.
BOX_SHARE = 0.5
BOX_GAP = 2
#: ... and each side is moved to the line of most edges within BOX_SNAP pixels of it:
#: JPEG's ringing on the margin next to the plot is no fill over up to a block (8 px;
#: matplotlib's imshow at q75: the rows' run began 8 px above the spine); the next
#: boundary inside lies a cell (CELL_PIXELS) away.
BOX_SNAP = 8


def cell_marks(pixels: np.ndarray) -> np.ndarray | None:
    """Which pixels of ``pixels`` (H, W, C uint8) are marks inside a grid's flat cells.

    None when the picture is no grid of cells (CELLS_MIN, CELL_PIXELS, GRID_PEAK) or
    holds no mark (MARK_CORE).
    """
    cells = _read_cells(pixels)
    return None if cells is None else cells[0]


def moved_by_marks(pixels: np.ndarray) -> np.ndarray | None:
    """Which pixels of ``pixels`` (H, W, C uint8) the marks inside a grid's flat cells
    moved off their cell's color: the marks read on both sides of it and their ringing
    farther than MARK_EDGE DN from it, whether :func:`without_cell_marks` leaves them
    NaN or gives them their cell's value; None where no grid of marked cells is read.

    The ringing is data, its cell's, yet not the cell's color: a grid read from the
    colors (``truepix.figures``' cell search: each cell of one color) leaves it out, as
    it left out the NaN of both sides (a crowded seaborn heatmap, 30 x 40 cells of
    6 pt numbers, q75: no grid where the ringing counted as the cells' colors)."""
    cells = _read_cells(pixels)
    return None if cells is None else cells[6]


def _read_cells(pixels: np.ndarray) -> tuple[np.ndarray, ...] | None:
    """:func:`cell_marks`'s marks, with each pixel's distance (DN) from its cell's
    median color, whether it lies a pixel or more inside its cell, the grid's
    bounds (rows, columns: the first pixel of each cell and the size after the last),
    the marks' ringing (data, :func:`_cell_filled`) and what the marks moved off their
    cell's color (:func:`moved_by_marks`)."""
    if pixels.ndim != 3 or pixels.dtype != np.uint8:
        return None
    height, width = pixels.shape[:2]
    if min(height, width) < CELLS_MIN * CELL_PIXELS:
        return None
    cols = _grid(_edge_share(pixels, 1), width)
    rows = None if cols is None else _grid(_edge_share(pixels, 0), height)
    peaks = rows is None or not (_sides_apart(pixels, cols, 1) and _sides_apart(pixels, rows, 0))
    if peaks:  # (no grid of EDGE_DN jumps, or lines ruled over a field: no cells' edges)
        cols = _grid(flatcells.peak_share(pixels, 1, _line_step(height, PEAK_LINES)), width)
        if cols is None:
            return None
        rows = _grid(flatcells.peak_share(pixels, 0, _line_step(width, PEAK_LINES)), height)
        if rows is None:
            return None
        if not flatcells.flat_sample(pixels, rows, cols):
            return None  # (JPEG's blocks over a photograph or a smooth field: no flat cells)
    median, flat_cell, inner_far = flatcells.cell_medians(pixels, rows, cols, CELL_EDGE)
    if not peaks:
        flat_cell = None
    elif not flatcells.flat_grid(flat_cell):
        return None  # (JPEG's blocks over a photograph or a smooth field: no flat cells)
    # no core below (MARK_CORE, CELL_EDGE inside a flat cell): None, told per cell first
    cored = inner_far > MARK_CORE
    if flat_cell is not None:
        cored &= flat_cell
    if not cored.any():
        return None
    cell_col = np.searchsorted(cols, np.arange(width), side="right") - 1
    cell_row = np.searchsorted(rows, np.arange(height), side="right") - 1
    n_cols = len(cols) - 1
    cell = (cell_row[:, None] * n_cols + cell_col[None, :]).reshape(-1)
    cell = cell.astype(np.int64, copy=False)
    # each pixel's largest channel's distance from its cell's median, and their sum
    apart, toward = flatcells.apart_toward(pixels, rows, cols, median)
    inner_x = _inner(cols, width, CELL_EDGE)
    inner_y = _inner(rows, height, CELL_EDGE)
    core = (apart > MARK_CORE) & inner_y[:, None] & inner_x[None, :]
    if flat_cell is not None:
        core &= flat_cell[cell].reshape(height, width)
    if not core.any():
        return None
    same_cell = cell.reshape(height, width)
    # a digit's rim lies between its cell's color and its ink; JPEG's ringing either side
    ink = np.bincount(cell, np.where(core.reshape(-1), toward, 0.0), minlength=len(median))
    rim = (toward * ink[cell] > 0).reshape(height, width)
    marks = _ringed(core, same_cell, apart > MARK_EDGE, MARK_STEPS)
    glyphs = flatcells.glyph_marks(marks, FRINGE_GROUP)  # (JPEG's ringing makes specks)
    if glyphs.any():
        marks |= _ringed(glyphs, same_cell, (apart > MARK_FRINGE) & rim, FRINGE_STEPS)
    # (what is NaN of them: the ink's side alone, moved RIM_SHARE of the way to the ink)
    reach = np.where(ink < 0, median[:, :3].max(axis=1), 255.0 - median[:, :3].min(axis=1))
    edge = np.maximum(MARK_EDGE, RIM_SHARE * reach)[cell].reshape(height, width)
    inked = _ringed(core & rim, same_cell, (apart > edge) & rim, MARK_STEPS)
    glyphs = flatcells.glyph_marks(inked, FRINGE_GROUP)
    if glyphs.any() and INK_FRINGE_STEPS:
        fringe = np.maximum(MARK_FRINGE, FRINGE_SHARE * reach)[cell].reshape(height, width)
        inked |= _ringed(glyphs, same_cell, (apart > fringe) & rim, INK_FRINGE_STEPS)
    # a cell holds one datum: flat a block or more from its marks, whichever grid stood
    # (a mosaic of fields JPEG'd whole, each tile a "cell" across EDGE_DN jumps: trial
    # 49's smooth tiles 21-46 % flagged as marks; ``_flatcells.flat_off_marks``)
    labels = same_cell.reshape(-1)
    inner = inner_y[:, None] & inner_x[None, :]
    flat_cell = flatcells.flat_off_marks(apart, labels, len(median), marks, inner)
    if not flatcells.flat_grid(flat_cell):  # (FLAT_CELLS: a heatmap's cells, all but a few)
        return None
    in_flat = flat_cell[same_cell]
    marks &= in_flat
    # a cell mostly far from its own median is several cells: the grid is not the picture's
    flagged = np.bincount(labels, marks.reshape(-1), minlength=len(median))
    size = np.bincount(labels, minlength=len(median))
    marked = flagged > 0
    if flagged[marked].sum() > MARK_SHARE * size[marked].sum():
        return None
    marks &= (flagged <= MARK_SHARE * size)[same_cell]
    if flatcells.filled_share(pixels, marks, labels, len(median)) >= FILLED_CELLS:
        return None  # (flat blocks of other colors: a finer grid's cells, no marks)
    inside = _inner(rows, height, 1)[:, None] & _inner(cols, width, 1)[None, :] & in_flat
    both = marks.copy()  # (both sides of the cells' colors: no cell's own color, below)
    marks &= inked
    # JPEG's ringing of the marks, within a block of them: moved away from their ink, or
    # toward it by less than a mark's rim
    ringing = np.empty(marks.shape, dtype=bool)
    flatcells.square_near(marks, flatcells.MARK_REACH, ringing)
    ringing &= ~marks & (apart <= RINGING_DN) & (~rim | (apart <= edge))
    moved = both | marks | (ringing & (apart > MARK_EDGE))
    return marks, apart, inside, rows, cols, ringing, moved


def _ringed(
    marks: np.ndarray, same_cell: np.ndarray, joinable: np.ndarray, steps: int
) -> np.ndarray:
    """``marks`` (H, W bool) and the ``joinable`` pixels next to them in the same cell
    (``same_cell``: each pixel's), ``steps`` rings deep."""
    for _ in range(steps):
        grown = marks.copy()
        grown[1:] |= marks[:-1] & (same_cell[1:] == same_cell[:-1])
        grown[:-1] |= marks[1:] & (same_cell[:-1] == same_cell[1:])
        wide = grown.copy()
        wide[:, 1:] |= grown[:, :-1] & (same_cell[:, 1:] == same_cell[:, :-1])
        wide[:, :-1] |= grown[:, 1:] & (same_cell[:, :-1] == same_cell[:, 1:])
        marks = (wide & joinable) | marks
    return marks


def _sides_apart(rgb: np.ndarray, bounds: np.ndarray, axis: int) -> bool:
    """Whether the cells either side of the median inner boundary of ``bounds`` (along
    ``axis`` of ``rgb``, H x W x C uint8) differ by EDGE_DN or more, CELL_EDGE px inside
    each, in GRID_PEAK of the lines or more."""
    inner = bounds[1:-1]
    if not len(inner):
        return True
    before = np.take(rgb[..., :3], inner - CELL_EDGE, axis=axis).astype(np.int16)
    after = np.take(rgb[..., :3], inner + CELL_EDGE - 1, axis=axis).astype(np.int16)
    jumps = np.abs(before - after).max(axis=-1) > EDGE_DN
    return bool(np.median(jumps.mean(axis=1 - axis)) >= GRID_PEAK)


def plot_box(pixels: np.ndarray, fills: np.ndarray | None) -> tuple[int, int, int, int] | None:
    """(top, bottom, left, right) of the plot area of a figure ``pixels`` (H, W, C uint8)
    on a margin of ``fills`` (boxes, ``_fills``); None without fills or such an area."""
    if fills is None or not len(fills) or pixels.ndim != 3:
        return None
    free = ~fill_pixels(pixels, fills)
    columns = _widest_run(free.mean(axis=0))
    if columns is None:
        return None
    rows = _widest_run(free[:, columns[0]:columns[1]].mean(axis=1))
    if rows is None:
        return None
    box = rows + columns
    if box == (0, pixels.shape[0], 0, pixels.shape[1]):
        return None
    top, bottom = _snapped(pixels[:, box[2]:box[3]], 0, box[:2])
    if bottom - top < 2:  # the snapped ends crossed: no plot area of cells
        return None
    left, right = _snapped(pixels[top:bottom], 1, box[2:])
    if right - left < 2:
        return None
    return top, bottom, left, right


def _widest_run(share: np.ndarray) -> tuple[int, int] | None:
    """(first, past the last) of the widest run of ``share`` at BOX_SHARE of its most."""
    if share.max() <= 0:
        return None
    mostly = share >= BOX_SHARE * share.max()
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mostly.astype(np.int8), [0]))))
    starts, ends = list(edges[::2]), list(edges[1::2])
    runs: list[list[int]] = []
    for start, end in zip(starts, ends, strict=True):
        if runs and start - runs[-1][1] < BOX_GAP:
            runs[-1][1] = end
        else:
            runs.append([start, end])
    first, last = max(runs, key=lambda run: run[1] - run[0])
    return int(first), int(last)


def _snapped(pixels: np.ndarray, axis: int, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` (first, past the last) along ``axis`` with each end moved to the
    boundary of most edges (EDGE_DN) within BOX_SNAP pixels of it."""
    share = _edge_share(pixels, axis)  # share[k]: edges between k and k + 1
    ends = []
    for end in span:
        near = np.arange(max(1, end - BOX_SNAP), min(len(share), end + BOX_SNAP) + 1)
        ends.append(int(near[np.argmax(share[near - 1])]) if len(near) else end)
    return ends[0], ends[1]


def without_cell_marks(result: Any, pixels: np.ndarray, fills: np.ndarray | None = None) -> Any:
    """``result`` (a ``DecolorizeResult`` of ``pixels``) with :func:`cell_marks` NaN:
    those of the plot area (:func:`plot_box`) when the figure has ``fills``, else (or
    where none is found there) those of the whole picture; and the cells' other pixels
    that other rules left NaN given their cell's value (:func:`_cell_filled`)."""
    if result.values.shape != pixels.shape[:-1]:
        return result
    read = _boxed_cells(pixels, fills)
    if read is None:
        return result
    (top, bottom, left, right), cells = read
    values = result.values
    inner = values[top:bottom, left:right]
    marks = cells[0]
    newly = marks & ~np.isnan(inner)
    filled = _cell_filled(inner, *cells[:6])
    if not newly.any() and not filled.any():
        return result
    inner[newly] = np.nan
    n_nan = result.n_nan
    if n_nan >= 0:
        n_nan += int(np.count_nonzero(newly)) - int(np.count_nonzero(filled))
    return replace(result, values=values, n_nan=n_nan)


def _boxed_cells(
    pixels: np.ndarray, fills: np.ndarray | None
) -> tuple[tuple[int, int, int, int], tuple[np.ndarray, ...]] | None:
    """(the box read, :func:`_read_cells` there): the plot area's cells (:func:`plot_box`)
    when the figure has ``fills``, else (or where none is found there) the picture's."""
    cells, box = None, plot_box(pixels, fills)
    if box is not None:
        top, bottom, left, right = box
        cells = _read_cells(np.ascontiguousarray(pixels[top:bottom, left:right]))
    if cells is None:
        box = (0, pixels.shape[0], 0, pixels.shape[1])
        cells = _read_cells(pixels)
    return None if cells is None else (box, cells)


def cell_colored(pixels: np.ndarray, fills: np.ndarray | None = None) -> np.ndarray | None:
    """Which pixels of ``pixels`` (H, W, C uint8) are their heatmap cell's own color: in
    a flat cell of the grid :func:`without_cell_marks` reads (its edge pixels too), no
    mark, within MARK_EDGE DN of the cell's median color; None where no grid of marked
    cells is read. A cell at a map's black or white end with its number written in it
    is one datum, no label's box (``_ink_entries``)."""
    read = _boxed_cells(pixels, fills)
    if read is None:
        return None
    (top, bottom, left, right), (marks, apart, inside, *_) = read
    # (``inside`` leaves each cell's edge out: a pixel beside it is that cell's edge)
    grown = np.pad(inside, 1)
    grown = np.logical_or.reduce([
        grown[1 + dy : 1 + dy + inside.shape[0], 1 + dx : 1 + dx + inside.shape[1]]
        for dy in (-1, 0, 1) for dx in (-1, 0, 1)
    ])  # fmt: skip
    own = np.zeros(pixels.shape[:2], dtype=bool)
    own[top:bottom, left:right] = grown & ~marks & (apart <= MARK_EDGE)
    return own


def _cell_filled(
    values: np.ndarray, marks: np.ndarray, apart: np.ndarray, inside: np.ndarray,
    rows: np.ndarray, cols: np.ndarray, ringing: np.ndarray,
) -> np.ndarray:
    """Give NaN pixels of ``values`` (H, W, changed in place) that are no mark, lie a
    pixel or more inside their cell (``rows``, ``cols``: the grid's bounds) and within
    MARK_EDGE DN of its median color, or are the marks' ``ringing`` (H, W bool), the
    median of the cell's other values (when FILL_DECODED of its pixels or more have
    one); which were given one.

    A flat cell holds one datum: JPEG's ringing at a dark cell's edge, darker than the
    map's darkest color (rocket, seaborn's default figure at q75), is off the map and
    NaN by the other rules, yet its cell says what it is; so does the ringing of its
    digits, past the cell's color away from their ink."""
    holes = np.isnan(values) & ~marks & inside & ((apart <= MARK_EDGE) | ringing)
    if not holes.any():
        return holes
    at_rows, at_cols = np.nonzero(holes)
    row_of = np.searchsorted(rows, at_rows, side="right") - 1
    col_of = np.searchsorted(cols, at_cols, side="right") - 1
    for row, col in set(zip(row_of.tolist(), col_of.tolist(), strict=True)):
        window = np.s_[rows[row] : rows[row + 1], cols[col] : cols[col + 1]]
        cell_values, cell_holes = values[window], holes[window]
        known = cell_values[~np.isnan(cell_values) & ~marks[window]]
        if len(known) < FILL_DECODED * cell_values.size:
            cell_holes[...] = False  # (a view: holes too)
            continue
        cell_values[cell_holes] = np.median(known)
    return holes


def _grid(share: np.ndarray, n: int) -> np.ndarray | None:
    """The first pixel of each cell and ``n`` after the last, from ``share`` (the share
    of lines with an edge between pixels k and k + 1): the finest regular grid of
    CELLS_MIN or more cells whose boundaries stand out (GRID_PEAK, GRID_QUANTILE), of
    cells of CELL_PIXELS or more."""
    counts = np.arange(CELLS_MIN, n // GRID_FINEST + 1)
    if len(counts) == 0:
        return None
    grids, at, most = _grid_bounds(n)
    # (one pass: numpy's median of six shifted copies, rolls and bincount took 0.6 ms a
    # megapixel's columns; the same arithmetic, to the bit)
    standing = np.zeros(len(counts), dtype=np.bool_)
    if not _standing(np.ascontiguousarray(share, dtype=np.float64), grids, at, most,
                     GRID_PEAK, standing):  # fmt: skip
        return None
    k = int(counts[standing].max())
    return _bounds(k, n) if n / k >= CELL_PIXELS else None


@functools.lru_cache(maxsize=16)
def _grid_bounds(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For ``_grid`` over ``n`` pixels, every grid's inner boundaries at once (``_bounds``'
    arithmetic): per boundary its grid (from CELLS_MIN cells up) and the pixel before
    it, and per grid how many may fall below GRID_PEAK. A grid's quantile of them (the
    sorted ones' GRID_QUANTILE th) is GRID_PEAK or more where at most that many do (a
    loop over the grids sorting each: 2-3 ms a megapixel, this 0.3; made once per
    size: the same for every picture that wide or high)."""
    counts = np.arange(CELLS_MIN, n // GRID_FINEST + 1)
    inner = counts - 1
    k = np.repeat(counts, inner)
    firsts = np.cumsum(inner) - inner
    index = np.arange(len(k)) - np.repeat(firsts, inner) + 1
    at = np.round(index * n / k).astype(np.int64) - 1
    most = (GRID_QUANTILE / 100 * (inner - 1)).astype(np.int64)
    grids = k - counts[0]
    for array in (grids, at, most):
        array.flags.writeable = False
    return grids, at, most


@nb.njit(**_JIT)
def _standing(share, grids, at, most, grid_peak, standing):  # pragma: no cover - jitted
    """``_grid``'s test of every grid at once: ``standing[g]`` where at most ``most[g]``
    of grid g's boundaries (``at``: the pixel before each) have a peak below
    ``grid_peak`` -- a pair's edge share less the median of the 3 on each side (the
    ends repeated), the largest of it and its neighbours' (wrapping, as ``np.roll``).
    Whether any grid stands."""
    n = share.shape[0]
    peak = np.empty(n, np.float64)
    window = np.empty(6, np.float64)
    for i in range(n):
        m = 0
        for offset in (-3, -2, -1, 1, 2, 3):  # (sorted as they come: 30x window.sort())
            value = share[min(max(i + offset, 0), n - 1)]
            slot = m
            while slot > 0 and window[slot - 1] > value:
                window[slot] = window[slot - 1]
                slot -= 1
            window[slot] = value
            m += 1
        peak[i] = share[i] - (window[2] + window[3]) / 2.0
    low = np.empty(n, np.bool_)
    for i in range(n):
        before, after = peak[i - 1 if i > 0 else n - 1], peak[i + 1 if i < n - 1 else 0]
        low[i] = max(max(peak[i], before), after) < grid_peak
    below = np.zeros(standing.shape[0], np.int64)
    for b in range(at.shape[0]):
        below[grids[b]] += low[at[b]]
    found = False
    for g in range(standing.shape[0]):
        standing[g] = below[g] <= most[g]
        found = found or standing[g]
    return found


def _line_step(lines: int, most: int = EDGE_LINES) -> int:
    """Every how many of ``lines`` lines an edge share reads (``most`` lines or so:
    EDGE_STEPS)."""
    return max([s for s in EDGE_STEPS if s * most <= lines], default=1)


def _edge_share(pixels: np.ndarray, axis: int) -> np.ndarray:
    """Per pair of neighbouring columns (``axis`` 1) or rows (0): the share of the lines
    across that have an edge there (EDGE_DN), read on every EDGE_STEP-th line or so."""
    lines = pixels.shape[1 - axis]
    step = _line_step(lines)
    if pixels.dtype == np.uint8 and pixels.flags.c_contiguous and pixels.shape[-1] >= 3:
        # one pass, no int16 copies (a JPEG'd megapixel's columns: 1.4 -> 0.15 ms)
        n_lines = (lines + step - 1) // step
        counts = np.zeros(pixels.shape[axis] - 1, dtype=np.int64)
        _edge_counts(readonly(pixels), axis, step, int(EDGE_DN), counts)  # (one compile)
        return counts / n_lines  # (the bools' mean, to the last bit)
    sample = pixels[::step, :, :3] if axis == 1 else pixels[:, ::step, :3]
    edge = np.zeros(np.diff(sample[..., 0], axis=axis).shape, dtype=bool)
    for channel in range(3):
        values = sample[..., channel].astype(np.int16)
        edge |= np.abs(np.diff(values, axis=axis)) > EDGE_DN
    return edge.mean(axis=1 - axis)


@nb.njit(**_JIT)
def _edge_counts(pixels, axis, step, edge_dn, counts):  # pragma: no cover - jitted
    """``_edge_share``'s counts of (H, W, C) uint8 ``pixels``: per pair k, k + 1 along
    ``axis``, of the lines across (every ``step`` th) where a channel of the first three
    differs by more than ``edge_dn``."""
    height, width, n_channels = pixels.shape
    rows = pixels.reshape(height, width * n_channels)  # (each row's bytes, flat)
    if axis == 0:
        flags = np.empty(width, np.int64)
        for y in range(height - 1):
            if n_channels == 3:  # (every pixel, vectorized, then the sampled ones counted)
                flags[:] = 0
                _edge_run3(rows[y], rows[y + 1], edge_dn, flags)
                counts[y] = flags[::step].sum()
            else:
                counts[y] = _edge_pairs(rows[y], rows[y + 1], step * n_channels, edge_dn,
                                        (width + step - 1) // step)  # fmt: skip
        return
    for y in range(0, height, step):
        row = rows[y]
        if n_channels == 3:  # (a literal stride: numba vectorizes it, 4x the loop below)
            _edge_run3(row[:-3], row[3:], edge_dn, counts)
        else:
            for x in range(width - 1):
                counts[x] += _edge_pairs(row[x * n_channels:], row[(x + 1) * n_channels:],
                                         n_channels, edge_dn, np.int64(1))  # fmt: skip


@nb.njit(**_JIT)
def _edge_run3(first, second, edge_dn, counts):  # pragma: no cover - jitted
    """Add 1 to ``counts[x]`` where RGB pixel x of the flat rows ``first`` and ``second``
    differ by more than ``edge_dn`` in a channel."""
    for x in range(counts.shape[0]):
        at = 3 * x
        most = max(
            abs(np.int32(first[at]) - np.int32(second[at])),
            abs(np.int32(first[at + 1]) - np.int32(second[at + 1])),
            abs(np.int32(first[at + 2]) - np.int32(second[at + 2])),
        )
        counts[x] += np.int64(most > edge_dn)


@nb.njit(**_JIT)
def _edge_pairs(first, second, stride, edge_dn, n):  # pragma: no cover - jitted
    """How many of the ``n`` pixels ``stride`` bytes apart of the flat rows ``first`` and
    ``second`` differ by more than ``edge_dn`` in a channel of the first three."""
    total = 0
    for x in range(n):
        at = x * stride
        most = max(
            abs(np.int32(first[at]) - np.int32(second[at])),
            abs(np.int32(first[at + 1]) - np.int32(second[at + 1])),
            abs(np.int32(first[at + 2]) - np.int32(second[at + 2])),
        )
        total += np.int64(most > edge_dn)
    return total


def _bounds(k: int, n: int) -> np.ndarray:
    """The first pixel of each of ``k`` equal cells over ``n`` pixels, and ``n``."""
    return np.round(np.arange(k + 1) * n / k).astype(np.int64)


def _inner(bounds: np.ndarray, n: int, margin: int) -> np.ndarray:
    """Per pixel along one axis: whether it lies ``margin`` or more pixels inside its cell."""
    index = np.arange(n)
    cell = np.searchsorted(bounds, index, side="right") - 1
    return (index - bounds[cell] >= margin) & (bounds[cell + 1] - 1 - index >= margin)
