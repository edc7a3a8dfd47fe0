"""The spatial filter's choice on noisy pictures: how noisy positions are, which filter.

``_plan.denoise`` filters positions with ``_degraded.plane_wiener``. On pictures
with Gaussian-like noise (not JPEG's) the noise each bin's positions carry is
measured by decoding noisy copies of the table (:func:`position_noise`), and the
filter (window, noise assumed, one stage or two: :func:`pilot_wiener`) is the
one of least estimated error (:func:`filter_choice`, Stein's unbiased risk estimate),
and its answer is averaged with ``_dct.dct_denoise``'s (:func:`denoise`), the weight
chosen by the same estimate (:func:`texture_weight`).

Measured and not taken (real fields at 2 DN, benchmarks/colormaps.py, 256^2, error /
the k-d tree's). Fusing instead of chaining -- the posterior median of each pixel's
full likelihood over the table (3 channels, clipped ends) under a prior N(pilot, s^2):
with this filter's answer as the pilot (its error's rms known from the truth) 0.7-1.5
of s all worse than the answer itself (the pixel counted twice); with a leave-one-out
pilot ``(f - g u) / (1 - g)`` (``g``, the filter's gain at the center, by Monte-Carlo
divergence over 9x9 windows) and a local s, viridis/jet/magma/thermal 0.807 -> 0.815,
its mean with the answer 0.804. Weighing pixels by their own posterior variance
instead of their bin's (it varies 2-3x within a bin: jet's and turbo's saturated
channels; pixels of the lowest decile err 0.5-0.9x their bin's noise, of the highest
1.4-1.6x): correcting the answer to the gain ``g' = g vb / (g vb + (1 - g) v)``
viridis/jet/turbo/gray 0.813 -> 0.808 with one ``g`` per picture (0.809 per window),
up to 0.016 on jet's and turbo's moon, at the cost of a per-color variance memo and
the divergence's extra filter runs.

Measured for the blend (real fields at 2 DN, 10 maps; the fixed 0.5 blend 0.8147):
its weight by SURE on the whole picture 0.8125, on the three tiles 0.8133 (0.8129
clipped: TEXTURE_WEIGHTS), the truth's best weight per picture 0.8120. Ensembles
weighted by least squares on the truth itself (ceilings): planes and DCT 0.8121, with
scikit-image's non-local means (fast mode, stabilised positions, h 0.6-0.8 sds,
patches 5-7) 0.8115, with every FILTER_CHOICES entry too 0.8110; by SURE (whole
picture) with a DCT of STEP 1 as a third member 0.8100, at ~3x the DCT's time.
Non-local means alone 0.858-0.877, averaged in equally 0.817-0.823. An empirical-Bayes
prior for the per-pixel stage (the picture's histogram of positions deconvolved by
each bin's noise, EM on 1024 levels): the positions alone err more than with the flat
prior on 14 of 16 (viridis, jet, gray, magma x 4 fields; mean error in %: jet's
astronaut 0.190 -> 0.205, viridis's moon alone better, 0.620 -> 0.580): the
histograms are not peaky at a bin's scale.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numba as nb
import numpy as np

from truepix._threads import split_rows
from truepix.color._decolorize import _dct as dct
from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._deblock import deblock
from truepix.color._decolorize._ends import untruncated
from truepix.color._decolorize._seam import lifted

if TYPE_CHECKING:
    from truepix.color._decolorize._palette import Polyline

__all__ = [
    "FILTER_CHOICES", "apply_filter", "bin_noise", "code_median", "deblocked", "denoise",
    "filter_choice", "picture_table", "pilot_wiener", "position_noise", "sure_tiles",
    "texture_weight", "true_sigma",
]  # fmt: skip

#: The spatial filter's window radius where the noise is given, not chosen (JPEG).
DENOISE_RADIUS = 4

#: Rayleigh median / sigma: the residual of 3-D isotropic noise around a curve.
_RAYLEIGH_MEDIAN = math.sqrt(2.0 * math.log(2.0))
#: Noisy pictures that are not JPEG'd: the filters, one chosen per picture by
#: Stein's unbiased risk estimate (:func:`filter_choice`), or none. Each is (pilot
#: radius, pilot noise sigmas, radius, noise sigmas, blend): a pilot radius of 0 is
#: ``plane_wiener`` alone; otherwise ``plane_wiener`` at the pilot's radius gives the
#: pilot of :func:`pilot_wiener` (a second, empirical Wiener stage), and ``blend`` is
#: the pilot's weight in the answer. Real fields at sigma 2 DN (benchmarks/colormaps.py,
#: 4 maps, each filter on every picture): 3x3 planes 0.848x the k-d tree's error, 5x5
#: 0.846x, a 3x3 second stage on a 5x5 pilot 0.834x, its mean with the pilot 0.831x
#: (p99 0.808x). 9x9 planes smooth smooth fields best (0.17-0.38x).
FILTER_CHOICES = (
    (0, 1.0, 1, 1.0, 0.0), (0, 1.0, 2, 1.0, 0.0), (0, 1.0, 4, 1.5, 0.0), (2, 1.0, 1, 0.9, 0.5),
)  # fmt: skip
#: The weight of ``_dct.dct_denoise``'s answer, blended with the chosen filter's; None:
#: chosen per picture (:func:`texture_weight`) within TEXTURE_WEIGHTS. Real fields at
#: 2 DN, 10 maps (error / the k-d tree's): 0 (the filter alone) 0.838, 0.5 0.818, 0.65
#: 0.817, 0.8 0.819; smooth fields 0.21, 0.21, 0.22, 0.23.
TEXTURE_WEIGHT: float | None = None
#: The range :func:`texture_weight` chooses in. The risk estimated on three tiles is
#: noisy: beyond these it errs more often than not (jet and turbo on smooth fields at
#: 1 DN: 0.8 chosen, 0 best). Benchmark rows (10 maps, 256^2; real fields / smooth
#: ones, error / the k-d tree's), fixed 0.5 -> unclipped -> within (0.25, 0.75):
#: 2 DN 0.8147 / 0.2056 -> 0.8129 / 0.2059 -> 0.8129 / 0.2053 (p99 0.827 -> 0.825);
#: 1 DN 0.8789 / 0.2420 -> 0.8787 / 0.2470 -> 0.8786 / 0.2460; 3 DN 0.7722 / 0.1959
#: -> 0.7692 / 0.1919 -> 0.7693 / 0.1912. Ranges (0.2, 0.75), (0.3, 0.7), (0.35, 0.7)
#: within 0.0002 of these; halfway between 0.5 and the estimate 2 DN 0.8134. Per map
#: at 2 DN most fields gain 0-0.01 (astronaut the most); twilight loses (camera 0.805
#: -> 0.816: SURE 0.25, the truth's best 0.7), where its positions err 1.4-1.6x the
#: variance ``noise_by_bin`` assumes over parts of the range (viridis 1.1-1.2x); SURE
#: with that variance scaled 1.15x or 1.3x gains nothing pooled, 0.5 on cyclic maps 0.0003.
TEXTURE_WEIGHTS = (0.25, 0.75)
#: The noise a position has in each bin: the mean square shift of the decoded
#: positions of NOISE_DRAWS noisy copies of the bin's color (seeded), averaged over
#: NOISE_BINS_SMOOTHED bins. The picture's sigma over the map's speed misses ~30 %
#: of it on 8-bit tables (their rounding makes the polyline zigzag), more at corners.
NOISE_DRAWS = 24
NOISE_BINS_SMOOTHED = 5
#: The noise read off the picture is corrected when the draws' residuals differ from
#: its own by more than this share (a second run of draws for ``position_noise``).
SIGMA_TOLERANCE = 0.02
#: ... at most this many times, each from draws at the last sigma.
SIGMA_ROUNDS = 3
#: The risk is estimated on SURE_TILES square tiles of SURE_TILE pixels (fewer
#: pixels when the picture is smaller).
SURE_TILE = 96
SURE_TILES = 3


def position_noise(
    decoder: Any, kind: str, sigma: float, codes: np.ndarray, cap: float
) -> np.ndarray:
    """Variance of a decoded position (units of [0, 1]) per bin under RGB noise ``sigma`` DN.

    Measured: NOISE_DRAWS copies of each table color with seeded Gaussian noise,
    rounded and clipped as a picture stores them, decoded like the picture.
    ``codes``: the picture's sample, whose colors within ``cap`` DN of the map weigh
    the bins where ``sigma`` was read off the residuals.
    """
    table = picture_table(decoder, kind)
    shift, _ = _true_sigma(decoder, kind, table, sigma, codes, cap)  # drawn at its sigma
    return bin_noise(shift, decoder.cyclic)


def bin_noise(shift: np.ndarray, cyclic: bool) -> np.ndarray:
    """Each bin's position noise from (n_bins, draws) shifts of noisy draws of its
    color: their mean square, smoothed over NOISE_BINS_SMOOTHED neighbouring bins."""
    n_bins = len(shift)
    kernel = np.ones(NOISE_BINS_SMOOTHED) / NOISE_BINS_SMOOTHED
    padded = np.pad(
        np.mean(shift**2, axis=1), NOISE_BINS_SMOOTHED // 2, mode="wrap" if cyclic else "edge"
    )
    # the data are continuous: the table's bins (uniform, a bin wide) are noise too
    return np.convolve(padded, kernel, mode="valid") + 1.0 / (12.0 * n_bins**2)


def picture_table(decoder: Any, kind: str) -> np.ndarray:
    """(N, 3) float64, DN: the table a picture of ``kind`` draws its colors from."""
    if kind in decoder._bytes:
        return decoder._bytes[kind].astype(np.float64)
    return decoder._map.lut[:, :3] * 255.0


def true_sigma(decoder: Any, kind: str, sigma: float, codes: np.ndarray, cap: float) -> float:
    """The RGB noise sigma (DN) whose residuals match those read off a picture
    (``sigma``; see :func:`position_noise`)."""
    return _true_sigma(decoder, kind, picture_table(decoder, kind), sigma, codes, cap)[1]


def _true_sigma(
    decoder: Any, kind: str, table: np.ndarray, sigma: float, codes: np.ndarray, cap: float
) -> tuple[np.ndarray, float]:
    """Draws' position shifts at ``sigma``, and the sigma whose draws show the residuals
    the picture shows.

    sigma was read off the residuals: noise that a zigzag or a corner of the map
    absorbs hides from them, so draws at sigma show the residuals they would show
    (weighted as the picture's colors are), and the noise is scaled up to match.
    Both medians are read between the residual codes' quarter-DN steps
    (:func:`code_median`): a step is 0.21 DN of sigma, and the picture's and the
    draws' codes fell on the same step, so 2 DN of noise (2.02 with the rounding) read
    1.91 and passed uncorrected.
    """
    n_bins = len(table)
    near = (codes >> kernels.RESIDUAL_SHIFT) <= int(cap * kernels.RESIDUAL_STEPS) + 1
    bins = (codes[near] & kernels.POS_MASK).astype(np.int64) * n_bins // kernels.POS_SCALE
    weight = np.repeat(np.bincount(np.minimum(bins, n_bins - 1), minlength=n_bins), NOISE_DRAWS)
    steps = (codes[near] >> kernels.RESIDUAL_SHIFT).astype(np.int64) - 1
    read = code_median(steps[steps >= 0]) / _RAYLEIGH_MEDIAN  # (-1: no residual)
    drawn = sigma
    for _ in range(SIGMA_ROUNDS):  # residuals grow slower than sigma where channels clip
        shift, residual = _draws(decoder, kind, table, drawn)
        seen = code_median(residual, weight) / _RAYLEIGH_MEDIAN
        if not (seen > 0 and read > 0) or abs(read / seen - 1.0) <= SIGMA_TOLERANCE:
            break
        drawn *= read / seen
    else:
        shift, _ = _draws(decoder, kind, table, drawn)
    return shift, drawn


def code_median(steps: np.ndarray, weight: np.ndarray | None = None) -> float:
    """Median (DN) of residuals given as quarter-DN steps (``_kernels._pack`` rounds
    them, so step j holds [j - 1/2, j + 1/2) quarters), interpolated within its step."""
    counts = np.bincount(steps, weights=weight)
    total = float(counts.sum())
    if total <= 0.0:
        return 0.0
    below = np.cumsum(counts) - counts
    j = min(int(np.searchsorted(np.cumsum(counts), 0.5 * total)), len(counts) - 1)
    low, high = max(j - 0.5, 0.0), j + 0.5  # (residuals are >= 0)
    inside = (0.5 * total - below[j]) / counts[j] if counts[j] > 0 else 0.5
    return (low + inside * (high - low)) / kernels.RESIDUAL_STEPS


def _draws(
    decoder: Any, kind: str, table: np.ndarray, sigma: float
) -> tuple[np.ndarray, np.ndarray]:
    """Position shifts (n_bins, NOISE_DRAWS) and residuals (flat, quarter-DN steps as
    the codes hold them) of noisy table colors."""
    n_bins = len(table)
    rng = np.random.default_rng(0)
    noisy = np.clip(table[:, None, :] + rng.normal(0.0, sigma, (n_bins, NOISE_DRAWS, 3)), 0, 255)
    colors = np.concatenate([table, noisy.reshape(-1, 3)])
    if kind in decoder._bytes:
        colors, scale = np.round(colors).astype(np.uint8), 1.0
    else:
        colors, scale = colors / 255.0, 255.0
    codes = decoder._codes(np.ascontiguousarray(colors), kind, scale, "rgb")
    position = (codes & kernels.POS_MASK) / kernels.POS_SCALE
    shift = position[n_bins:].reshape(n_bins, NOISE_DRAWS) - position[:n_bins, None]
    if decoder.cyclic:
        shift = (shift + 0.5) % 1.0 - 0.5
    residual = np.maximum((codes[n_bins:] >> kernels.RESIDUAL_SHIFT).astype(np.int64) - 1, 0)
    return shift, residual


def filter_choice(
    position: np.ndarray, noise_by_bin: np.ndarray, cyclic: bool
) -> tuple[int, float, int, float, float] | None:
    """The FILTER_CHOICES entry of least estimated error on this picture; None: no filter.

    Stein's unbiased risk estimate of a filter f on positions y with noise variance
    v: ``sum (f(y) - y)^2 - sum v + 2 sum v df/dy``, the divergence taken by finite
    differences along one seeded random direction (Monte-Carlo SURE); no filter
    scores ``sum v``. ``noise_by_bin``: the measured noise variance per bin of the
    map. Scored on SURE_TILES tiles spread over the picture (overlapping on small ones).
    """
    tiles = sure_tiles(position)
    rng = np.random.default_rng(0)
    scores = np.zeros(len(FILTER_CHOICES) + 1)
    with kernels.threads_for(tiles[0].size):  # a thread pool costs more than small tiles
        for tile in tiles:
            _score_tile(tile, noise_by_bin, cyclic, rng, scores)
    best = int(np.argmin(scores))
    return None if best == len(FILTER_CHOICES) else FILTER_CHOICES[best]


def sure_tiles(position: np.ndarray) -> list[np.ndarray]:
    """SURE_TILES square tiles of SURE_TILE pixels (contiguous copies), spread along
    the picture's anti-diagonal so that its rows and columns all differ."""
    height, width = position.shape
    side = min(SURE_TILE, height, width)
    along = (np.arange(SURE_TILES) + 0.5) / SURE_TILES
    tops = np.round(along * (height - side)).astype(int)
    lefts = np.round(along[::-1] * (width - side)).astype(int)
    return [
        np.ascontiguousarray(position[t : t + side, x : x + side])
        for t, x in zip(tops, lefts, strict=True)
    ]


def texture_weight(
    position: np.ndarray, noise_by_bin: np.ndarray, cyclic: bool,
    choice: tuple[int, float, int, float, float],
) -> float:  # fmt: skip
    """The weight ``w`` of ``_dct.dct_denoise``'s answer ``d`` in ``(1 - w) p + w d``
    (``p``: the ``choice`` filter's) of least estimated error on this picture.

    Stein's unbiased risk estimate of the blend is quadratic in ``w``: with
    ``a = p - y``, ``b = d - p`` and the divergences ``div p``, ``div d`` (Monte-Carlo,
    one seeded probe, as :func:`filter_choice`'s), ``sum (a + w b)^2 + 2 sum v ((1 - w)
    div p + w div d)`` is least at ``w = -sum (a b + v (div d - div p)) / sum b^2``,
    clipped to TEXTURE_WEIGHTS. Scored on :func:`filter_choice`'s tiles: a 1 MP noisy
    picture decodes in 1.0-1.2x the time a fixed weight takes (a loaded 2-core machine).
    The tiles' ``d`` is of the first of ``_dct.WINDOWS`` alone (12 maps at 2 DN: 0.8000x
    the k-d tree's error, 0.7999x with both sizes, 3 % of the decode's time more).
    """
    rng = np.random.default_rng(1)
    squares = cross = 0.0
    tiles = sure_tiles(position)
    with kernels.threads_for(tiles[0].size):
        for tile in tiles:
            n_bins = len(noise_by_bin)
            bins = np.clip((np.nan_to_num(tile) * n_bins).astype(np.intp), 0, n_bins - 1)
            variance = noise_by_bin[bins]
            probe = rng.standard_normal(tile.shape)
            step = 0.1 * math.sqrt(float(variance.mean()))
            moved = np.ascontiguousarray(tile + step * probe)
            answers = []
            for source in (tile, moved):
                planes = np.empty_like(tile)
                apply_filter(choice, source, noise_by_bin, cyclic, planes)
                cosines = dct.dct_denoise(source, noise_by_bin, cyclic, windows=dct.WINDOWS[:1])
                answers += [planes, cosines]
            planes, cosines, moved_planes, moved_cosines = answers
            a, b = _arc(planes - tile, cyclic), _arc(cosines - planes, cyclic)
            divergence = probe * (
                _arc(moved_cosines - cosines, cyclic) - _arc(moved_planes - planes, cyclic)
            ) / step
            valid = np.isfinite(a) & np.isfinite(b) & np.isfinite(divergence)
            squares += float(np.sum(b[valid] ** 2))
            cross += float(np.sum(a[valid] * b[valid] + variance[valid] * divergence[valid]))
    low, high = TEXTURE_WEIGHTS
    if squares <= 0.0:  # the two answers agree: any weight does
        return 0.5 * (low + high)
    return min(max(-cross / squares, low), high)


def _arc(change: np.ndarray, cyclic: bool) -> np.ndarray:
    """A change of position; on cyclic maps the shorter way round (0.99 and 0.01 are
    0.02 apart across the seam)."""
    return (change + 0.5) % 1.0 - 0.5 if cyclic else change


def _score_tile(
    tile: np.ndarray, noise_by_bin: np.ndarray, cyclic: bool, rng: np.random.Generator,
    scores: np.ndarray,
) -> None:  # fmt: skip
    """Add one tile's risk estimates to ``scores`` (see :func:`filter_choice`)."""
    n_bins = len(noise_by_bin)
    valid = np.isfinite(tile)
    bins = np.clip((np.nan_to_num(tile) * n_bins).astype(np.intp), 0, n_bins - 1)
    variance = np.where(valid, noise_by_bin[bins], 0.0)
    probe = rng.standard_normal(tile.shape)
    step = 0.1 * math.sqrt(float(variance.mean()))  # past the lookup steps of the noise
    moved = np.ascontiguousarray(tile + step * probe)
    scores[-1] += variance.sum()
    for k, choice in enumerate(FILTER_CHOICES):
        filtered, filtered_moved = np.empty_like(tile), np.empty_like(tile)
        apply_filter(choice, np.ascontiguousarray(tile), noise_by_bin, cyclic, filtered)
        apply_filter(choice, moved, noise_by_bin, cyclic, filtered_moved)
        change = _arc(filtered - tile, cyclic)
        moved_change = _arc(filtered_moved - filtered, cyclic)
        divergence = probe * moved_change / step
        scores[k] += np.sum(np.where(valid, change**2 - variance + 2 * variance * divergence, 0))


def apply_filter(
    choice: tuple[int, float, int, float, float], position: np.ndarray,
    noise_by_bin: np.ndarray, cyclic: bool, out: np.ndarray, kind: int = kernels.NORM_LINEAR,
    low: float = 0.0, high: float = 1.0,
) -> None:  # fmt: skip
    """Filter positions with one FILTER_CHOICES entry into ``out`` (through the norm's
    inverse ``kind, low, high``, as ``plane_wiener`` writes them)."""
    pilot_radius, pilot_sigmas, radius, sigmas, blend = choice
    noise = noise_by_bin * sigmas**2
    if pilot_radius == 0:
        degraded.plane_wiener(position, noise, radius, cyclic, out, kind, low, high)
        return
    pilot = np.empty_like(position)
    degraded.plane_wiener(position, noise_by_bin * pilot_sigmas**2, pilot_radius, cyclic, pilot)
    if blend == 0.0:
        pilot_wiener(position, pilot, noise, radius, cyclic, out, kind, low, high)
        return
    # the two stages err apart where their errors' sizes are alike: their mean errs less
    stage = np.empty_like(position)
    pilot_wiener(position, pilot, noise, radius, cyclic, stage)
    _blend(stage.reshape(-1), pilot.reshape(-1), blend, cyclic, kind, low, high, out.reshape(-1))


def _blend(first, second, weight, cyclic, kind, low, high, out, span=0.0, offset=0.0):
    """``(1 - weight) first + weight second`` (on cyclic maps along the shorter arc;
    ``first`` where ``second`` is NaN), through the norm's inverse (flat arrays). A
    ``span``: positions in ``_ends``' extended coordinates, brought back to [0, 1]
    (``u span - offset``, clipped) before the inverse."""
    split_rows(
        _blend_rows, first.shape[0], first, second, weight, cyclic, kind, low, high, out,
        float(span), float(offset),
    )  # fmt: skip


@nb.njit(**kernels._JIT)
def _blend_rows(  # pragma: no cover - jitted
    first, second, weight, cyclic, kind, low, high, out, span, offset, start, stop
):
    for p in range(start, stop):
        step = second[p] - first[p]
        if math.isnan(second[p]):
            step = 0.0
        if cyclic:
            step -= math.floor(step + 0.5)
        u = first[p] + weight * step
        if cyclic:
            u -= math.floor(u)
        if span > 0.0:
            u = min(max(u * span - offset, 0.0), 1.0)
        out[p] = kernels._inverse_norm(u, kind, low, high)


def pilot_wiener(
    position: np.ndarray, pilot: np.ndarray, noise_by_bin: np.ndarray, radius: int,
    cyclic: bool, out: np.ndarray, kind: int = kernels.NORM_LINEAR, low: float = 0.0,
    high: float = 1.0,
) -> None:  # fmt: skip
    """Empirical Wiener filter of positions around local planes, its gain from a pilot.

    ``plane_wiener`` estimates a window's signal variance from the noisy positions
    themselves (their residual around a least-squares plane, less the noise), a
    noisy estimate of its own on 9-25 pixels. Here the variance is the residual of
    ``pilot`` (a first, smoothed estimate: ``plane_wiener``'s) around its plane:
    ``gain = signal / (signal + noise)`` and the estimate is the noisy positions'
    plane plus ``gain`` times the center's departure from it, as a second Wiener
    stage denoises (two-stage empirical Wiener). ``out`` as in ``plane_wiener``
    (data values through the norm's inverse); NaN positions stay NaN and weigh
    nothing; on cyclic maps neighbours are unwrapped to the center's side of the seam.
    """
    split_rows(
        _pilot_wiener, position.shape[0], position, pilot, noise_by_bin, radius, cyclic, out,
        kind, low, high,
    )  # fmt: skip


@nb.njit(**kernels._JIT)
def _pilot_wiener(  # pragma: no cover - jitted
    position, pilot, noise_by_bin, radius, cyclic, out, kind, low, high, start, stop
):
    """Rows [start, stop) of :func:`pilot_wiener` (run by ``split_rows``)."""
    height, width = position.shape
    n_bins = noise_by_bin.shape[0]
    for y in range(start, stop):
        for x in range(width):
            center = position[y, x]
            if math.isnan(center):
                out[y, x] = center
                continue
            guide = pilot[y, x] - center
            if cyclic:
                guide -= math.floor(guide + 0.5)
            n = sx = sy = sxx = syy = sxy = sv = sxv = syv = sp = sxp = syp = spp = 0.0
            noise = 0.0
            for yy in range(max(0, y - radius), min(height, y + radius + 1)):
                for xx in range(max(0, x - radius), min(width, x + radius + 1)):
                    v = position[yy, xx]
                    if math.isnan(v):
                        continue
                    noise += noise_by_bin[min(max(int(v * n_bins), 0), n_bins - 1)]
                    d = v - center
                    q = pilot[yy, xx] - center - guide  # the pilot, from its own center
                    if cyclic:
                        d -= math.floor(d + 0.5)
                        q -= math.floor(q + 0.5)
                    dx, dy = float(xx - x), float(yy - y)
                    n += 1.0
                    sx += dx
                    sy += dy
                    sxx += dx * dx
                    syy += dy * dy
                    sxy += dx * dy
                    sv += d
                    sxv += dx * d
                    syv += dy * d
                    sp += q
                    sxp += dx * q
                    syp += dy * q
                    spp += q * q
            estimate = center
            if n >= 4.0:
                if sx == 0.0 and sy == 0.0 and sxy == 0.0:
                    # a symmetric window (every full one): diagonal normal equations
                    a, ap, bp, cp = sv / n, sp / n, sxp / sxx, syp / syy
                else:
                    a, _, _ = _plane(n, sx, sy, sxx, syy, sxy, sv, sxv, syv)
                    ap, bp, cp = _plane(n, sx, sy, sxx, syy, sxy, sp, sxp, syp)
                signal = max(spp - ap * sp - bp * sxp - cp * syp, 0.0) / n
                share = noise / n
                gain = signal / (signal + share) if signal + share > 0.0 else 1.0
                estimate = center + a * (1.0 - gain)
                if cyclic:
                    estimate -= math.floor(estimate)
            out[y, x] = kernels._inverse_norm(estimate, kind, low, high)


@nb.njit(inline="always", **kernels._JIT)
def _plane(n, sx, sy, sxx, syy, sxy, sv, sxv, syv):  # pragma: no cover - jitted
    """Least-squares plane ``v ~ a + b dx + c dy`` from window sums (Cramer's rule);
    (v's mean, 0, 0) where the offsets are degenerate (a row or a column)."""
    det = n * (sxx * syy - sxy * sxy) - sx * (sx * syy - sxy * sy) + sy * (sx * sxy - sxx * sy)
    if abs(det) < 1e-9:
        return sv / n, 0.0, 0.0
    a = (
        sv * (sxx * syy - sxy * sxy) - sx * (sxv * syy - sxy * syv) + sy * (sxv * sxy - sxx * syv)
    ) / det
    b = (
        n * (sxv * syy - syv * sxy) - sv * (sx * syy - sxy * sy) + sy * (sx * syv - sxv * sy)
    ) / det
    c = (
        n * (sxx * syv - sxy * sxv) - sx * (sx * syv - sxv * sy) + sv * (sx * sxy - sxx * sy)
    ) / det
    return a, b, c


def denoise(
    position: np.ndarray, line: Polyline, sigma: float, norm: Any = None, *,
    noise: np.ndarray | None = None, texture: bool = False, dct_only: bool = False,
) -> np.ndarray:  # fmt: skip
    """Edge-preserving filter of positions; ``sigma``: noise across the map, DN.

    With ``noise`` (Gaussian-like noise, not JPEG's: the variance of positions per
    bin, :func:`position_noise`) the window and the noise assumed are chosen by
    :func:`filter_choice` instead; with ``texture`` too (the positions are posterior
    medians of noisy table colors, no blends: ``_posterior``) the answer is averaged
    (weighted by :func:`texture_weight`) with the DCT denoiser's (``_dct``), where it
    has one, the medians near a non-cyclic map's ends first freed of the cut there
    and the answer clipped back to [0, 1] (``_ends``). Resampled
    pictures that look noisy keep the planes alone (their error is no white noise; at
    noise 1 and 3 DN the few noisy pictures judged possible blends lose 0.002x by it).
    With ``dct_only`` (and no ``noise``: JPEG'd textured fields) the DCT shrinkage
    in windows halfway between JPEG's (``_deblock``) filters alone, assuming ``sigma``.
    Returns positions, or with ``norm`` (linear or log) the data values they stand for.
    On a cyclic map the answers (along the circle) stay on each pixel's side of the
    seam (``_seam.lifted``): a pixel at the minimum smoothed is not at the maximum.
    On other maps they stay within the map's ends ([0, 1], or the norm's limits).
    """
    if dct_only and noise is None:
        return deblocked(position, line, sigma, norm)[0]
    if line.cyclic:
        filtered = lifted(_denoised(position, line, sigma, None, noise, texture), position)
        return filtered if norm is None else norm(filtered)
    # a plane fitted near a map's end can reach past it; no picture of the map can
    # stand for a value beyond its ends (jet, random field, JPEG q90: -0.017 for vmin 0)
    low, high = (0.0, 1.0) if norm is None else np.sort(norm(np.array([0.0, 1.0])))
    filtered = _denoised(position, line, sigma, norm, noise, texture)
    return np.clip(filtered, low, high, out=filtered)


def deblocked(
    position: np.ndarray, line: Polyline, sigma: float, norm: Any = None
) -> tuple[np.ndarray, int]:
    """:func:`denoise` with ``dct_only`` (JPEG'd textured fields: ``_deblock``), and
    how many of its answers are NaN (counted as they are written: no scan after).
    The answers stay within the map's ends, on their side of a cyclic map's seam."""
    noise_by_bin = _noise_by_bin(line, sigma)
    if line.cyclic:
        filtered, n_nan = deblock(position, noise_by_bin, True)
        filtered = lifted(filtered, position)  # (NaN stays NaN)
        return (filtered if norm is None else norm(filtered)), n_nan
    inverse = (kernels.NORM_LINEAR, 0.0, 1.0) if norm is None else (norm.kind, norm.low, norm.high)
    return deblock(position, noise_by_bin, False, inverse)


def _noise_by_bin(line: Polyline, sigma: float) -> np.ndarray:
    """Noise along the map, positions' units: ``sigma`` over the map's local speed."""
    speed = np.maximum(line.speed_by_bin() * line.n_bins, 1e-6)
    return (sigma / speed) ** 2


def _denoised(
    position: np.ndarray, line: Polyline, sigma: float, norm: Any, noise: np.ndarray | None,
    texture: bool,
) -> np.ndarray:  # fmt: skip
    noise_by_bin = _noise_by_bin(line, sigma)
    inverse = (kernels.NORM_LINEAR, 0.0, 1.0) if norm is None else (norm.kind, norm.low, norm.high)
    out = np.empty_like(position)
    if noise is None:
        degraded.plane_wiener(position, noise_by_bin, DENOISE_RADIUS, line.cyclic, out, *inverse)
        return out
    # (the medians near the ends freed of the cut: ``_ends``)
    ends = untruncated(position, noise) if texture and not line.cyclic else None
    choice = filter_choice(*((position, noise) if ends is None else ends[:2]), line.cyclic)
    if choice is None:
        kernels.positions_to_values(position.reshape(-1), *inverse, out.reshape(-1))
        return out
    if not texture:
        apply_filter(choice, position, noise, line.cyclic, out, *inverse)
        return out
    if ends is not None:
        position, noise, span, offset = ends
    planes = np.empty_like(position)
    apply_filter(choice, position, noise, line.cyclic, planes)
    # the planes and the DCT's cosines err apart (flat areas vs texture): a mean errs
    # less than either
    weight = TEXTURE_WEIGHT
    if weight is None:
        weight = texture_weight(position, noise, line.cyclic, choice)
    texture = dct.dct_denoise(position, noise, line.cyclic)
    _blend(planes.reshape(-1), texture.reshape(-1), weight, line.cyclic, *inverse,
           out.reshape(-1), *(() if ends is None else (span, offset)))  # fmt: skip
    return out
