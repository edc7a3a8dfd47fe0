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

__all__ = [
    "FLAT_DN", "FLAT_SHARE", "apart_toward", "cell_medians", "filled_share", "flat_cells",
    "flat_grid", "flat_off_marks", "peak_share", "square_near",
]  # fmt: skip

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
#: around two digits) shows no field between its marks: it counts as flat -- when such
#: cells' other pixels (not marks) are within FLAT_DN of their medians at VACUOUS_FLAT of
#: them or more (the median over those cells): seaborn's annotated 16 px cells (coolwarm,
#: rocket, viridis, YlGnBu; q50-q90) 0.51-0.79, a 150 x 150 noisy array drawn by imshow
#: (nearest) at q90, read as 46 x 80 px "cells", 0.24 (magma: 26 % of its plot area
#: flagged as digits before).
MARK_REACH = 8
VACUOUS_FLAT = 0.4


def peak_share(pixels: np.ndarray, axis: int, step: int) -> np.ndarray:
    """Per pair of neighbouring columns (``axis`` 1) or rows (0) of ``pixels`` (H, W, C
    uint8): the share of the lines across (every ``step`` th) where its jump (the largest
    channel's) is the largest within PEAK_REACH pixels and above PEAK_FLOOR DN."""
    n_lines = (pixels.shape[1 - axis] + step - 1) // step
    # each line's jumps between PEAK_REACH zeros either side (no jump is below 0)
    jumps = np.zeros((n_lines, pixels.shape[axis] - 1 + 2 * PEAK_REACH), dtype=np.int32)
    counts = np.zeros(pixels.shape[axis] - 1, dtype=np.int64)
    _peak_counts(readonly(pixels), axis, step, PEAK_FLOOR, jumps, counts)
    return counts / n_lines


@nb.njit(**_JIT)
def _peak_counts(pixels, axis, step, floor, jumps, counts):  # pragma: no cover - jitted
    """:func:`peak_share`'s counts: ``jumps`` (lines, PEAK_REACH + pairs + PEAK_REACH,
    zeros) is scratch. The largest of the others within PEAK_REACH without a branch: a
    JPEG'd megapixel's two passes 1.7-3 -> 0.7 ms (one thread)."""
    n_lines, width = jumps.shape
    n_pairs = width - 2 * PEAK_REACH
    if axis == 1:
        for line in range(n_lines):
            row = pixels[line * step]
            for k in range(n_pairs):
                jumps[line, k + PEAK_REACH] = _jump(row[k], row[k + 1])
    else:  # (row by row: the lines are columns)
        for k in range(n_pairs):
            first, second = pixels[k], pixels[k + 1]
            for line in range(n_lines):
                jumps[line, k + PEAK_REACH] = _jump(first[line * step], second[line * step])
    for line in range(n_lines):
        row = jumps[line]
        for k in range(n_pairs):
            others = max(row[k], row[k + 2 * PEAK_REACH])
            for d in range(1, PEAK_REACH):
                others = max(others, max(row[k + d], row[k + 2 * PEAK_REACH - d]))
            jump = row[k + PEAK_REACH]
            counts[k] += np.int64((jump > floor) & (jump > others))


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


def square_near(marks: np.ndarray, reach: int, out: np.ndarray) -> None:
    """``out`` (H, W bool): whether a pixel of ``marks`` (H, W bool) lies within
    ``reach`` pixels of it each way (a square)."""
    _square(np.ascontiguousarray(marks), reach, out)


def flat_off_marks(
    apart: np.ndarray, cell: np.ndarray, n_cells: int, marks: np.ndarray, inner: np.ndarray
) -> np.ndarray:
    """Per cell: whether its ``inner`` pixels (H, W bool) MARK_REACH or more from any of
    ``marks`` (H, W bool) are flat (FLAT_SHARE of them within FLAT_DN of its median;
    ``apart``, H x W, and ``cell``, flat: as :func:`flat_cells`).

    A heatmap's cell is one color between its digits, however much their ringing
    spreads (seaborn's 16 px cells at q50: 6-40 % of all pixels within FLAT_DN); a
    field's tile, cut into "cells" by its jumps to the next tile, keeps varying there
    (a mosaic of smooth fields JPEG'd whole: its tiles' far pixels read as marks). Cells
    with no field between their marks count as flat unless their other pixels mostly
    vary (VACUOUS_FLAT)."""
    near = np.empty(marks.shape, dtype=bool)
    _square(np.ascontiguousarray(marks), MARK_REACH, near)  # (a square MARK_REACH each way)
    free = (inner & ~near).reshape(-1)
    close = apart.reshape(-1) <= FLAT_DN
    flat = np.bincount(cell, free & close, minlength=n_cells)
    size = np.bincount(cell, free, minlength=n_cells)
    vacuous = size < MARK_REACH**2
    if vacuous.any():  # (no field between their marks: judged by their other pixels, together)
        rest = (inner & ~marks).reshape(-1)
        shares = np.bincount(cell, rest & close, minlength=n_cells)[vacuous] / np.maximum(
            np.bincount(cell, rest, minlength=n_cells)[vacuous], 1
        )
        if np.median(shares) < VACUOUS_FLAT:
            return (flat >= FLAT_SHARE * size) & ~vacuous
    return (flat >= FLAT_SHARE * size) | vacuous


