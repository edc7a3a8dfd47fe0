"""JPEG's chroma lattice: what tells a JPEG from another lossy codec (``_lossy``).

A 4:4:4 JPEG's chroma is each 8x8 block's DCT coefficients quantized, multiples of one
step per frequency, which 8-bit rounding moves by ~0.3 DN (:func:`chroma_lattice`);
JPEG XL codes its chroma in XYB, which no lattice of YCbCr's survives. A 4:2:0 JPEG's
stored chroma samples, recovered from the decoded 2x2 means (:func:`_samples`), hold
the lattice too.

:func:`chroma_lattice` reads the lattice from the picture's top left: a JPEG file's
blocks start there. A picture cut from a JPEG'd one's do not: a figure's panel, whose
data area starts wherever the axes were drawn (a seaborn heatmap at JPEG q75: panel at
(90, 63), its coding units 6 columns and 1 row in) read z 2.1 at its top left and 9.8
at its blocks' phase; taken for JPEG XL, its grid was lost (issue 11; lossy's
revert). :func:`lattice_any_phase` reads all 256 phases of 4:2:0's 16-pixel coding
unit: the four of the 2x2 means, each deconvolved once, by the 64 of 8x8 blocks of
means, each phase one histogram of its coefficients (``_COARSE``) against the steps'
cosines, not a cosine per coefficient and step. The largest of 256 readings is a
higher z where no lattice holds: measured (208^2, 4 real fields x 3 maps, 144 blocks;
``benchmarks/lossy/lattice_phase.py``) JPEG XL d1-d4 2.8-3.6, Pillow 4:2:0 JPEG q50-q95
cut 5 rows and 11 columns in 4.4-8.4 (1.8-2.6 at their top left), each at its blocks'
phase.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._lattice_kernels import lattice_plane, lattice_score

__all__ = [
    "LATTICE_420_BLOCKS", "LATTICE_FIRST_BLOCKS", "LATTICE_Z", "PHASES", "STROKES_420",
    "chroma_lattice", "chroma_planes", "lattice_any_phase", "phase_cut", "phase_fit",
    "phase_medians", "strokes_420",
]

#: The chroma lattice's z score (:func:`chroma_lattice`) that proves a JPEG.
LATTICE_Z = 4.0
#: Its quantization steps tried (DN, orthonormal 8x8 DCT: JPEG's chroma table at q50-q95
#: scales 17-99 by 0.1-1), the share of a step a coefficient read lies off zero at
#: least, how many must be read, and the central blocks read at most.
LATTICE_STEPS = np.arange(2.0, 41.0)
LATTICE_OFF_ZERO = 0.5
LATTICE_MIN_COEFFICIENTS = 16
LATTICE_BLOCKS = 1024
#: Where marks of JPEG found a picture and 4:2:0's model explains its chroma (as it
#: explains JPEG XL's, whose X and B are coded coarsely: turbo's grace_hopper at distance
#: 4 read as JPEG, 35 % holes), the lattice is asked only with this many 8x8 blocks of
#: 2x2 means (192^2 pixels): Pillow 4:2:0 JPEG q50-q95 of 9 fields x 6 maps below
#: LATTICE_Z at 128^2 28 of 216, 160^2 10, 176^2 7, 192^2 2 (jet's brick 3.6 at q75, a
#: ramp's, whose chroma quantized to zero: nothing read), 256^2 none (min 5.1).
LATTICE_420_BLOCKS = 144
#: ... where it is read on this many blocks first (192^2 pixels: the Pillow 4:2:0 JPEGs
#: above all but 2 of 216 past LATTICE_Z), and on LATTICE_BLOCKS only if that is short.
LATTICE_FIRST_BLOCKS = 144
#: :func:`_lattice_z` sums the occupied bins' cosines in float64 (``_lattice_kernels``:
#: 10x faster on 64 blocks); numpy's dense float32 sums, within ~1e-6 of them, answer
#: where a score lies within this of LATTICE_Z or of 0 ("none read", ``_lossy``), so
#: that every comparison its callers make comes out as before (8640 readings of JPEG'd
#: fields, 64-1024 blocks: one 3e-8 read as 0.0, none within 5e-4 of LATTICE_Z).
LATTICE_DENSE_NEAR = 1e-3
#: Pixels kept around the blocks read (:func:`_central`): the deconvolution of
#: :func:`_samples` reaches ~0.17 of a sample's value one sample on, 1e-6 eight on.
LATTICE_MARGIN = 16
#: Cb and Cr (JFIF), offsets left out.
_CHROMA = (np.array([-0.168736, -0.331264, 0.5]), np.array([0.5, -0.418688, -0.081312]))


def _dct_matrix() -> np.ndarray:
    index = np.arange(8)
    basis = np.cos(np.pi * (2 * index[None, :] + 1) * index[:, None] / 16) * np.sqrt(2 / 8)
    basis[0] /= np.sqrt(2)
    return basis


_DCT = _dct_matrix()


def chroma_lattice(
    pixels: np.ndarray, scale: float, *, enough: float = np.inf, subsampled_first: bool = False,
    blocks: int = LATTICE_BLOCKS,
) -> float:  # fmt: skip
    """How firmly the chroma's DCT blocks hold coefficients on a quantization lattice:
    the larger of the 4:4:4 reading (8x8 blocks of pixels) and the 4:2:0 one (8x8 blocks
    of 2x2 means, libjpeg's fancy upsampling undone: :func:`_samples`), at the
    picture's own grid. Per reading the largest z score ``sum(cos(2 pi c / step)) /
    sqrt(n)`` over Cb and Cr, frequencies and steps (LATTICE_STEPS), of the n
    coefficients c at least LATTICE_OFF_ZERO steps off zero (zeros sit on any lattice),
    where n >= LATTICE_MIN_COEFFICIENTS; about N(0, 0.7) where no lattice holds them.
    The central ``blocks`` blocks at most are read (:func:`_central`). The first
    reading at least ``enough`` is returned (the 4:2:0 ones first if
    ``subsampled_first``): a caller that asks whether a lattice holds reads no more."""
    height, width = pixels.shape[:2]
    if height < 32 or width < 32 or pixels.shape[-1] < 3:
        return 0.0
    rgb = _central(pixels, blocks)[..., :3]
    readings = [(subsampled, channel) for subsampled in (False, True) for channel in (0, 1)]
    best, full, means = 0.0, None, None
    for subsampled, channel in sorted(readings, key=lambda read: read[0] != subsampled_first):
        chroma = (_CHROMA[channel] * scale).astype(np.float32)
        if subsampled:
            means = _means(rgb) if means is None else means
            plane = _samples(_plane(means, chroma))
        else:
            full = rgb.astype(np.float32) if full is None else full
            plane = _plane(full, chroma)
        best = max(best, _lattice_z(plane, blocks))
        if best >= enough:
            break
    return best


#: A picture of a colorless map (gray) is 4:2:0 where its chroma -- all of it the
#: strokes' -- is what the decoder upsampled from 2x2 samples: libjpeg's fancy upsampling
#: of the samples its 2x2 means give back (:func:`_samples`) within this share of the
#: chroma's spread (:func:`strokes_420`). fBm imshow figures (gray, 256^2 in a 640x480
#: figure, contours red / cyan / green / magenta, Pillow q50-q95, cv2 q50-q75): 4:2:0
#: 0.024-0.037 at its phase (0.065-0.23 at the other three), 4:2:2 0.12-0.33, 4:4:4
#: 0.24-0.57. Chroma's 4:2:0 test (``_chroma_test``) compares the map's chroma with
#: its model's, the same zero on a gray map: it said 4:2:0 by rounding or not at all.
STROKES_420 = 0.08
#: ... read where its chroma spreads at least this much (DN, mean absolute deviation).
STROKES_420_SPREAD = 0.5


def strokes_420(pixels: np.ndarray, scale: float) -> bool:
    """Whether the chroma of ``pixels`` ((rows, columns, 3|4), a colorless map's
    picture, DN times ``scale``) is 4:2:0's at one of the 2x2 phases (STROKES_420):
    the central window that :func:`chroma_lattice` reads."""
    window = _central(pixels, LATTICE_BLOCKS)
    if min(window.shape[:2]) < 32 or window.shape[-1] < 3:
        return False
    rgb = window[..., :3].astype(np.float32) * np.float32(scale)
    for dy, dx in PHASES:
        error, spread, size = phase_fit(rgb, dy, dx)
        if spread >= STROKES_420_SPREAD * size and error <= STROKES_420 * spread:
            return True
    return False


#: 4:2:0's 2x2 phases: (rows, columns) from a picture's top left where its blocks start.
PHASES = ((0, 0), (0, 1), (1, 0), (1, 1))


def chroma_planes(rgb: np.ndarray) -> tuple[np.ndarray, ...]:
    """Cb and Cr (offsets left out) of ``rgb`` ((rows, columns, 3) float32 DN), which
    :func:`phase_fit` reads at each phase: computed once for the four, each pixel's the
    same bits (``_phase420.chroma_phase``: 8 planes -> 2)."""
    return tuple(_plane(rgb, channel.astype(np.float32)) for channel in _CHROMA)


def phase_cut(shape: tuple[int, ...], dy: int, dx: int) -> tuple[slice, slice]:
    """The rows and columns of a window of ``shape`` whose 2x2 blocks start at (dy, dx)."""
    return np.s_[dy : dy + (shape[0] - dy) // 2 * 2, dx : dx + (shape[1] - dx) // 2 * 2]


def phase_medians(plane: np.ndarray) -> dict[tuple[int, int], np.floating]:
    """``np.median(plane[phase_cut(...)])`` for each of PHASES, the same value, from one
    sort of ``plane`` (2-D) instead of a partition per phase: the cuts differ from the
    whole by a row and a column at most, so each cut's middle values lie within that many
    places of the whole's (``_ranked``). (A NaN anywhere, an empty cut: numpy's own.)"""
    ordered = np.sort(plane, axis=None)
    out = {}
    for dy, dx in PHASES:
        cut = phase_cut(plane.shape, dy, dx)
        outside = np.ones(plane.shape, dtype=bool)
        outside[cut] = False
        removed = np.sort(plane[outside])
        n = len(ordered) - len(removed)
        if n == 0 or np.isnan(ordered[-1]):  # (numpy's NaN, and its warnings)
            out[(dy, dx)] = np.median(plane[cut])
            continue
        ranks = (n // 2 - 1, n // 2) if n % 2 == 0 else (n // 2,)
        middle = np.array([_ranked(ordered, removed, k) for k in ranks], dtype=plane.dtype)
        out[(dy, dx)] = np.median(middle)  # (numpy's mean of its two middle values)
    return out


def _ranked(ordered: np.ndarray, removed: np.ndarray, k: int) -> np.floating:
    """The ``k``-th smallest (from 0) of sorted ``ordered`` less the values of sorted
    ``removed`` (each once, a sub-multiset of it): the first value of ``ordered`` with
    ``k + 1`` values at or below it once ``removed``'s are taken away, among its places
    k to k + len(removed)."""
    window = ordered[k : k + len(removed) + 1]
    below = np.searchsorted(ordered, window, "right") - np.searchsorted(removed, window, "right")
    return window[int(np.argmax(below >= k + 1))]


def phase_fit(
    rgb: np.ndarray, dy: int, dx: int, planes: tuple[np.ndarray, ...] | None = None,
    medians: tuple[np.floating, ...] | None = None,
) -> tuple[float, float, int]:  # fmt: skip
    """How far the chroma of ``rgb`` ((rows, columns, 3) float32 DN) is from libjpeg's
    fancy upsampling of its own 2x2 means' samples with the blocks at (``dy``, ``dx``):
    the absolute error and the chroma's spread (absolute deviation from its median),
    each summed over Cb and Cr inside the window's 4-pixel edge, and the pixels of
    one plane read there. ``planes``: :func:`chroma_planes` of ``rgb``, when known;
    ``medians``: the phase's :func:`phase_medians` of each, when known."""
    cut = phase_cut(rgb.shape, dy, dx)
    planes = chroma_planes(rgb[cut]) if planes is None else tuple(p[cut] for p in planes)
    medians = tuple(np.median(p) for p in planes) if medians is None else medians
    error, spread = 0.0, 0.0
    inner = np.s_[4:-4, 4:-4]  # (the window's edges: no samples past them)
    for plane, median in zip(planes, medians):
        means = (plane[0::2, 0::2] + plane[1::2, 0::2] + plane[0::2, 1::2]
                 + plane[1::2, 1::2]) * np.float32(0.25)  # fmt: skip
        error += float(np.abs(plane - _samples(means, upsample=True))[inner].sum())
        spread += float(np.abs(plane - median)[inner].sum())
    return error, spread, int(plane[inner].size)


