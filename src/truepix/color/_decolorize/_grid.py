"""JPEG's 8x8 block grid in a picture's luma: the mark JPEG leaves whatever its chroma.

``_plan.make_plan`` asks whether a picture was JPEG'd. Chroma answers on most maps;
where it cannot (4:4:4 keeps all chroma, gray maps have none) the grid does:
:func:`luma_grid` counts where luma's slope changes along 8-pixel runs, and
:func:`dct_grid` how many of the 8x8 blocks' DCT coefficients are zero at each
alignment of the grid -- JPEG quantized them at one alignment only;
:func:`chroma_grid` whether chroma shows the same 8x8 grid (4:4:4) or none (4:2:0's
chroma blocks are 16x16 pixels, interpolated in between).
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix._validate import readonly
from truepix.color._decolorize._vertex import _JIT

__all__ = ["chroma_grid", "dct_grid", "luma_grid"]

#: Runs of 8 pixels a direction needs, in each parity of its 8-pixel runs, before
#: its votes say anything: a 16x16 exact ramp (colorcet:CET_L1 through plt.imsave/
#: imread) gave 16 runs, all one phase.
MIN_GRID_RUNS = 32
#: Pixels the run statistics read per direction (whole rows or columns).
GRID_PIXELS = 20_000
#: The block statistic reads the picture's central square of at most this side.
DCT_SIDE = 128
#: A coefficient is zero within this many DN (orthonormal DCT of luma: a pixel's
#: rounding to 8 bits moves each coefficient by 0.29 DN rms) ...
DCT_ZERO = 1.0
#: ... counted in the blocks with detail: an AC coefficient above this (DN); flat
#: blocks have none at any alignment. An alignment needs DCT_MIN_BLOCKS of them.
DCT_BUSY = 4.0
DCT_MIN_BLOCKS = 16
#: The best alignment's zero coefficients must exceed what the next best share would
#: give on its coefficients by this many Poisson standard deviations: on a small
#: picture of random colors (48x64, 35 blocks) an exact render's 36 zeros against 27
#: (1.7 sd) read a score of 1.33; JPEG q95 of it 88 against 45 (6.4 sd).
DCT_MIN_SD = 3.0
#: Chroma blocks with detail (:func:`chroma_grid`): an AC coefficient above this (DN).
CHROMA_BUSY = 2.0
#: BT.601 luma, as JPEG computes it; and Cb, Cr.
_LUMA = np.array([0.299, 0.587, 0.114])
_CHROMA = np.array([[-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])
_K = np.arange(8)
#: The orthonormal 8-point DCT-II matrix.
_DCT = np.sqrt(2.0 / 8.0) * np.cos(np.pi * (2 * _K[None, :] + 1) * _K[:, None] / 16.0)
_DCT[0] /= np.sqrt(2.0)


def luma_grid(pixels: np.ndarray, sample: np.ndarray) -> float:
    """How clearly a picture's luma shows JPEG's 8x8 block grid, in both directions.

    Per direction, each run of 8 pixels along a row votes for the phase (mod 8) where
    luma's slope changes most -- a step in a smooth ramp counts, the ramp does not.
    JPEG quantizes each 8x8 block on its own, so the boundaries' phase wins most
    runs; the score is its votes over the most any phase 2, 4 or 6 away gets (a 2x or
    4x upscale repeats at those), 1 when nothing stands out -- or when the even and
    odd runs elect different phases: JPEG's boundaries are in every run, a raster's
    steps every 16 pixels in every other one. Columns are read on the
    plan's rows (``sample``), rows on whole columns of the picture, some GRID_PIXELS
    pixels each. Returns the smaller of the two directions.
    """
    height, width = pixels.shape[:2]
    if min(height, width) < 16:
        return 1.0
    rows = sample[:: max(1, sample.shape[0] * width // GRID_PIXELS)]
    columns = pixels[:, :: max(1, height * width // GRID_PIXELS)].swapaxes(0, 1)
    return min(_grid_score(rows), _grid_score(columns))


def _grid_score(rows: np.ndarray) -> float:
    """:func:`luma_grid` along the rows of an (R, W, C) block of pixels."""
    luma = rows[..., :3].astype(np.float64) @ _LUMA
    slope = np.diff(luma, axis=1)
    change = np.abs(slope[:, 1:-1] - 0.5 * (slope[:, :-2] + slope[:, 2:]))
    n_runs = change.shape[1] // 16 * 2  # even and odd runs alike
    if n_runs == 0:
        return 1.0
    runs = change[:, : 8 * n_runs].reshape(len(change), -1, 2, 8)
    votes = [_votes(runs[:, :, parity].reshape(-1, 8)) for parity in range(2)]
    if votes[0] is None or votes[1] is None:  # too few to tell a grid from chance
        return 1.0
    phases = [int(np.argmax(v)) for v in votes]
    if phases[0] != phases[1]:  # a pattern of every other run: no block grid
        return 1.0
    total = votes[0] + votes[1]
    others = int(total[(phases[0] + np.array([2, 4, 6])) % 8].max())
    return float(total[phases[0]] / others) if others > 0 else float(total[phases[0]])


def _votes(runs: np.ndarray) -> np.ndarray | None:
    """Votes per phase of the runs that have a winner; None when too few have."""
    runs = runs[runs.max(axis=1) > 0]  # a flat run has no winner
    if len(runs) < MIN_GRID_RUNS:
        return None
    return np.bincount(np.argmax(runs, axis=1), minlength=8)


def dct_grid(pixels: np.ndarray) -> tuple[float, bool]:
    """How much more of its blocks' DCT is zero at one alignment of an 8x8 grid,
    and whether that alignment is the picture's own grid (blocks from its top left).

    JPEG stores each 8x8 block's DCT coefficients quantized, most of the fine ones
    to zero; decoded and rounded to 8 bits they stay within DCT_ZERO of it. At
    that alignment, among blocks with detail (DCT_BUSY), a larger share of the
    coefficients is zero than at any other; noise, resampling and exact renders
    give every alignment alike (1.00-1.03 measured), JPEG'd gray fields 1.16-2.4
    (q95-q50, textured). The score is the best alignment's share over the largest
    share 2, 4 or 6 pixels away in each direction (a 2x upscale repeats at those);
    1 when no alignment has DCT_MIN_BLOCKS blocks with detail (smooth fields: the
    run votes of :func:`luma_grid` see their blocks), and 1 when the best alignment's
    excess of zeros is within DCT_MIN_SD Poisson sd of chance. A JPEG file's blocks start at
    its top left; a picture cut from a JPEG'd one keeps its grid elsewhere.
    """
    height, width = pixels.shape[:2]
    side_y, side_x = min(height, DCT_SIDE + 7), min(width, DCT_SIDE + 7)
    if min(side_y, side_x) < 16 + 7:
        return 1.0, False
    top, left = (height - side_y) // 2, (width - side_x) // 2
    crop = pixels[top : top + side_y, left : left + side_x, :3]
    luma = crop.astype(np.float64) @ _LUMA
    n_y, n_x = (side_y - 7) // 8, (side_x - 7) // 8
    share, counted = np.full((8, 8), np.nan), np.zeros((8, 8))
    # each row's 8-pixel runs at every column alignment dx: (dx, row, block column, u)
    runs = np.lib.stride_tricks.sliding_window_view(luma, 8, axis=1)[:, : 8 * n_x]
    along = runs.reshape(side_y, n_x, 8, 8).transpose(2, 0, 1, 3) @ _DCT.T
    for dy in range(8):
        # 8 rows from dy on, every dx and block at once: (dx, block row, block column, u, row)
        stacked = along[:, dy : dy + 8 * n_y].reshape(8, n_y, 8, n_x, 8).transpose(0, 1, 3, 4, 2)
        coefficients = (stacked @ _DCT.T).reshape(8, -1, 64)[:, :, 1:]
        for dx in range(8):
            busy = np.abs(coefficients[dx]).max(axis=1) > DCT_BUSY
            if np.count_nonzero(busy) >= DCT_MIN_BLOCKS:
                share[dy, dx] = np.mean(np.abs(coefficients[dx][busy]) <= DCT_ZERO)
                counted[dy, dx] = 63 * np.count_nonzero(busy)
    if np.all(np.isnan(share)):
        return 1.0, False
    best_y, best_x = np.unravel_index(np.nanargmax(share), share.shape)
    steps = np.arange(0, 8, 2)
    others = share[np.ix_((best_y + steps) % 8, (best_x + steps) % 8)].copy()
    others[0, 0] = np.nan
    if np.all(np.isnan(others)) or np.nanmax(others) <= 0:
        return 1.0, False
    read = counted[best_y, best_x]
    zeros, expected = share[best_y, best_x] * read, np.nanmax(others) * read
    if zeros - expected < DCT_MIN_SD * np.sqrt(expected):
        return 1.0, False
    own = (top + best_y) % 8 == 0 and (left + best_x) % 8 == 0
    return float(share[best_y, best_x] / np.nanmax(others)), bool(own)


def chroma_grid(pixels: np.ndarray) -> float:
    """How much more of the chroma's 8x8 blocks' DCT is zero at the picture's own grid
    than at the grid 4 pixels off in both directions (Cb and Cr together).

    4:4:4 JPEG quantizes chroma in the same 8x8 blocks as luma: zeros at its own
    grid. 4:2:0 quantizes it in 8x8 blocks of half-resolution chroma, 16x16 pixels
    upsampled smoothly: an 8x8 block of pixels holds a quarter of one, whatever its
    alignment. Counted among the blocks with chroma detail (CHROMA_BUSY) of the
    central square (DCT_SIDE), DCT_ZERO as for luma. Measured (6 maps x 5 fields,
    256^2; Pillow q50-q95, OpenCV q75): 4:4:4 1.5-2.8 on photographs, 1.02-1.19 on
    smooth fields (few blocks with chroma detail); 4:2:0 0.94-1.12, exact renders
    0.88-1.02. 1.0 when fewer than DCT_MIN_BLOCKS blocks have detail.
    """
    height, width = pixels.shape[:2]
    side_y, side_x = min(height, DCT_SIDE + 8), min(width, DCT_SIDE + 8)
    if min(side_y, side_x) < 16 + 8:
        return 1.0
    top, left = (height - side_y) // 2, (width - side_x) // 2
    crop = readonly(pixels[top : top + side_y, left : left + side_x])  # (one compile)
    n_y, n_x = (side_y - 8) // 8, (side_x - 8) // 8
    counts = np.zeros((2, 2), np.int64)  # (alignment: blocks with detail, zeros among them)
    own_y, own_x = -top % 8, -left % 8  # the picture's own grid in the crop
    _chroma_counts(crop, _CHROMA, _DCT, own_y, own_x, n_y, n_x, CHROMA_BUSY, DCT_ZERO, counts)
    if counts[:, 0].min() < DCT_MIN_BLOCKS:
        return 1.0
    shares = counts[:, 1] / (63.0 * counts[:, 0])
    return float(shares[0] / shares[1]) if shares[1] > 0 else 1.0


@nb.njit(**_JIT)
def _chroma_counts(  # pragma: no cover - jitted
    crop, weights, dct, own_y, own_x, n_y, n_x, busy, zero, counts
):  # fmt: skip
    """:func:`chroma_grid`'s counts, per alignment (the crop's own grid, then 4 pixels off
    both ways) into ``counts[a]``: the (n_y, n_x) 8x8 blocks' Cb and Cr planes with an
    AC coefficient above ``busy`` (each plane a block), and their AC coefficients
    within ``zero`` of 0 (float64, the matrix DCT's sums in its order; one pass where
    numpy's stacked products took ~0.4 ms for 136^2)."""
    height, width = crop.shape[0], crop.shape[1]
    chroma = np.empty((2, height, width))
    for y in range(height):
        for x in range(width):
            r, g, b = float(crop[y, x, 0]), float(crop[y, x, 1]), float(crop[y, x, 2])
            for c in range(2):
                chroma[c, y, x] = weights[c, 0] * r + weights[c, 1] * g + weights[c, 2] * b
    rows = np.empty((8, 8))  # (block @ dct.T: [i, l])
    for a in range(2):
        dy, dx = (own_y + 4 * a) % 8, (own_x + 4 * a) % 8
        for by in range(n_y):
            for bx in range(n_x):
                for c in range(2):
                    plane = chroma[c]
                    for i in range(8):
                        for l in range(8):
                            total = 0.0
                            for j in range(8):
                                total += plane[dy + 8 * by + i, dx + 8 * bx + j] * dct[l, j]
                            rows[i, l] = total
                    most, small = 0.0, 0
                    for k in range(8):
                        for l in range(8):
                            total = 0.0
                            for i in range(8):
                                total += dct[k, i] * rows[i, l]
                            if k + l > 0:
                                most = max(most, abs(total))
                                small += abs(total) <= zero
                    if most > busy:
                        counts[a, 0] += 1
                        counts[a, 1] += small