def filled_share(pixels: np.ndarray, marks: np.ndarray, cell: np.ndarray, n_cells: int) -> float:
    """The share of the marked cells whose marks hold a flat block: FILLED_PIXELS or
    more pixels FILLED_REACH or more inside the marks (a square each way) whose 3 x 3
    neighbourhood spans at most FLAT_DN on every channel (``pixels``: H, W, C uint8;
    ``marks``: H, W bool; ``cell``: each pixel's cell, flat).

    A digit is strokes a pixel or two wide, ringed by JPEG: no flat block inside
    (seaborn's 7 pt digits in 16 px cells, 4 maps, q50-q90: none of 256 cells). Cells of
    a finer grid, inside a coarser one read where the finer one's many equal neighbours
    (few levels: a BoundaryNorm's) hid half its boundaries, are flat blocks of another
    map color: trial 56's jet BoundaryNorm pcolormesh (32 x 48 cells of 8 x 11 px, read
    as 16 x 24 or 16 x 8) 77-98 % of the marked cells, 18-21 % of the data flagged.
    """
    inside = np.empty(marks.shape, dtype=bool)
    _square(np.ascontiguousarray(~marks), FILLED_REACH, inside)
    inside = ~inside  # (the marks eroded by a square FILLED_REACH each way)
    if not inside.any():
        return 0.0
    wide = pixels.astype(np.int16)
    height, width = marks.shape
    padded = np.pad(wide, ((1, 1), (1, 1), (0, 0)), mode="edge")
    views = [padded[dy : dy + height, dx : dx + width] for dy in range(3) for dx in range(3)]
    span = (np.maximum.reduce(views) - np.minimum.reduce(views)).max(axis=-1)
    flat = (inside & (span <= FLAT_DN)).reshape(-1)
    filled = np.bincount(cell, flat, minlength=n_cells) >= FILLED_PIXELS
    marked = np.bincount(cell, marks.reshape(-1), minlength=n_cells) > 0
    return float(filled[marked].mean()) if marked.any() else 0.0


#: :func:`filled_share`'s block: pixels FILLED_REACH inside the marks, FILLED_PIXELS of them
FILLED_REACH, FILLED_PIXELS = 2, 4


@nb.njit(**_JIT)
def _square(marks, reach, out):  # pragma: no cover - jitted
    """``out``: whether a pixel of ``marks`` (H, W bool) lies within ``reach`` pixels
    each way (a square): along rows (the nearest mark left and right), then columns."""
    height, width = marks.shape
    wide = np.zeros((height, width), dtype=np.bool_)
    for y in range(height):
        last = -reach - 1
        for x in range(width):
            if marks[y, x]:
                last = x
            wide[y, x] = x - last <= reach
        last = width + reach + 1
        for x in range(width - 1, -1, -1):
            if marks[y, x]:
                last = x
            wide[y, x] |= last - x <= reach
    seen = np.empty(width, dtype=np.int64)
    seen[:] = -reach - 1
    for y in range(height):
        for x in range(width):
            if wide[y, x]:
                seen[x] = y
            out[y, x] = y - seen[x] <= reach
    seen[:] = height + reach + 1
    for y in range(height - 1, -1, -1):
        for x in range(width):
            if wide[y, x]:
                seen[x] = y
            out[y, x] |= seen[x] - y <= reach