def _upsampled(samples: np.ndarray) -> np.ndarray:
    """libjpeg's fancy upsampling of a chroma plane's ``samples``, 2x each way (3/4 of
    the nearer sample, 1/4 of the farther; the edge sample repeated past the edge)."""
    for axis in (0, 1):
        plane = np.moveaxis(samples, axis, 0)
        before = np.concatenate([plane[:1], plane[:-1]])
        after = np.concatenate([plane[1:], plane[-1:]])
        doubled = np.empty((2 * len(plane),) + plane.shape[1:], dtype=plane.dtype)
        doubled[0::2] = 0.75 * plane + 0.25 * before
        doubled[1::2] = 0.75 * plane + 0.25 * after
        samples = np.moveaxis(doubled, 0, axis)
    return samples


def _central(pixels: np.ndarray, blocks: int) -> np.ndarray:
    """The central window of ``pixels`` that :func:`_lattice_z` reads (``blocks`` 8x8
    blocks of 2x2 means, with LATTICE_MARGIN pixels around), cut on the picture's own
    16-pixel grid: the FFT that deconvolved 4:2:0's samples over a 4 MP picture cost ~1 s."""
    side = 16 * int(np.sqrt(blocks)) + 2 * LATTICE_MARGIN
    height, width = pixels.shape[:2]
    top = max(height - side, 0) // 32 * 16
    left = max(width - side, 0) // 32 * 16
    return pixels[top : top + side, left : left + side]


