"""DCT shrinkage of a JPEG'd picture's positions in 8x8 windows halfway between JPEG's.

JPEG quantizes luma's DCT in 8x8 blocks; on textured fields (whose chroma holds no
more detail than the map's) the error along the map is that quantization, and its
blocks' edges. The positions are cut into 8x8 windows that start HALF pixels before
JPEG's grid each way (a JPEG file's grid starts at its top left), so that every block
edge runs through a window's middle. Each window's DCT is shrunk by the non-negative
garrote ``c (1 - t^2 / c^2)``, ``t``: THRESHOLD noise sds of the bin of the window's
mean times the frequency's step in JPEG's luma table over the table's rms (QUANT:
JPEG's quantization noise grows with frequency as its steps do), the DC kept, and
the window's answer blended with the positions as they are: the window weighted
``1 / (1 + sum of squared gains)`` (Dabov et al. 2007's aggregation), the positions
IDENTITY. The windows do not overlap: one pass over them,
each read, filtered and written back (as data values, NaN counted) at once, float32,
the loops along a row of windows, which numba vectorizes. 1 MP, one thread: ~4 ms
(acc2's four overlapping shifts on variance-stabilised positions: ~25 ms).

Real fields (terrain, camera, astronaut, moon; 12 maps, 256^2, Pillow 4:2:0), mean
error / the k-d tree's at q90 / q75 / q50, noise share 1.4
(``_plan.JPEG_TEXTURE_SHARE``): no filter 0.751 / 0.814 / 0.851; windows every 4
pixels (JPEG's grid, halfway and both half shifts, aggregated), positions made
variance-stable (``_dct.stabilising_transform``): 0.740 / 0.801 / 0.840; JPEG's grid
and halfway 0.744 / 0.802 / 0.841; halfway alone 0.759 / 0.807 / 0.839, with IDENTITY
0.1 0.743 / 0.805 / 0.842 (THRESHOLD 2: 0.746 / 0.804 / 0.839); and positions as
they are (acc3, flat): 0.746 / 0.805 / 0.841 (THRESHOLD 1.25: 0.744 / 0.806 / 0.842, 1.75:
0.749 / 0.805 / 0.839; IDENTITY 0.05: 0.750 / 0.806 / 0.839, 0.15: 0.745 / 0.806 /
0.842). JPEG's grid alone 0.757 / 0.813 / 0.851 (no block edge smoothed). q90 wants a
lower threshold and q50 a higher one (known quality, stable positions, grid and
halfway: q90 best at t 1.0-1.2, 0.740; q50 at 3.0, 0.835): the noise share does not
tell them apart. Gated by the window's spread (stable units), flat windows left out
(6-18 % of them under 1-4 sds) lose 0.0005-0.002x each condition and save nothing
here: the windows are filtered a row at a time, vectorized.

The threshold shared by JPEG's luma table (acc4, this): THRESHOLD 2.5 0.734 / 0.800 /
0.839, 3.0 0.734 / 0.798 / 0.837, 3.5 0.735 / 0.796 / 0.835, 4.0 0.737 / 0.795 /
0.833, 4.5 0.739 / 0.794 / 0.832 (q75 4:4:4 0.944 -> 0.940; gray 0.952 / 0.962 / 0.963
-> 0.928 / 0.939 / 0.947); in proportion to the step's square root instead: 4.0 0.754
/ 0.799 / 0.831. The flat threshold best per picture (an oracle, 0.75-4 sds): 0.742 /
0.803 / 0.836, i.e. a quality read off the picture (its coefficients' steps) would pay
0.002-0.005 with a flat threshold, less than the table's shape does.
"""


from __future__ import annotations

import functools
import math

import numba as nb
import numpy as np

from truepix._threads import split_rows
from truepix.color._decolorize._dct import _JIT
from truepix.color._decolorize._grid import _DCT, _LUMA
from truepix.color._decolorize._kernels import NORM_LINEAR, NORM_LOG

__all__ = ["deblock", "luma_texture", "quality_scale", "quality_share"]


