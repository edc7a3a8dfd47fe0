"""Pictures from a lossy codec that is no JPEG: JPEG XL's VarDCT (and the like).

JPEG XL codes colors in XYB and quantizes its chroma-like channels (X, B) coarsely in
blocks of 8 to 32 pixels, then smooths the blocks away (Gaborish, edge-preserving
filter): no 8x8 grid, no 4:2:0 chroma for ``_plan``'s marks of JPEG to find. Its error
is large in chroma near edges and where a map turns (jet's and turbo's yellow and
orange: 40-130 DN off the map on photographs at distance 1-4), yet smooth from pixel to
pixel. Read with the noise model of resampling or white noise (``_plan``: 5 sigmas,
capped at 40 DN, blends of two neighbours), such pixels were holes: on 4 real fields x
6 maps (192^2, libjxl through imagecodecs, trial 46's t25) 0.48 / 1.32 / 3.02 % mean
at distance 1 / 2 / 4, up to 35 %, and 1.5-2.5x the k-d tree's error counted so.

What tells such a picture (:func:`smooth_lossy`): its residual (each pixel's distance
to the map) is noise-sized (LOSSY_NOISE) and correlated between neighbouring pixels
(LOSSY_CORRELATION) -- a codec's error is low-pass, where white noise's residual is
uncorrelated and resampling's lies on blends of neighbours, with no noise to speak of.
Some marks of JPEG (``_plan``: 8x8 blocks, the luma's grid) find JPEG XL too: its DCT8
blocks lie on an 8x8 grid. JPEG itself leaves a mark JPEG XL does not: a 4:4:4 JPEG's
chroma is each 8x8 block's DCT coefficients quantized, multiples of one step per
frequency, which 8-bit rounding moves by ~0.3 DN (:func:`chroma_lattice`); JPEG XL
codes its chroma in XYB, which no lattice of YCbCr's survives. A 4:2:0 JPEG's stored
chroma samples, recovered from the decoded 2x2 means, hold the lattice too (jet's moon
at q90-q95, which 4:2:0's model misses: 4.9-11 against JPEG XL's 1.9-2.9). Measured
(192^2, 4 real + 2 smooth fields x 5 maps), the lattice's z score: Pillow 4:4:4 JPEG
q50-q95 and OpenCV's q90 3.6-22 per channel (4.4 and more in the larger of Cb's and
Cr's); JPEG XL d1-d4 on real fields 0.6-3.3, on smooth ones up to 11 (a ramp's
coefficients are all one value: those keep JPEG's rules, where they leave no hole).
JPEG XL's coarse chroma can look 4:2:0'd too (turbo's grace_hopper and viridis' terrain
at distance 4: 4:2:0's model fits, marks of JPEG find them; 35 % and 5 % holes under
JPEG's rules): on pictures large enough for the lattice to show (LATTICE_420_BLOCKS)
its absence tells them as well, read at every phase of the 16-pixel coding unit
(``_lattice.lattice_any_phase``): a JPEG'd figure's panel starts off its file's grid.

Such pictures decode as JPEG'd ones do (luma-led positions, JPEG's filter), and their
off-map pixels are judged as speckle's are (``_speckle.speckle_off_map``): only what no
data can be -- strokes darker or brighter than every map color, with their edge. A
stroke in a color the map holds, or within its luma, reads as data there. A 4:4:4
JPEG cut off its own 8x8 grid shows no lattice where it is read: it is decoded so too.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._lattice import (
    LATTICE_420_BLOCKS, LATTICE_FIRST_BLOCKS, LATTICE_Z, chroma_lattice, lattice_any_phase,
)
from truepix.color._decolorize._palette import Polyline

__all__ = ["LOSSY_NOISE", "chroma_lattice", "residual_correlation", "smooth_lossy"]

#: A 4:2:0-looking picture's lattice is read on this many blocks first (1 MP terrain,
#: viridis and jet, Pillow JPEG q50-q90: z 5.4-6.6 there), then on LATTICE_FIRST_BLOCKS.
LATTICE_QUICK_BLOCKS = 64
#: The picture's noise (``_plan.noise_sigma``, DN) at least this. JPEG XL at distance
#: 1-4 on real fields: 1.1-10 DN (magma's moon at d1, 1.06 DN, holds no hole);
#: resampled pictures 0-1.06 DN.
LOSSY_NOISE = 1.0
#: ... and the correlation of horizontally neighbouring pixels' residuals (DN, both
#: within the threshold) at least this. Measured on 4 real + 2 smooth fields x 5 maps
#: (192^2), of the residual vector: JPEG XL d1 0.23-0.82, d4 0.44-0.90; white noise
#: 2 DN 0.00-0.13; OpenCV linear 0.5x / cubic 2x -0.48-0.31 (with noise <= 1.06).
LOSSY_CORRELATION = 0.2
#: ... and its residual no shift of the map's colors (:func:`shift_share` at most
#: SHIFTED; SHIFT_BINS bins of position): a gamma, TV range or brightness change moves
#: every color of a stretch of the map one way, a codec's error either way. Measured
#: (192^2, 4 real + 2 smooth fields x 5 maps): gamma 2.2 -> 1.8, TV range 16-235 and
#: +4 DN 0.95-1.00; JPEG XL d1-d4 0.01-0.37.
SHIFTED = 0.6
SHIFT_BINS = 32
def residual_correlation(
    codes: np.ndarray, shape: tuple[int, ...], max_code: int, kept: Any = slice(None)
) -> float:  # fmt: skip
    """Correlation of horizontally neighbouring pixels' residuals (DN), both within
    ``max_code`` and ``kept`` (a mask of the flat sample; a figure's margin is not),
    on a (rows, columns) sample of packed ``codes``."""
    steps = (codes >> kernels.RESIDUAL_SHIFT).reshape(shape[:2])
    counted = steps <= max_code
    if not isinstance(kept, slice):
        counted &= kept.reshape(shape[:2])
    left, right = steps[:, :-1], steps[:, 1:]
    kept = counted[:, :-1] & counted[:, 1:]
    if np.count_nonzero(kept) < 2:
        return 0.0
    a = left[kept].astype(np.float64)
    b = right[kept].astype(np.float64)
    a -= a.mean()
    b -= b.mean()
    norm = np.sqrt((a * a).sum() * (b * b).sum())
    return float((a * b).sum() / norm) if norm > 0 else 0.0


def shift_share(
    flat: np.ndarray, scale: float, codes: np.ndarray, max_code: int, line: Polyline,
    kept: Any = slice(None),
) -> float:  # fmt: skip
    """How much of the residual is one shift of the map's colors: per bin of position
    (SHIFT_BINS), the squared mean residual vector (RGB, DN) over the mean squared
    residual, weighted by the pixels in it. 1 for a color shift that depends on the
    position alone, about 0 for noise or a codec's error, of either sign."""
    counted = (codes >> kernels.RESIDUAL_SHIFT) <= max_code
    if not isinstance(kept, slice):
        counted &= kept
    rows = np.flatnonzero(counted)
    if len(rows) < SHIFT_BINS:
        return 0.0
    at = (codes[rows] & kernels.POS_MASK) * (line.n_bins / kernels.POS_SCALE)
    # (np.interp's search walks on from the last position: sorted, the same colors, ~4k
    # of a JPEG'd megapixel's sample in 0.15 ms, not 0.45; equal positions, equal colors)
    order = np.argsort(at)
    colors = np.empty((len(at), 3))
    colors[order] = line.colors_at(at[order])
    residual = flat[rows, :3] * scale - colors
    bins = np.minimum((at * (SHIFT_BINS / line.n_bins)).astype(np.intp), SHIFT_BINS - 1)
    counts = np.bincount(bins, minlength=SHIFT_BINS).astype(np.float64)
    sums = np.stack([np.bincount(bins, residual[:, k], SHIFT_BINS) for k in range(3)], 1)
    squared = residual[:, 0] ** 2 + residual[:, 1] ** 2 + residual[:, 2] ** 2  # (sum(axis=1)'s)
    squares = np.bincount(bins, squared, SHIFT_BINS).sum()
    shifted = ((sums**2).sum(axis=1) / np.maximum(counts, 1.0)).sum()
    return float(shifted / squares) if squares > 0 else 0.0


def smooth_lossy(
    pixels: np.ndarray, sample: np.ndarray, scale: float, codes: np.ndarray, max_code: int,
    noise: float, kept: Any, line: Polyline, jpeg: bool, chroma_420: bool,
) -> bool:  # fmt: skip
    """Whether a picture is a lossy codec's, no JPEG's (see the module): ``codes`` of its
    (rows, columns, C) ``sample`` (``kept``: see :func:`residual_correlation`), its
    ``noise`` sigma (DN), the map's ``line``; whether marks of JPEG found it (``jpeg``),
    and 4:2:0's model explains its chroma better than the map (``chroma_420``)."""
    if noise < LOSSY_NOISE:
        return False
    # (4:2:0's model fits JPEG XL's coarse chroma too: the lattice tells them apart
    # where it can show, on LATTICE_420_BLOCKS blocks of 2x2 means at least)
    subsampled = jpeg and chroma_420
    if subsampled and (pixels.shape[0] // 16) * (pixels.shape[1] // 16) < LATTICE_420_BLOCKS:
        return False
    # (most such pictures are JPEGs: a few blocks prove it, before the costlier tests)
    for blocks in (LATTICE_QUICK_BLOCKS, LATTICE_FIRST_BLOCKS) if subsampled else ():
        if chroma_lattice(pixels, scale, enough=LATTICE_Z, subsampled_first=True,
                          blocks=blocks) >= LATTICE_Z:  # fmt: skip
            return False
    if residual_correlation(codes, sample.shape, max_code, kept) < LOSSY_CORRELATION:
        return False
    flat = sample.reshape(-1, sample.shape[-1])
    if shift_share(flat, scale, codes, max_code, line, kept) > SHIFTED:
        return False
    # (JPEG's, whatever marks found or missed it; 4:2:0's model fits JPEG XL's chroma too)
    lattice = chroma_lattice(pixels, scale, enough=LATTICE_Z, subsampled_first=chroma_420)
    if lattice >= LATTICE_Z or (subsampled and lattice == 0.0):  # (0: none read)
        return False
    if not subsampled:
        return True
    # (a 4:2:0 JPEG cut off its grid, a figure's panel: the lattice where its blocks lie)
    scan, (top, left) = lattice_any_phase(pixels, scale, LATTICE_FIRST_BLOCKS, LATTICE_Z)
    if scan >= LATTICE_Z:
        return False
    return chroma_lattice(pixels[top:, left:], scale, enough=LATTICE_Z,
                          subsampled_first=True) < LATTICE_Z  # fmt: skip