def _plane(rgb: np.ndarray, chroma: np.ndarray) -> np.ndarray:
    """``rgb`` (rows, columns, 3) weighted by ``chroma`` (3,), channel by channel."""
    return rgb[..., 0] * chroma[0] + rgb[..., 1] * chroma[1] + rgb[..., 2] * chroma[2]


def _means(rgb: np.ndarray) -> np.ndarray:
    """The 2x2 means of (rows, columns, 3) ``rgb`` (float32)."""
    height, width = rgb.shape[0] // 2 * 2, rgb.shape[1] // 2 * 2
    pixels = rgb[:height, :width].astype(np.uint16)
    rows = pixels[0::2] + pixels[1::2]
    return (rows[:, 0::2] + rows[:, 1::2]).astype(np.float32) * np.float32(0.25)


def _samples(means: np.ndarray, upsample: bool = False) -> np.ndarray:
    """The chroma samples a 4:2:0 JPEG stored, from its decoded plane's 2x2 ``means``:
    libjpeg's fancy upsampling (3/4 of the nearer sample, 1/4 of the farther, each way;
    the edge sample repeated past the edge) made them the samples filtered by [1, 6, 1] /
    8 each way, deconvolved here (the filter's gain is 0.5 or more: no noise grows more
    than 4x) by the filter's inverse, ``sqrt(2) r^|k|`` (r = 2 sqrt(2) - 3), to
    UNFILTER_TAPS samples each side, each way (sums of shifted copies: no BLAS threads);
    with ``upsample``, :func:`_upsampled` of those. float32 planes: compiled, the same
    bits (``_lattice_kernels``)."""
    taps = UNFILTER_TAPS
    padded = np.pad(means, taps, mode="symmetric")
    if padded.dtype == np.float32 and padded.ndim == 2:
        return lattice_plane(padded, _UNFILTER, upsample)
    height, width = means.shape
    rows = sum(_UNFILTER[k] * padded[k : k + height] for k in range(2 * taps + 1))
    samples = sum(_UNFILTER[k] * rows[:, k : k + width] for k in range(2 * taps + 1))
    return _upsampled(samples) if upsample else samples