#: Window side: JPEG's block.
BLOCK = 8
#: Windows start this far before JPEG's grid (each way): its blocks' edges in their middle.
HALF = BLOCK // 2
#: The garrote's threshold, noise sds, at a frequency whose step in JPEG's luma table is
#: the table's root mean square; at the others in proportion to their step (QUANT).
THRESHOLD = 4.0
#: JPEG's luma quantization table (ITU-T T.81 Annex K.1; libjpeg, Pillow and OpenCV scale
#: it by the quality): quantization noise grows with frequency as its steps do.
QUANT = np.array([
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
], dtype=np.float64).reshape(BLOCK, BLOCK)  # fmt: skip
#: Each frequency's share of the threshold squared: (step / rms step)^2, [row l, column k].
_SHAPE = ((QUANT / np.sqrt(np.mean(QUANT**2))) ** 2).astype(np.float32)
#: Weight of the positions as they are, against a window's ``1 / (1 + sum of gains^2)``.
IDENTITY = 0.1
#: :func:`luma_texture` reads the central square of at most this side.
TEXTURE_SIDE = 128


def luma_texture(pixels: np.ndarray) -> float:
    """Median AC norm (DN) of luma's 8x8 blocks on the grid from the top left, in the
    picture's central TEXTURE_SIDE square: JPEG'd smooth gray fields 8.6-12, the moon
    17-19, terrain and photographs 57-240 (256^2, q90-q50)."""
    coefficients = luma_blocks(pixels, TEXTURE_SIDE)
    if not len(coefficients):
        return 0.0
    return float(np.median(np.sqrt(np.sum(coefficients[:, 1:] ** 2, axis=1))))


