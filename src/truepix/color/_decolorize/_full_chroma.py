"""The spatial filter of JPEG'd pictures whose chroma is at full resolution (4:4:4).

4:4:4 JPEG (Pillow ``subsampling=0``, Photoshop's and GIMP's high quality, OpenCV's
``IMWRITE_JPEG_SAMPLING_FACTOR_444``) keeps each pixel's chroma, quantized in the same
8x8 blocks as luma with the coarser chroma table but not averaged over 2x2 pixels:
chroma's detail is the map's (``_plan.DETAIL_RATIO``'s test reads 1.0 or more), which
kept every 4:4:4 picture on the planes (``_filter.plane_wiener``). On textured fields
what the positions err by is JPEG's quantization of each 8x8 block, luma's and
chroma's, which the DCT shrinkage in windows halfway between JPEG's blocks
(``_deblock``) smooths better; smooth fields keep the planes, which smooth their
blocks best (:func:`fine_texture` tells them apart). 4:4:4 is told from 4:2:0 by
chroma's 8x8 grid in its blocks' DCT (``_grid.chroma_grid``) and, where chroma has too
little detail for that (smooth fields, the moon: decoded as 4:2:0 before, chroma
weighted 0.1), by where its blocks' edges fall (:func:`chroma_phase`: every 8 pixels,
not every 16).

Measured with benchmarks/colormaps.py's 12 maps x terrain, camera, astronaut, moon
(256^2, Pillow 4:4:4), mean error / the k-d tree's at q90 / q75 / q50 and how many
of the 48 pictures have a p99 worse than the k-d tree's: before (planes, chroma_grid
alone) 0.935 / 0.940 / 0.946 (1, 4, 7); the shrinkage on textured fields 0.919 /
0.919 / 0.929 (2, 3, 4); with :func:`chroma_phase` too 0.912 / 0.916 / 0.926 (2, 2, 2);
smooth fields 0.495 / 0.488 / 0.534 -> 0.457 / 0.458 / 0.496; 4:2:0 pictures as before.
The shrinkage at FULL_TEXTURE_SHARE 1.0 / 1.4 / 2.0 on every 4:4:4 picture: 0.912 /
0.929 / 0.941, 0.911 / 0.923 / 0.935, 0.917 / 0.919 / 0.929 (smooth fields there 0.64 /
0.71 / 0.78, hence the texture test). Chroma weighted 0.15 or 0.5 instead of 0.3
(``_plan.JPEG_FULL_CHROMA_WEIGHT``) with the shrinkage: 0.924 / 0.919 / 0.931 and 0.926 /
0.931 / 0.939. What is left is no filter's: the best of Gaussian (sigma 0.5-1) and TV
(Chambolle, weight 0.001-0.016) filters on each picture, chosen by its truth, takes 6
maps' 0.913 / 0.903 / 0.913 to 0.905 / 0.890 / 0.894. 4:4:4 helps the k-d tree most:
its error at q75 falls from 1.34 % (4:2:0) to 0.98 %, the default call's from 1.07 to
0.92 % (before this module). The boxes of a 4:4:4 picture's DCT coefficients (its
quantization tables, recomputed from its pixels) already hold 99.5-99.9 % of the
decoded answers' coefficients: alternating projections onto them and the map (viridis,
jet; q75) 0.921 -> 0.922, with a Gaussian prior between them worse.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix._validate import readonly
from truepix.color._decolorize._deblock import luma_blocks
from truepix.color._decolorize._grid import chroma_grid
from truepix.color._decolorize._vertex import _JIT

__all__ = ["chroma_phase", "full_chroma", "full_chroma_filter", "fine_texture"]

#: RGB -> Cb, Cr as JPEG (JFIF) computes them.
_CHROMA_32 = np.array(
    [[-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]], dtype=np.float32
)
#: Frequencies (row-major 8x8) past the first order.
_FINE = np.add.outer(np.arange(8), np.arange(8)).ravel() >= 2
#: :func:`chroma_phase` reads the central square of at most this side.
PHASE_SIDE = 256
#: A JPEG'd picture whose chroma shows no 8x8 grid in its blocks' DCT (``_grid.chroma_grid``:
#: weak chroma, smooth fields) is 4:4:4 when its chroma jumps across the 8-pixel block
#: boundaries halfway between 16-pixel ones at least PHASE_RATIO as much as across those
#: (:func:`chroma_phase`), these at least PHASE_JUMP times as much as inside a block.
#: 11 maps x 5 fields x q50-q95 (256^2, Pillow): 4:4:4 pictures that ``chroma_grid`` misses
#: (smooth fields, the moon) 0.95-1.14 / 1.30-16; 4:2:0 ones at most 0.71 where they jump
#: 1.3 times or more (smooth fields: 0.6-0.71 / 1.9-2.6), 0.75-1.00 on the astronaut at
#: q90-q95 (texture masks the blocks: 1.20-1.29, at most 1.22 where 0.9 or more); exact
#: renders 1.00-1.08 times.
PHASE_RATIO = 0.9
PHASE_JUMP = 1.26

#: A 4:4:4 picture is a textured field when TEXTURE_SHARE of its luma blocks' AC norm past
#: the first order (:func:`fine_texture`, DN) lies below this. 11 maps x q50-q95 (256^2):
#: smooth fields 3-11, the moon 21-70, terrain 58-150. (The median AC norm of every
#: order, ``_deblock.luma_texture``: smooth fields 0-14, the moon 8-26.)
FULL_TEXTURE = 16.0
TEXTURE_SHARE = 0.9
TEXTURE_SIDE = 256
#: ... and the shrinkage assumes this share of the JPEG filter's noise
#: (``_plan.JPEG_TEXTURE_SHARE`` on 4:2:0 pictures).
FULL_TEXTURE_SHARE = 2.0


def full_chroma(pixels: np.ndarray, grid: float) -> bool:
    """Whether a JPEG'd picture's chroma is at full resolution (4:4:4): its blocks' DCT
    shows the 8x8 grid (``chroma_grid`` past ``grid``), or its chroma's jumps do
    (:func:`chroma_phase`: PHASE_RATIO, PHASE_JUMP)."""
    if chroma_grid(pixels) > grid:
        return True
    ratio, jump = chroma_phase(pixels)
    return ratio >= PHASE_RATIO and jump >= PHASE_JUMP


def full_chroma_filter(pixels: np.ndarray, smoothing: float, discrete: bool) -> tuple[float, bool]:
    """The noise (sigma, DN) the filter of a 4:4:4 JPEG'd picture assumes, and whether
    the DCT shrinkage alone filters it (``Plan.dct``), from the JPEG filter's
    ``smoothing``: textured fields (:func:`fine_texture` past FULL_TEXTURE) the
    shrinkage; a discrete map's pictures keep theirs (no positions between its bins
    to smooth: no shrinkage)."""
    if discrete or fine_texture(pixels) <= FULL_TEXTURE:
        return smoothing, False
    return FULL_TEXTURE_SHARE * smoothing, True


def fine_texture(pixels: np.ndarray) -> float:
    """The TEXTURE_SHARE quantile of luma's 8x8 blocks' AC norm (DN) past the first
    order (frequencies u + v >= 2: a smooth field's blocks are ramps), on JPEG's grid
    from the top left, in the central square of side at most TEXTURE_SIDE."""
    coefficients = luma_blocks(pixels, TEXTURE_SIDE)[:, _FINE]
    if not len(coefficients):
        return 0.0
    return float(np.quantile(np.sqrt(np.sum(coefficients**2, axis=1)), TEXTURE_SHARE))


def chroma_phase(pixels: np.ndarray) -> tuple[float, float]:
    """Where JPEG's chroma blocks end: how much more chroma jumps across the picture's
    8-pixel block boundaries halfway between 16-pixel ones than between two pixels
    inside a block, over how much more it jumps across the 16-pixel ones (1 on 4:4:4,
    whose chroma blocks are 8 pixels; near 0 on 4:2:0, whose are 16, upsampled); and
    how many times as much it jumps across the 16-pixel boundaries as inside (JPEG's
    blocks show: the ratio tells something). Rows and columns of the central square
    of side at most PHASE_SIDE (a multiple of 16 from the picture's top left)."""
    height, width = pixels.shape[:2]
    side_y, side_x = min(height, PHASE_SIDE) // 16 * 16, min(width, PHASE_SIDE) // 16 * 16
    if min(side_y, side_x) < 32:
        return 0.0, 1.0
    top, left = (height - side_y) // 32 * 16, (width - side_x) // 32 * 16
    crop = readonly(pixels[top : top + side_y, left : left + side_x])  # (one compile)
    steps = np.zeros(side_y - 1 + side_x - 1)  # (between rows, then between columns)
    _chroma_steps(crop, _CHROMA_32, steps)
    jumps = np.zeros(3)  # (8-pixel, 16-pixel boundaries, inside)
    for step in (steps[: side_y - 1], steps[side_y - 1 :]):
        at = np.arange(1, len(step) + 1) % 16  # (the boundary before pixel ``at``)
        jumps += step[at == 8].mean(), step[at == 0].mean(), step[at % 8 != 0].mean()
    excess = jumps[1] - jumps[2]
    ratio = float((jumps[0] - jumps[2]) / excess) if excess > 0 else 0.0
    return ratio, float(jumps[1] / max(jumps[2], 1e-9))


@nb.njit(**_JIT)
def _chroma_steps(crop, weights, steps):  # pragma: no cover - jitted
    """How much (Cb, Cr) jumps between neighbours of a (H, W, C) uint8 ``crop`` (|dCb| +
    |dCr|, float32 as JPEG's ``weights`` make them), averaged along each boundary:
    ``steps[:H - 1]`` between rows y - 1 and y, ``steps[H - 1:]`` between columns (one
    pass over the crop, where the array expression made 10 megapixel-sized passes:
    256^2, ~0.5 -> ~0.1 ms)."""
    height, width = crop.shape[0], crop.shape[1]
    chroma = np.empty((2, height, width), np.float32)
    for y in range(height):
        for x in range(width):
            r, g, b = np.float32(crop[y, x, 0]), np.float32(crop[y, x, 1]), crop[y, x, 2]
            b = np.float32(b)
            chroma[0, y, x] = weights[0, 0] * r + weights[0, 1] * g + weights[0, 2] * b
            chroma[1, y, x] = weights[1, 0] * r + weights[1, 1] * g + weights[1, 2] * b
    across = np.zeros(width - 1)  # (between columns x and x + 1, summed down the rows)
    for y in range(height):
        cb, cr = chroma[0, y], chroma[1, y]
        for x in range(width - 1):
            across[x] += abs(cb[x + 1] - cb[x]) + abs(cr[x + 1] - cr[x])
        if y > 0:
            total = 0.0
            above_b, above_r = chroma[0, y - 1], chroma[1, y - 1]
            for x in range(width):
                total += abs(cb[x] - above_b[x]) + abs(cr[x] - above_r[x])
            steps[y - 1] = total / width
    for x in range(width - 1):
        steps[height - 1 + x] = across[x] / height
