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

import math

import numba as nb
import numpy as np

from truepix._threads import split_rows
from truepix.color._decolorize._dct import _JIT
from truepix.color._decolorize._grid import _DCT, _LUMA
from truepix.color._decolorize._kernels import NORM_LINEAR, NORM_LOG

__all__ = ["deblock", "luma_texture"]


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
    height, width = pixels.shape[:2]
    side_y, side_x = min(height, TEXTURE_SIDE) // 8 * 8, min(width, TEXTURE_SIDE) // 8 * 8
    if min(side_y, side_x) == 0:
        return 0.0
    top, left = (height - side_y) // 16 * 8, (width - side_x) // 16 * 8
    luma = pixels[top : top + side_y, left : left + side_x, :3].astype(np.float64) @ _LUMA
    blocks = luma.reshape(side_y // 8, 8, side_x // 8, 8).transpose(0, 2, 1, 3)
    coefficients = (_DCT @ blocks @ _DCT.T).reshape(-1, 64)
    return float(np.median(np.sqrt(np.sum(coefficients[:, 1:] ** 2, axis=1))))


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


@nb.njit(**_JIT)
def _windows(  # pragma: no cover - jitted
    position, noise, shape, basis, keep, cyclic, kind, low, high, out, n_nan, start, stop
):
    """Window rows [start, stop) (window row r: picture rows BLOCK r - HALF on, mirrored
    past the picture's edges): read, shrunk, blended and written back. ``noise``:
    THRESHOLD^2 times the noise variance per bin, ``shape`` each frequency's share of
    it ([l, k]: :data:`_SHAPE`). Arrays run with the window last
    (``[i, j, c]``: row i, column j of window c), so that every loop runs along a row
    of windows."""
    height, width = position.shape
    n_bins = noise.shape[0]
    span = high - low
    n_c = -(-(width + HALF) // BLOCK)
    inner = (width + HALF) // BLOCK  # windows 1 .. inner - 1: inside the picture, not mirrored
    line = np.empty(BLOCK * n_c, np.float32)
    values = np.empty((BLOCK, BLOCK, n_c), np.float32)  # [i, j, c]
    half = np.empty((BLOCK, BLOCK, n_c), np.float32)  # [i, k, c]: rows' DCTs
    freq = np.empty((BLOCK, BLOCK, n_c), np.float32)  # [l, k, c]
    low_c, high_c = np.empty(n_c, np.float32), np.empty(n_c, np.float32)  # (cyclic)
    gains, limit = np.empty(n_c, np.float32), np.empty(n_c, np.float32)
    one, tiny, zero = np.float32(1.0), np.float32(1e-30), np.float32(0.0)
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
        # rows' DCTs, then the columns': freq[l, k, c]
        for k in range(BLOCK):
            b0, b1, b2, b3 = basis[k, 0], basis[k, 1], basis[k, 2], basis[k, 3]
            b4, b5, b6, b7 = basis[k, 4], basis[k, 5], basis[k, 6], basis[k, 7]
            for i in range(BLOCK):
                s, h = values[i], half[i, k]
                for c in range(n_c):
                    h[c] = (
                        b0 * s[0, c] + b1 * s[1, c] + b2 * s[2, c] + b3 * s[3, c]
                        + b4 * s[4, c] + b5 * s[5, c] + b6 * s[6, c] + b7 * s[7, c]
                    )  # fmt: skip
        for l in range(BLOCK):
            b0, b1, b2, b3 = basis[l, 0], basis[l, 1], basis[l, 2], basis[l, 3]
            b4, b5, b6, b7 = basis[l, 4], basis[l, 5], basis[l, 6], basis[l, 7]
            for k in range(BLOCK):
                f = freq[l, k]
                for c in range(n_c):
                    f[c] = (
                        b0 * half[0, k, c] + b1 * half[1, k, c] + b2 * half[2, k, c]
                        + b3 * half[3, k, c] + b4 * half[4, k, c] + b5 * half[5, k, c]
                        + b6 * half[6, k, c] + b7 * half[7, k, c]
                    )  # fmt: skip
        # each window's threshold^2: the noise of the bin of its mean (DC / BLOCK)
        for c in range(n_c):
            mean = freq[0, 0, c] / BLOCK
            bin_ = min(max(int(mean * n_bins), 0), n_bins - 1) if mean == mean else 0
            limit[c] = noise[bin_]
        # garrote: c (1 - t^2 / c^2) above the threshold, the DC whole
        gains[:] = zero
        for l in range(BLOCK):
            for k in range(BLOCK):
                if l == 0 and k == 0:
                    continue
                f, share = freq[l, k], shape[l, k]
                for c in range(n_c):
                    g = max(one - share * limit[c] / max(f[c] * f[c], tiny), zero)
                    f[c] *= g
                    gains[c] += g * g
        # the window's share against the positions as they are: w / (w + keep)
        for c in range(n_c):
            skip = freq[0, 0, c] != freq[0, 0, c]  # (a NaN: the DC is NaN too)
            if cyclic:
                skip = skip or high_c[c] - low_c[c] > 0.5
            gains[c] = zero if skip else one / (one + keep * (one + gains[c]))
        # back: the columns', then the rows' inverse DCT
        for i in range(BLOCK):
            b0, b1, b2, b3 = basis[0, i], basis[1, i], basis[2, i], basis[3, i]
            b4, b5, b6, b7 = basis[4, i], basis[5, i], basis[6, i], basis[7, i]
            for k in range(BLOCK):
                h = half[i, k]
                for c in range(n_c):
                    h[c] = (
                        b0 * freq[0, k, c] + b1 * freq[1, k, c] + b2 * freq[2, k, c]
                        + b3 * freq[3, k, c] + b4 * freq[4, k, c] + b5 * freq[5, k, c]
                        + b6 * freq[6, k, c] + b7 * freq[7, k, c]
                    )  # fmt: skip
        for i in range(BLOCK):
            y = BLOCK * r - HALF + i
            if y < 0 or y >= height:
                continue
            h = half[i]
            for j in range(BLOCK):
                b0, b1, b2, b3 = basis[0, j], basis[1, j], basis[2, j], basis[3, j]
                b4, b5, b6, b7 = basis[4, j], basis[5, j], basis[6, j], basis[7, j]
                s = values[i, j]
                for c in range(n_c):
                    z = (
                        b0 * h[0, c] + b1 * h[1, c] + b2 * h[2, c] + b3 * h[3, c]
                        + b4 * h[4, c] + b5 * h[5, c] + b6 * h[6, c] + b7 * h[7, c]
                    )  # fmt: skip
                    w = gains[c]
                    s[c] = w * (z - s[c]) if w > zero else zero
            # the corrections along the picture's row: a window's 8 at a time (as read)
            v = values[i]
            for c in range(n_c):
                x = BLOCK * c
                line[x], line[x + 1], line[x + 2] = v[0, c], v[1, c], v[2, c]
                line[x + 3], line[x + 4], line[x + 5] = v[3, c], v[4, c], v[5, c]
                line[x + 6], line[x + 7] = v[6, c], v[7, c]
            # the answer: the position moved by its window's correction, on the map, and
            # its data value (``_kernels._inverse_norm``'s arithmetic)
            answer = out[y]
            count = 0
            for x in range(width):
                u = position[y, x] + line[x + HALF]
                if cyclic:
                    u -= math.floor(u)
                elif u < 0.0:
                    u = 0.0
                elif u > 1.0:
                    u = 1.0
                count += u != u
                answer[x] = low + u * span
            if kind == NORM_LOG:
                for x in range(width):
                    answer[x] = 10.0 ** answer[x]
            n_nan[r] += count