def luma_blocks(pixels: np.ndarray, side: int) -> np.ndarray:
    """(n, 64) DCT coefficients of luma's 8x8 blocks on the grid from the top left, in
    the picture's central square of side at most ``side`` (none when under 8 px)."""
    height, width = pixels.shape[:2]
    side_y, side_x = min(height, side) // 8 * 8, min(width, side) // 8 * 8
    if min(side_y, side_x) == 0:
        return np.zeros((0, 64))
    top, left = (height - side_y) // 16 * 8, (width - side_x) // 16 * 8
    luma = pixels[top : top + side_y, left : left + side_x, :3].astype(np.float64) @ _LUMA
    blocks = luma.reshape(side_y // 8, 8, side_x // 8, 8).transpose(0, 2, 1, 3)
    return (_DCT @ blocks @ _DCT.T).reshape(-1, 64)


# A JPEG'd picture's quality, read off its luma's quantization steps.
#
# JPEG divides each 8x8 block's DCT coefficient by a step (ITU-T T.81 Annex K.1's luma
# table, QUANT, scaled by the quality: libjpeg, Pillow and OpenCV use
# ``5000 / q`` % below q 50, ``200 - 2 q`` % above) and keeps the integer. The decoded
# picture's luma, cut on the file's grid (from the top left), holds each coefficient
# near a multiple of its step, 8-bit rounding of R, G and B aside (~0.3 DN). The step of
# a low frequency is the largest whose multiples the coefficients keep
# (:func:`quality_scale`: their mean cosine of ``2 pi c / step`` past QUALITY_COSINE, on
# coefficients beyond half a step); over the table's step there, the quality's scale:
# q90 0.19-0.21, q75 0.50-0.56, q50 1.0-1.13, q30 1.7-1.9 (Pillow 4:2:0 and 4:2:2,
# OpenCV; camera, coins, moon x viridis, Spectral, terrain, turbo, 384^2). Blocks with a
# clipped channel (0 or 255: jet's and turbo's saturated ends) move luma off the stored
# one and are left out; q95's steps of 1-2 DN, a picture cut off its grid, smooth fields
# and all-clipped maps (jet) give no reading.
#
# ``_plan`` scales the DCT shrinkage of JPEG'd textured fields (``JPEG_TEXTURE_SHARE``)
# by the quality read: the residual's noise it had, capped at ``JPEG_MAX_SMOOTHING``,
# tells q90 from q50 badly (4:2:0's chroma adds to it), where the coefficients' steps
# say how much luma's quantization moved each block. Real fields (camera, coins; 10
# maps little tried: cividis ... YlGnBu; 384^2), mean error / the k-d tree's, share 1
# -> QUALITY_POWER 1.5 within QUALITY_SHARES: Pillow q90 0.687 -> 0.675, q75 0.813 (the
# same), OpenCV q50 0.880 -> 0.866 (power 1.0: 0.869, 2.0: 0.865; capped at 4 or 6
# with power 2: no better); moon, fBm, a DEM (8 maps): q90 0.747 -> 0.745, q50 0.826
# -> 0.821. The multiplier per picture measured best: q90 0.5-1, q50 2-3+, q75 1-1.4.
#: Low frequencies read (row-major index in the 8x8 block): steps 10-24 at q50.
QUALITY_LOW = np.array([1, 8, 16, 9, 2, 3, 10, 17, 24])
#: Steps tried (DN of the coefficient: 4x the table's at least, q25).
QUALITY_STEPS = np.arange(2, 65, dtype=np.float64)
#: |Coefficients| are binned this wide (DN) up to QUALITY_BINS bins (farther: left out).
QUALITY_BIN = 0.25
QUALITY_BINS = 1024
#: A step holds when the coefficients' mean cosine of ``2 pi c / step`` passes this ...
QUALITY_COSINE = 0.5
#: ... on at least this many coefficients beyond half a step.
QUALITY_COUNT = 30
#: The central square :func:`quality_scale` reads (side, pixels; ~1 ms, one thread).
QUALITY_SIDE = 256
#: :func:`quality_share`: the scale read over QUALITY_REFERENCE's (q75), to
#: QUALITY_POWER, within QUALITY_SHARES.
QUALITY_REFERENCE = 0.5
QUALITY_POWER = 1.5
QUALITY_SHARES = (0.5, 3.0)


def quality_scale(pixels: np.ndarray) -> float | None:
    """The scale of JPEG's luma table a picture's blocks were quantized with (1.0 at
    quality 50, 0.5 at 75, 0.2 at 90), the median over QUALITY_LOW's frequencies; None where
    under half of them show a step (see the comment above)."""
    height, width = pixels.shape[:2]
    side_y, side_x = min(height, QUALITY_SIDE) // 8 * 8, min(width, QUALITY_SIDE) // 8 * 8
    if pixels.ndim != 3 or pixels.shape[-1] < 3 or min(side_y, side_x) == 0:
        return None
    top, left = (height - side_y) // 16 * 8, (width - side_x) // 16 * 8
    square = np.asarray(pixels[top : top + side_y, left : left + side_x, :3])
    if square.dtype != np.uint8:
        return None  # (8-bit pictures only: JPEG's)
    cells = square.reshape(side_y // 8, 8, side_x // 8, 8, 3).transpose(0, 2, 1, 3, 4)
    cells = cells.reshape(side_y // 8, side_x // 8, 192)
    free = (cells.min(axis=-1) > 0) & (cells.max(axis=-1) < 255)  # (no channel clipped)
    if np.count_nonzero(free) < QUALITY_COUNT:
        return None
    blocks = (cells[free].reshape(-1, 64, 3) @ _LUMA.astype(np.float32)).reshape(-1, 8, 8)
    coefficients = (_DCT @ blocks @ _DCT.T).reshape(-1, 64)[:, QUALITY_LOW]
    # (each frequency's |coefficients| binned QUALITY_BIN wide; the steps' cosines per bin)
    bins = np.minimum(np.abs(coefficients) / QUALITY_BIN + 0.5, QUALITY_BINS).astype(np.intp)
    bins += np.arange(len(QUALITY_LOW)) * (QUALITY_BINS + 1)
    counts = np.bincount(bins.ravel(), minlength=len(QUALITY_LOW) * (QUALITY_BINS + 1))
    counts = counts.reshape(len(QUALITY_LOW), QUALITY_BINS + 1)[:, :QUALITY_BINS]
    cosines, beyond = _step_tables()
    held = (counts @ cosines > QUALITY_COSINE * (counts @ beyond)) & (
        counts @ beyond >= QUALITY_COUNT
    )  # fmt: skip
    scales = [
        QUALITY_STEPS[np.flatnonzero(row)[-1]] / QUANT.flat[k]
        for row, k in zip(held, QUALITY_LOW) if row.any()
    ]  # fmt: skip
    return float(np.median(scales)) if 2 * len(scales) >= len(QUALITY_LOW) else None


@functools.cache
def _step_tables() -> tuple[np.ndarray, np.ndarray]:
    """(bins, steps) cosines of ``2 pi x / step`` at the bins' centres ``x`` beyond half a
    step (0 within it), and whether each lies beyond."""
    centres = np.arange(QUALITY_BINS)[:, None] * QUALITY_BIN
    beyond = (centres > QUALITY_STEPS / 2).astype(np.float64)
    return np.cos(2 * np.pi * centres / QUALITY_STEPS) * beyond, beyond


def quality_share(pixels: np.ndarray) -> float:
    """How many times q75's noise a JPEG'd picture's luma steps say it holds (1 where
    no step reads: :func:`quality_scale`), for ``_plan.JPEG_TEXTURE_SHARE``."""
    scale = quality_scale(pixels)
    if scale is None:
        return 1.0
    low, high = QUALITY_SHARES
    return float(min(max((scale / QUALITY_REFERENCE) ** QUALITY_POWER, low), high))


def deblock(
    position: np.ndarray, noise_by_bin: np.ndarray, cyclic: bool, inverse: tuple | None = None,
) -> tuple[np.ndarray, int]:  # fmt: skip
    """Positions (2-D, in [0, 1], NaN: none) shrunk in the windows' DCT (see the module);
    ``noise_by_bin``: the noise variance along the map in each bin, positions' units.
    A window that holds a NaN (or, on a cyclic map, crosses its seam) keeps its
    positions. With ``inverse`` (``(kind, low, high)``, a norm's inverse: see
    ``_kernels.positions_to_values``) the data values of the answers instead. Returns
    the answers and how many are NaN."""
    basis = _DCT.astype(np.float32)  # (BLOCK = 8: _grid's orthonormal DCT-II)
    noise = (THRESHOLD * THRESHOLD * noise_by_bin).astype(np.float32)
    out = np.empty_like(position)
    n_rows = -(-(position.shape[0] + HALF) // BLOCK)  # window rows, from row -HALF
    kind, low, high = (NORM_LINEAR, 0.0, 1.0) if inverse is None else inverse
    n_nan = np.zeros(n_rows, np.int64)  # (per window row: counted while written)
    split_rows(_windows, n_rows, position, noise, _SHAPE, basis, np.float32(IDENTITY), cyclic,
               kind, float(low), float(high), out, n_nan)  # fmt: skip
    return out, int(n_nan.sum())


@nb.njit(**_JIT)
def _mirror(i, n):  # pragma: no cover - jitted
    """Index i of a length-n axis reflected at its ends (``np.pad``'s "symmetric")."""
    period = 2 * n
    i = i % period
    return i if i < n else period - 1 - i


# inlined by numba into both of :func:`_windows`' inverse passes (columns, rows): one
# copy of the butterfly, the same arithmetic in each (a call would pass 30 values)
@nb.njit(inline="always", **_JIT)
def _inverse(y0, y1, y2, y3, y4, y5, y6, y7, factors):  # pragma: no cover - jitted
    """The 8-point inverse DCT of ``y0 .. y7`` as a butterfly: x_j = sum over k of
    basis[k, j] y_k, x_7-j mirrored (the basis' even rows symmetric, its odd ones
    antisymmetric); ``factors``: basis[k, j] for j < 4 as :func:`_windows` reads them
    (a0, a4, c20, c21, c60, c61, then o1j, o3j, o5j, o7j). Returns x0 .. x7."""
    a0, a4, c20, c21 = factors[0], factors[1], factors[2], factors[3]
    c60, c61 = factors[4], factors[5]
    o10, o11, o12, o13 = factors[6], factors[7], factors[8], factors[9]
    o30, o31, o32, o33 = factors[10], factors[11], factors[12], factors[13]
    o50, o51, o52, o53 = factors[14], factors[15], factors[16], factors[17]
    o70, o71, o72, o73 = factors[18], factors[19], factors[20], factors[21]
    p0, p1 = a0 * y0 + a4 * y4, a0 * y0 - a4 * y4
    m0, m1 = c20 * y2 + c60 * y6, c21 * y2 + c61 * y6
    e0, e1, e2, e3 = p0 + m0, p1 + m1, p1 - m1, p0 - m0
    d0 = o10 * y1 + o30 * y3 + o50 * y5 + o70 * y7
    d1 = o11 * y1 + o31 * y3 + o51 * y5 + o71 * y7
    d2 = o12 * y1 + o32 * y3 + o52 * y5 + o72 * y7
    d3 = o13 * y1 + o33 * y3 + o53 * y5 + o73 * y7
    return e0 + d0, e1 + d1, e2 + d2, e3 + d3, e3 - d3, e2 - d2, e1 - d1, e0 - d0


@nb.njit(**_JIT)
def _windows(  # pragma: no cover - jitted
    position, noise, shape, basis, keep, cyclic, kind, low, high, out, n_nan, start, stop
):
    """Window rows [start, stop) (window row r: picture rows BLOCK r - HALF on, mirrored
    past the picture's edges): read, shrunk, blended and written back. ``noise``:
    THRESHOLD^2 times the noise variance per bin, ``shape`` each frequency's share of
    it ([l, k]: :data:`_SHAPE`). Arrays run with the window last
    (``[i, j, c]``: row i, column j of window c), so that every loop runs along a row
    of windows.

    The 8-point DCTs are butterflies (the basis' even rows are symmetric, its odd ones
    antisymmetric: 24 products a transform, where the matrix takes 64; the inverses
    :func:`_inverse`'s), each read and written once per pass; the columns' DCT, the
    garrote and the columns' inverse run in one pass per column, and the rows' inverse
    writes filtered positions that the pass along the picture's rows blends in (1 MP,
    one thread: 3.0-4.0 -> 2.2-3.2 ms; float32 sums in another order: answers within
    2e-7 of the range of the matrix DCT's, the window's bin from its DC summed as the
    matrix DCT sums it).
    """
    height, width = position.shape
    n_bins = noise.shape[0]
    span = high - low
    n_c = -(-(width + HALF) // BLOCK)
    inner = (width + HALF) // BLOCK  # windows 1 .. inner - 1: inside the picture, not mirrored
    line = np.empty(BLOCK * n_c, np.float32)  # filtered positions along a picture row
    weight = np.empty(BLOCK * n_c, np.float32)  # ... and their window's weight
    values = np.empty((BLOCK, BLOCK, n_c), np.float32)  # [i, j, c]
    half = np.empty((BLOCK, BLOCK, n_c), np.float32)  # [i, k, c]: rows' DCTs
    low_c, high_c = np.empty(n_c, np.float32), np.empty(n_c, np.float32)  # (cyclic)
    gains, limit = np.empty(n_c, np.float32), np.empty(n_c, np.float32)
    one, tiny, zero = np.float32(1.0), np.float32(1e-30), np.float32(0.0)
    # the butterflies' factors: basis[k, j] for j < 4 (basis[k, 7 - j] = +-basis[k, j])
    a0, a4 = basis[0, 0], basis[4, 0]
    c20, c21, c60, c61 = basis[2, 0], basis[2, 1], basis[6, 0], basis[6, 1]
    o10, o11, o12, o13 = basis[1, 0], basis[1, 1], basis[1, 2], basis[1, 3]
    o30, o31, o32, o33 = basis[3, 0], basis[3, 1], basis[3, 2], basis[3, 3]
    o50, o51, o52, o53 = basis[5, 0], basis[5, 1], basis[5, 2], basis[5, 3]
    o70, o71, o72, o73 = basis[7, 0], basis[7, 1], basis[7, 2], basis[7, 3]
    factors = (a0, a4, c20, c21, c60, c61, o10, o11, o12, o13, o30, o31, o32, o33,
               o50, o51, o52, o53, o70, o71, o72, o73)  # (:func:`_inverse`'s) fmt: skip
    # the DC's as the matrix DCT had them: eight loads the compiler cannot merge (the
    # bin of a window's mean on a bin's edge follows the DC's last bit)
    z0, z1, z2, z3 = basis[0, 0], basis[0, 1], basis[0, 2], basis[0, 3]
    z4, z5, z6, z7 = basis[0, 4], basis[0, 5], basis[0, 6], basis[0, 7]
    for r in range(start, stop):
        # (a window's 8 columns at a time, into 8 rows [j, c]: 0.3 ms for 1 MP against 0.85
        # through a mirrored row and a column j at a time)
        for i in range(BLOCK):
            row = position[_mirror(BLOCK * r - HALF + i, height)]
            v = values[i]
            for c in (0, n_c - 1):  # (the windows across the picture's edges)
                for j in range(BLOCK):
                    v[j, c] = row[_mirror(BLOCK * c - HALF + j, width)]
            for c in range(1, inner):
                x = BLOCK * c - HALF
                v[0, c], v[1, c], v[2, c], v[3, c] = row[x], row[x + 1], row[x + 2], row[x + 3]
                v[4, c], v[5, c], v[6, c], v[7, c] = row[x + 4], row[x + 5], row[x + 6], row[x + 7]
        if cyclic:  # (a window across the seam: left alone below)
            low_c[:], high_c[:] = np.inf, -np.inf
            for i in range(BLOCK):
                for j in range(BLOCK):
                    v_j = values[i, j]
                    for c in range(n_c):
                        low_c[c] = min(low_c[c], v_j[c])
                        high_c[c] = max(high_c[c], v_j[c])
        # rows' DCTs: half[i, k, c]
        for i in range(BLOCK):
            s, h = values[i], half[i]
            for c in range(n_c):
                x0, x1, x2, x3 = s[0, c], s[1, c], s[2, c], s[3, c]
                x4, x5, x6, x7 = s[4, c], s[5, c], s[6, c], s[7, c]
                s0, s1, s2, s3 = x0 + x7, x1 + x6, x2 + x5, x3 + x4
                d0, d1, d2, d3 = x0 - x7, x1 - x6, x2 - x5, x3 - x4
                e0, e1, f0, f1 = s0 + s3, s1 + s2, s0 - s3, s1 - s2
                h[0, c] = (z0 * x0 + z1 * x1 + z2 * x2 + z3 * x3 + z4 * x4 + z5 * x5 + z6 * x6
                           + z7 * x7)  # fmt: skip
                h[4, c] = a4 * (e0 - e1)
                h[2, c] = c20 * f0 + c21 * f1
                h[6, c] = c60 * f0 + c61 * f1
                h[1, c] = o10 * d0 + o11 * d1 + o12 * d2 + o13 * d3
                h[3, c] = o30 * d0 + o31 * d1 + o32 * d2 + o33 * d3
                h[5, c] = o50 * d0 + o51 * d1 + o52 * d2 + o53 * d3
                h[7, c] = o70 * d0 + o71 * d1 + o72 * d2 + o73 * d3
        # each window's threshold^2: the noise of the bin of its mean (DC / BLOCK)
        for c in range(n_c):
            dc = (
                z0 * half[0, 0, c] + z1 * half[1, 0, c] + z2 * half[2, 0, c]
                + z3 * half[3, 0, c] + z4 * half[4, 0, c] + z5 * half[5, 0, c]
                + z6 * half[6, 0, c] + z7 * half[7, 0, c]
            )  # fmt: skip
            mean = dc / BLOCK
            bin_ = min(max(int(mean * n_bins), 0), n_bins - 1) if mean == mean else 0
            limit[c] = noise[bin_]
            gains[c] = zero if dc != dc else one  # (a NaN: the window is left alone)
        # per column k: the columns' DCT, the garrote c (1 - t^2 / c^2) above the
        # threshold (the DC whole), the columns' inverse, in place
        sums = np.zeros(n_c, np.float32)  # each window's sum of squared gains
        for k in range(BLOCK):
            h0, h1, h2, h3 = half[0, k], half[1, k], half[2, k], half[3, k]
            h4, h5, h6, h7 = half[4, k], half[5, k], half[6, k], half[7, k]
            q0, q1, q2, q3 = shape[0, k], shape[1, k], shape[2, k], shape[3, k]
            q4, q5, q6, q7 = shape[4, k], shape[5, k], shape[6, k], shape[7, k]
            if k == 0:
                q0 = zero  # (the DC: gain 1, not counted below)
            for c in range(n_c):
                x0, x1, x2, x3 = h0[c], h1[c], h2[c], h3[c]
                x4, x5, x6, x7 = h4[c], h5[c], h6[c], h7[c]
                s0, s1, s2, s3 = x0 + x7, x1 + x6, x2 + x5, x3 + x4
                d0, d1, d2, d3 = x0 - x7, x1 - x6, x2 - x5, x3 - x4
                e0, e1, f0, f1 = s0 + s3, s1 + s2, s0 - s3, s1 - s2
                t = limit[c]
                y0, y4 = a0 * (e0 + e1), a4 * (e0 - e1)
                y2, y6 = c20 * f0 + c21 * f1, c60 * f0 + c61 * f1
                y1 = o10 * d0 + o11 * d1 + o12 * d2 + o13 * d3
                y3 = o30 * d0 + o31 * d1 + o32 * d2 + o33 * d3
                y5 = o50 * d0 + o51 * d1 + o52 * d2 + o53 * d3
                y7 = o70 * d0 + o71 * d1 + o72 * d2 + o73 * d3
                w0 = max(one - q0 * t / max(y0 * y0, tiny), zero)
                w1 = max(one - q1 * t / max(y1 * y1, tiny), zero)
                w2 = max(one - q2 * t / max(y2 * y2, tiny), zero)
                w3 = max(one - q3 * t / max(y3 * y3, tiny), zero)
                w4 = max(one - q4 * t / max(y4 * y4, tiny), zero)
                w5 = max(one - q5 * t / max(y5 * y5, tiny), zero)
                w6 = max(one - q6 * t / max(y6 * y6, tiny), zero)
                w7 = max(one - q7 * t / max(y7 * y7, tiny), zero)
                sums[c] += (
                    w0 * w0 + w1 * w1 + w2 * w2 + w3 * w3 + w4 * w4 + w5 * w5 + w6 * w6 + w7 * w7
                )  # fmt: skip
                y0, y1, y2, y3 = y0 * w0, y1 * w1, y2 * w2, y3 * w3
                y4, y5, y6, y7 = y4 * w4, y5 * w5, y6 * w6, y7 * w7
                h0[c], h1[c], h2[c], h3[c], h4[c], h5[c], h6[c], h7[c] = _inverse(
                    y0, y1, y2, y3, y4, y5, y6, y7, factors
                )  # fmt: skip
        # the window's share against the positions as they are: w / (w + keep), w = 1 /
        # (1 + the AC's squared gains): the sums hold the DC's 1 (q0 = 0 above)
        for c in range(n_c):
            skip = gains[c] == zero
            if cyclic:
                skip = skip or high_c[c] - low_c[c] > 0.5
            gains[c] = zero if skip else one / (one + keep * sums[c])
        for i in range(BLOCK):
            y = BLOCK * r - HALF + i
            if y < 0 or y >= height:
                continue
            # the rows' inverse DCTs, in place of the window's positions
            h = half[i]
            s0, s1, s2, s3 = values[i, 0], values[i, 1], values[i, 2], values[i, 3]
            s4, s5, s6, s7 = values[i, 4], values[i, 5], values[i, 6], values[i, 7]
            for c in range(n_c):
                s0[c], s1[c], s2[c], s3[c], s4[c], s5[c], s6[c], s7[c] = _inverse(
                    h[0, c], h[1, c], h[2, c], h[3, c], h[4, c], h[5, c], h[6, c], h[7, c], factors
                )  # fmt: skip
            # along the picture's row: a window's 8 at a time (as read), with its weight
            for c in range(n_c):
                x, w = BLOCK * c, gains[c]
                line[x], line[x + 1], line[x + 2], line[x + 3] = s0[c], s1[c], s2[c], s3[c]
                line[x + 4], line[x + 5], line[x + 6], line[x + 7] = s4[c], s5[c], s6[c], s7[c]
                weight[x], weight[x + 1], weight[x + 2], weight[x + 3] = w, w, w, w
                weight[x + 4], weight[x + 5], weight[x + 6], weight[x + 7] = w, w, w, w
            # the answer: the position moved by its window's correction (float32, as the
            # window read it), on the map, and its data value (``_kernels._inverse_norm``'s
            # arithmetic)
            answer, here = out[y], position[y]
            count = 0
            if cyclic:
                for x in range(width):
                    w = weight[x + HALF]
                    z = w * (line[x + HALF] - np.float32(here[x])) if w > zero else zero
                    u = here[x] + z
                    u -= math.floor(u)
                    count += u != u
                    answer[x] = low + u * span
            else:
                for x in range(width):
                    w = weight[x + HALF]
                    z = w * (line[x + HALF] - np.float32(here[x])) if w > zero else zero
                    # (numba's max and min keep a NaN first argument)
                    u = min(max(here[x] + z, 0.0), 1.0)
                    count += u != u
                    answer[x] = low + u * span
            if kind == NORM_LOG:
                for x in range(width):
                    answer[x] = 10.0 ** answer[x]
            n_nan[r] += count