#: The inverse's taps kept each side: r^7 = 4e-6 of a sample's value (LATTICE_MARGIN).
UNFILTER_TAPS = 6
_UNFILTER = (np.sqrt(2) * (2 * np.sqrt(2) - 3) ** np.abs(np.arange(-6, 7))).astype(np.float32)


def _lattice_z(plane: np.ndarray, blocks: int = LATTICE_BLOCKS) -> float:
    """The lattice z score (:func:`chroma_lattice`) of one plane's central 8x8 blocks."""
    side = int(np.sqrt(blocks))
    n_y, n_x = min(plane.shape[0] // 8, side), min(plane.shape[1] // 8, side)
    if n_y * n_x == 0:
        return 0.0
    top, left = (plane.shape[0] // 8 - n_y) // 2 * 8, (plane.shape[1] // 8 - n_x) // 2 * 8
    crop = plane[top : top + 8 * n_y, left : left + 8 * n_x]
    blocks = crop.reshape(n_y, 8, n_x, 8).transpose(0, 2, 1, 3)
    values = (_DCT @ blocks @ _DCT.T).reshape(-1, 64)[:, 1:]
    width, cosines, unread = _FINE
    z = float(lattice_score(_bins(values, width, len(cosines)), cosines, unread,
                            LATTICE_MIN_COEFFICIENTS))  # fmt: skip
    if z < LATTICE_DENSE_NEAR or abs(z - LATTICE_Z) < LATTICE_DENSE_NEAR:
        return float(_histogram_z(values[None], _FINE)[0])  # (the bits the tests read)
    return z


def _table(width: float, reach: float) -> tuple[float, np.ndarray, np.ndarray]:
    """Bins ``width`` wide within ``reach`` of zero: the bin width, each bin's cosine per
    step where read (LATTICE_OFF_ZERO), float32 (bins x steps), and per step the first
    and past the last bin not read (the bins near zero: one run)."""
    centers = np.arange(-reach, reach + width / 2, width)
    read = np.abs(centers)[:, None] >= LATTICE_OFF_ZERO * LATTICE_STEPS[None, :]
    cosines = np.cos(2 * np.pi * centers[:, None] / LATTICE_STEPS[None, :]) * read
    unread = np.array([np.flatnonzero(~column)[[0, -1]] + [0, 1] for column in read.T])
    assert all((~read[a:b, k]).all() for k, (a, b) in enumerate(unread))  # one run each
    return width, cosines.astype(np.float32), unread


#: Coefficients (DN, orthonormal DCT) are counted in bins this wide, within this reach of
#: zero (farther ones, few, are left out) -- a histogram against each bin's cosines, a
#: not a cosine per coefficient and step: for one reading, and for
#: 256 phases' (:func:`lattice_any_phase`; at the smallest step, 2 DN, a coarse bin
#: blurs the cosine by up to an eighth of a turn).
_FINE = _table(0.25, 128.0)
_COARSE = _table(0.5, 64.0)


def _histogram_z(values: np.ndarray, table: tuple[float, np.ndarray, np.ndarray]) -> np.ndarray:
    """Per reading, the largest z score (:func:`chroma_lattice`) of (readings, n, 63)
    coefficients ``values``; 0 where no frequency and step read enough of them. Each
    frequency's bin counts times the bins' cosines, summed, over its count of the bins read."""
    width, cosines, unread = table
    n_bins = len(cosines)
    n_read, n_frequencies = values.shape[0], values.shape[-1]
    index = _bins(values, width, n_bins)
    cell = np.arange(n_read)[:, None, None] * n_frequencies + np.arange(n_frequencies)
    cell = cell * (n_bins + 1) + index
    histogram = np.bincount(cell.ravel(), minlength=n_read * n_frequencies * (n_bins + 1))
    histogram = histogram.reshape(-1, n_bins + 1)[:, :n_bins].astype(np.float32)
    # (einsum's own loop, no matrix product: OpenBLAS's threads, woken by one this size,
    # spin on after it and took 2.4x the CPU of a whole JPEG decode; the counts read
    # per step are all coefficients but the run of bins near zero)
    sums = np.einsum("ij,jk->ik", histogram, cosines)
    cumulative = np.zeros((len(histogram), n_bins + 1), dtype=np.float32)
    np.cumsum(histogram, axis=1, out=cumulative[:, 1:])
    counts = cumulative[:, -1:] - (cumulative[:, unread[:, 1]] - cumulative[:, unread[:, 0]])
    scores = np.where(counts >= LATTICE_MIN_COEFFICIENTS, sums, 0.0)
    scores /= np.sqrt(np.maximum(counts, 1.0))
    return np.maximum(scores.reshape(n_read, -1).max(axis=1), 0.0)


def _bins(values: np.ndarray, width: float, n_bins: int) -> np.ndarray:
    """Each coefficient's bin (``_table``'s, ``width`` wide): the nearest, from the floor
    of value / width + 1/2 past zero; out of reach the dropped last cell, ``n_bins``
    (where -1 wraps as well)."""
    index = values * np.float32(1 / width) + np.float32(n_bins // 2 + 1.5)
    index = np.clip(index, 0, n_bins + 1).astype(np.intp) - 1
    index[index < 0] = n_bins
    return index


def lattice_any_phase(
    pixels: np.ndarray, scale: float, blocks: int, enough: float
) -> tuple[float, tuple[int, int]]:  # fmt: skip
    """The largest lattice z score (:func:`chroma_lattice`'s, 4:2:0 reading) of
    ``pixels``' central ``blocks`` 8x8 blocks of 2x2 means over the 256 phases of a
    16-pixel coding unit, Cb and Cr, and its phase (rows, columns: where in ``pixels``
    a coding unit starts); the first at least ``enough`` is returned."""
    side = int(np.sqrt(blocks))
    margin = LATTICE_MARGIN
    window = 16 * side + 2 * margin + 16
    height, width = pixels.shape[:2]
    if height < 32 + 16 or width < 32 + 16 or pixels.shape[-1] < 3:
        return 0.0, (0, 0)
    top, left = max(height - window, 0) // 2, max(width - window, 0) // 2
    rgb = pixels[top : top + window, left : left + window, :3]
    best, phase = 0.0, (0, 0)
    for dy in (0, 1):
        for dx in (0, 1):
            means = _means(rgb[dy:, dx:])
            for chroma in _CHROMA:
                samples = _samples(_plane(means, (chroma * scale).astype(np.float32)))
                z, (y, x) = _all_block_phases(samples, side, margin // 2)
                if z > best:
                    at = (top + dy + 2 * (margin // 2 + y), left + dx + 2 * (margin // 2 + x))
                    best, phase = z, (at[0] % 16, at[1] % 16)
                if best >= enough:
                    return best, phase
    return best, phase


_DCT32 = _DCT.astype(np.float32)


def _all_block_phases(samples: np.ndarray, side: int, margin: int) -> tuple[float, tuple[int, int]]:
    """The largest z score over the 64 phases of 8x8 blocks of ``samples`` (``side``
    blocks each way at most, ``margin`` samples in), and its phase (rows, columns)."""
    n_y = min((samples.shape[0] - margin - 8) // 8, side)
    n_x = min((samples.shape[1] - margin - 8) // 8, side)
    if n_y <= 0 or n_x <= 0:
        return 0.0, (0, 0)
    windows = np.stack([
        samples[margin + y : margin + y + 8 * n_y, margin + x : margin + x + 8 * n_x]
        for y in range(8) for x in range(8)
    ])  # fmt: skip
    blocks = windows.reshape(64, n_y, 8, n_x, 8).transpose(0, 1, 3, 2, 4)
    values = (_DCT32 @ blocks @ _DCT32.T).reshape(64, -1, 64)[:, :, 1:]
    scores = _histogram_z(values, _COARSE)
    best = int(np.argmax(scores))
    return float(scores[best]), divmod(best, 8)
