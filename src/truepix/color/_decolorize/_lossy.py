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
at q90-q95, which 4:2:0's model misses: 4.9-11 against JPEG XL's 1.9-2.9). Measured (192^2, 4 real + 2 smooth
fields x 5 maps), the lattice's z score: Pillow 4:4:4 JPEG q50-q95 and OpenCV's q90
3.6-22 per channel (4.4 and more in the larger of Cb's and Cr's); JPEG XL d1-d4 on
real fields 0.6-3.3, on smooth ones up to 11 (a ramp's coefficients are all one value:
those keep JPEG's rules, where they leave no hole).

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
from truepix.color._decolorize._palette import Polyline

__all__ = ["LOSSY_NOISE", "chroma_lattice", "residual_correlation", "smooth_lossy"]

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
#: The chroma lattice's z score (:func:`chroma_lattice`) that proves a JPEG.
LATTICE_Z = 4.0
#: Its quantization steps tried (DN, orthonormal 8x8 DCT: JPEG's chroma table at q50-q95
#: scales 17-99 by 0.1-1), the share of a step a coefficient read lies off zero at
#: least, how many must be read, and the central blocks read at most.
LATTICE_STEPS = np.arange(2.0, 41.0)
LATTICE_OFF_ZERO = 0.5
LATTICE_MIN_COEFFICIENTS = 16
LATTICE_BLOCKS = 1024
#: Cb and Cr (JFIF), offsets left out.
_CHROMA = (np.array([-0.168736, -0.331264, 0.5]), np.array([0.5, -0.418688, -0.081312]))


def _dct_matrix() -> np.ndarray:
    index = np.arange(8)
    basis = np.cos(np.pi * (2 * index[None, :] + 1) * index[:, None] / 16) * np.sqrt(2 / 8)
    basis[0] /= np.sqrt(2)
    return basis


_DCT = _dct_matrix()


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


def chroma_lattice(pixels: np.ndarray, scale: float) -> float:
    """How firmly the chroma's DCT blocks hold coefficients on a quantization lattice:
    the larger of the 4:4:4 reading (8x8 blocks of pixels) and the 4:2:0 one (8x8 blocks
    of 2x2 means, libjpeg's fancy upsampling undone: :func:`_subsampled`), at the
    picture's own grid. Per reading the largest z score ``sum(cos(2 pi c / step)) /
    sqrt(n)`` over Cb and Cr, frequencies and steps (LATTICE_STEPS), of the n
    coefficients c at least LATTICE_OFF_ZERO steps off zero (zeros sit on any lattice),
    where n >= LATTICE_MIN_COEFFICIENTS; about N(0, 0.7) where no lattice holds them.
    The central LATTICE_BLOCKS blocks at most are read."""
    height, width = pixels.shape[:2]
    if height < 32 or width < 32 or pixels.shape[-1] < 3:
        return 0.0
    best = 0.0
    for channel in _CHROMA:
        plane = pixels[..., :3].astype(np.float64) @ (channel * scale)
        best = max(best, _lattice_z(plane), _lattice_z(_subsampled(plane)))
    return best


def _subsampled(plane: np.ndarray) -> np.ndarray:
    """The chroma samples a 4:2:0 JPEG stored, from its decoded ``plane``: the 2x2 means,
    which libjpeg's fancy upsampling (3/4 of the nearer sample, 1/4 of the farther, each
    way) made the samples filtered by [1, 6, 1] / 8 each way, deconvolved (the filter's
    gain is 0.5 or more: no noise grows more than 4x), mirrored at the edges."""
    height, width = plane.shape[0] // 2 * 2, plane.shape[1] // 2 * 2
    means = plane[:height, :width].reshape(height // 2, 2, width // 2, 2).mean(axis=(1, 3))
    mirrored = np.pad(means, ((0, means.shape[0]), (0, means.shape[1])), mode="symmetric")
    gain_y = (6 + 2 * np.cos(2 * np.pi * np.fft.fftfreq(mirrored.shape[0]))) / 8
    gain_x = (6 + 2 * np.cos(2 * np.pi * np.fft.fftfreq(mirrored.shape[1]))) / 8
    samples = np.fft.ifft2(np.fft.fft2(mirrored) / (gain_y[:, None] * gain_x[None, :]))
    return np.real(samples)[: means.shape[0], : means.shape[1]]


def _lattice_z(plane: np.ndarray) -> float:
    """The lattice z score (:func:`chroma_lattice`) of one plane's central 8x8 blocks."""
    side = int(np.sqrt(LATTICE_BLOCKS))
    n_y, n_x = min(plane.shape[0] // 8, side), min(plane.shape[1] // 8, side)
    if n_y * n_x == 0:
        return 0.0
    top, left = (plane.shape[0] // 8 - n_y) // 2 * 8, (plane.shape[1] // 8 - n_x) // 2 * 8
    crop = plane[top : top + 8 * n_y, left : left + 8 * n_x]
    blocks = crop.reshape(n_y, 8, n_x, 8).transpose(0, 2, 1, 3)
    values = (_DCT @ blocks @ _DCT.T).reshape(-1, 64)[:, 1:]
    read = np.abs(values)[..., None] >= LATTICE_OFF_ZERO * LATTICE_STEPS
    sums = np.where(read, np.cos((2 * np.pi) * values[..., None] / LATTICE_STEPS), 0.0)
    counts = read.sum(axis=0)
    scores = sums.sum(axis=0) / np.sqrt(np.maximum(counts, 1))
    return float(scores[counts >= LATTICE_MIN_COEFFICIENTS].max(initial=0.0))


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
    residual = flat[rows, :3] * scale - line.colors_at(at)
    bins = np.minimum((at * (SHIFT_BINS / line.n_bins)).astype(np.intp), SHIFT_BINS - 1)
    counts = np.bincount(bins, minlength=SHIFT_BINS).astype(np.float64)
    sums = np.stack([np.bincount(bins, residual[:, k], SHIFT_BINS) for k in range(3)], 1)
    squares = np.bincount(bins, (residual**2).sum(axis=1), SHIFT_BINS).sum()
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
    if noise < LOSSY_NOISE or (jpeg and chroma_420):
        return False
    if residual_correlation(codes, sample.shape, max_code, kept) < LOSSY_CORRELATION:
        return False
    flat = sample.reshape(-1, sample.shape[-1])
    if shift_share(flat, scale, codes, max_code, line, kept) > SHIFTED:
        return False
    return chroma_lattice(pixels, scale) < LATTICE_Z  # (JPEG's, whatever marks missed it)