def flat_sample(pixels: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> bool:
    """Whether a sample of the grid's cells -- every k-th row and column of cells, about
    SAMPLE_CELLS of them, each its first SAMPLE_SIDE^2 pixels -- is a grid of flat cells
    (:func:`flat_grid`), read before the medians of every cell: a JPEG'd megapixel's 8 px
    blocks make a grid of 16 k cells, whose medians took 250 ms of a 35 ms decode
    (viridis terrain, q75) to say "not flat". ``rows``, ``cols``: the cells' boundaries
    in ``pixels`` (H, W, 3|4 uint8). One pass (:func:`_flat_counts`, each
    cell's per-channel median from its 256 counts): 5 ms of numpy's fancy indexing,
    medians and channel maxima on that megapixel -> 0.1 ms."""
    n_rows, n_cols = len(rows) - 1, len(cols) - 1
    every = max(1, int(np.ceil(np.sqrt(n_rows * n_cols / SAMPLE_CELLS))))
    picked_rows, picked_cols = np.arange(0, n_rows, every), np.arange(0, n_cols, every)
    # each sampled cell's first SAMPLE_SIDE^2 pixels or fewer (the smallest cell's), at once
    high = int(min(np.diff(rows)[picked_rows].min(), SAMPLE_SIDE))
    wide = int(min(np.diff(cols)[picked_cols].min(), SAMPLE_SIDE))
    if high < 1 or wide < 1:
        return False
    near = np.empty(len(picked_rows) * len(picked_cols), dtype=np.int64)
    _flat_counts(
        readonly(pixels), np.ascontiguousarray(rows[picked_rows], dtype=np.int64),
        np.ascontiguousarray(cols[picked_cols], dtype=np.int64), high, wide, FLAT_DN, near,
    )  # fmt: skip
    return flat_grid(near / (high * wide) >= FLAT_SHARE)


@nb.njit(**_JIT)
def _flat_counts(pixels, tops, lefts, high, wide, most, near):  # pragma: no cover - jitted
    """Per sampled cell (its first ``high`` x ``wide`` pixels from ``tops[i]``,
    ``lefts[j]``; cell i * len(lefts) + j): how many pixels lie within ``most`` DN (every
    channel of the first three) of the cell's per-channel median (numpy's: the mean of
    the two middle values of an even count)."""
    n = high * wide
    counts = np.zeros(256, dtype=np.int64)
    median = np.empty(3, dtype=np.float64)
    for i in range(len(tops)):
        for j in range(len(lefts)):
            top, left = tops[i], lefts[j]
            for channel in range(3):
                least, most_seen = 255, 0
                for y in range(top, top + high):
                    for x in range(left, left + wide):
                        value = np.int64(pixels[y, x, channel])
                        counts[value] += 1
                        least, most_seen = min(least, value), max(most_seen, value)
                median[channel] = _middle(counts, least, n)
                counts[least:most_seen + 1] = 0
            inside = 0
            for y in range(top, top + high):
                for x in range(left, left + wide):
                    ok = True
                    for channel in range(3):
                        if abs(np.float64(pixels[y, x, channel]) - median[channel]) > most:
                            ok = False
                            break
                    inside += np.int64(ok)
            near[i * len(lefts) + j] = inside


def cell_medians(
    pixels: np.ndarray, rows: np.ndarray, cols: np.ndarray, edge: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per cell of the grid (``rows``, ``cols``: the first pixel of each cell and the
    size after the last; cell i * (len(cols) - 1) + j) of ``pixels`` (H, W, 3|4 uint8):
    its per-channel median color (float32; numpy's, the mean of the two middle values
    of an even count), whether it is flat (:func:`flat_cells` of its pixels' distances
    to that color: the largest channel's, DN) and the largest distance of its pixels
    ``edge`` or more inside it (-1: none). One pass (:func:`_cell_counts`, each cell's counts per
    channel, as :func:`_flat_counts`): numpy's three sorts of every pixel's cell and
    byte, the distances and their counts took 0.85 s of a 0.9 s decode to say "not flat"
    of a JPEG'd 4 MP smooth field's 16 px block grid (viridis terrain, q75), whose
    sample of cells :func:`flat_sample` had found flat."""
    n_rows, n_cols = len(rows) - 1, len(cols) - 1
    median = np.empty((n_rows * n_cols, 3), dtype=np.float32)
    flat = np.empty(n_rows * n_cols, dtype=np.bool_)
    inner_far = np.empty(n_rows * n_cols, dtype=np.float32)
    _cell_counts(
        readonly(pixels), np.ascontiguousarray(rows, dtype=np.int64),
        np.ascontiguousarray(cols, dtype=np.int64), FLAT_DN, FLAT_SHARE, edge, median, flat,
        inner_far,
    )  # fmt: skip
    return median, flat, inner_far


@nb.njit(**_JIT)
def _cell_counts(  # pragma: no cover - jitted
    pixels, rows, cols, most, share, edge, median, flat, inner_far
):  # fmt: skip
    """:func:`cell_medians`' medians, flat cells (``most``: FLAT_DN, ``share``:
    FLAT_SHARE) and largest inner distances; the distances in float32, as numpy's
    int16 pixels less float32 medians."""
    counts = np.zeros(256, dtype=np.int64)
    n_cols = cols.shape[0] - 1
    for i in range(rows.shape[0] - 1):
        top, bottom = rows[i], rows[i + 1]
        for j in range(n_cols):
            left, right = cols[j], cols[j + 1]
            cell, n = i * n_cols + j, (bottom - top) * (right - left)
            for channel in range(3):
                least, most_seen = 255, 0
                for y in range(top, bottom):
                    for x in range(left, right):
                        value = np.int64(pixels[y, x, channel])
                        counts[value] += 1
                        least, most_seen = min(least, value), max(most_seen, value)
                median[cell, channel] = _middle(counts, least, n)
                counts[least : most_seen + 1] = 0
            near, inner = 0, np.float32(-1.0)
            for y in range(top, bottom):
                inside_y = y - top >= edge and bottom - 1 - y >= edge
                for x in range(left, right):
                    far = np.float32(0.0)
                    for channel in range(3):
                        gap = abs(np.float32(pixels[y, x, channel]) - median[cell, channel])
                        far = max(far, gap)
                    near += np.int64(far <= most)
                    if inside_y and x - left >= edge and right - 1 - x >= edge:
                        inner = max(inner, far)
            flat[cell] = near >= share * max(n, 1)
            inner_far[cell] = inner


def apart_toward(
    pixels: np.ndarray, rows: np.ndarray, cols: np.ndarray, median: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel of ``pixels`` (H, W, C uint8), its first three channels less its cell's
    ``median`` (:func:`cell_medians`; float32, as numpy's int16 - float32): the largest
    absolute one (H, W) and their sum (flat), float32 -- half-integers within 765, exact
    in any order."""
    height, width = pixels.shape[:2]
    apart = np.empty((height, width), dtype=np.float32)
    toward = np.empty(height * width, dtype=np.float32)
    _apart_toward(readonly(pixels), np.ascontiguousarray(rows, dtype=np.int64),
                  np.ascontiguousarray(cols, dtype=np.int64), median, apart, toward)  # fmt: skip
    return apart, toward


@nb.njit(**_JIT)
def _apart_toward(pixels, rows, cols, median, apart, toward):  # pragma: no cover - jitted
    """:func:`apart_toward`'s loop, cell by cell."""
    width = pixels.shape[1]
    n_cols = len(cols) - 1
    for i in range(len(rows) - 1):
        for j in range(n_cols):
            middle = median[i * n_cols + j]
            for y in range(rows[i], rows[i + 1]):
                for x in range(cols[j], cols[j + 1]):
                    most = np.float32(0.0)
                    total = np.float32(0.0)
                    for channel in range(3):
                        gap = np.float32(pixels[y, x, channel]) - middle[channel]
                        most = max(most, abs(gap))
                        total += gap
                    apart[y, x] = most
                    toward[y * width + x] = total


@nb.njit(inline="always", **_JIT)
def _middle(counts, least, n):  # pragma: no cover - jitted
    """The median of ``n`` values given their ``counts`` per value (0-255; none below
    ``least``): numpy's."""
    first, second = (n - 1) // 2, n // 2  # the middle values' ranks
    seen, below, above = 0, -1, -1
    for value in range(least, 256):
        seen += counts[value]
        if below < 0 and seen > first:
            below = value
        if seen > second:
            above = value
            break
    return (below + above) / 2.0


def flat_grid(flat: np.ndarray) -> bool:
    """Whether cells ``flat`` (:func:`flat_cells`) make a grid of flat cells (FLAT_CELLS)."""
    return bool(flat.mean() >= FLAT_CELLS) if len(flat) else False


def glyph_marks(marks: np.ndarray, min_pixels: int) -> np.ndarray:
    """The pixels of ``marks`` (2-D) in 8-connected groups of ``min_pixels`` or more
    (each group walked on the grid itself: a mosaic's millions of far pixels, looked up
    among the sorted candidates, took ``_grow.groups_of`` 2 s)."""
    out = np.zeros(marks.shape, dtype=bool)
    queue = np.empty(np.count_nonzero(marks), dtype=np.int64)
    _glyphs(np.ascontiguousarray(marks), min_pixels, queue, out)
    return out


@nb.njit(**_JIT)
def _glyphs(marks, min_pixels, queue, out):  # pragma: no cover - jitted
    """:func:`glyph_marks`' walk: each group's pixels gathered in ``queue`` (flat indices;
    as many slots as marks), set in ``out`` where they are ``min_pixels`` or more."""
    height, width = marks.shape
    seen = np.zeros((height, width), dtype=np.bool_)
    for y0 in range(height):
        for x0 in range(width):
            if not marks[y0, x0] or seen[y0, x0]:
                continue
            seen[y0, x0] = True
            queue[0] = y0 * width + x0
            size, head = 1, 0
            while head < size:
                y, x = queue[head] // width, queue[head] % width
                head += 1
                for yy in range(max(0, y - 1), min(height, y + 2)):
                    for xx in range(max(0, x - 1), min(width, x + 2)):
                        if marks[yy, xx] and not seen[yy, xx]:
                            seen[yy, xx] = True
                            queue[size] = yy * width + xx
                            size += 1
            if size >= min_pixels:
                for k in range(size):
                    out[queue[k] // width, queue[k] % width] = True
