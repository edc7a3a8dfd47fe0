"""The spatial filter's choice on noisy pictures: how noisy positions are, which filter.

``_plan.denoise`` filters positions with ``_degraded.plane_wiener``. On pictures
with Gaussian-like noise (not JPEG's) the noise each bin's positions carry is
measured by decoding noisy copies of the table (:func:`position_noise`), and the
filter (window, noise assumed) is the one of least estimated error
(:func:`filter_choice`, Stein's unbiased risk estimate).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize import _kernels as kernels

__all__ = ["FILTER_CHOICES", "filter_choice", "picture_table", "position_noise", "true_sigma"]

#: Rayleigh median / sigma: the residual of 3-D isotropic noise around a curve.
_RAYLEIGH_MEDIAN = math.sqrt(2.0 * math.log(2.0))
#: Noisy pictures that are not JPEG'd: (radius, noise sigmas) of the filter, chosen
#: per picture by Stein's unbiased risk estimate (:func:`filter_choice`), or no
#: filter. A 9x9 plane smooths smooth fields best (0.19x the k-d tree's error at
#: sigma 2 DN against 0.34x for 3x3) but keeps textured ones at 0.90x, where 3x3
#: reaches 0.87x (benchmarks/colormaps.py fields, 4 maps). Cyclic maps keep the fixed
#: 9x9 filter.
FILTER_CHOICES = ((1, 1.0), (2, 1.0), (4, 1.5))
#: The noise a position has in each bin: the mean square shift of the decoded
#: positions of NOISE_DRAWS noisy copies of the bin's color (seeded), averaged over
#: NOISE_BINS_SMOOTHED bins. The picture's sigma over the map's speed misses ~30 %
#: of it on 8-bit tables (their rounding makes the polyline zigzag), more at corners.
NOISE_DRAWS = 24
NOISE_BINS_SMOOTHED = 5
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
    n_bins = len(table)
    shift, drawn_sigma = _true_sigma(decoder, kind, table, sigma, codes, cap)
    if drawn_sigma != sigma:
        shift, _ = _draws(decoder, kind, table, drawn_sigma)
    kernel = np.ones(NOISE_BINS_SMOOTHED) / NOISE_BINS_SMOOTHED
    padded = np.pad(
        np.mean(shift**2, axis=1), NOISE_BINS_SMOOTHED // 2,
        mode="wrap" if decoder.cyclic else "edge",
    )  # fmt: skip
    # the data are continuous: the table's bins (uniform, a bin wide) are noise too
    return np.convolve(padded, kernel, mode="valid") + 1.0 / (12.0 * n_bins**2)


def picture_table(decoder: Any, kind: str) -> np.ndarray:
    """(N, 3) float64, DN: the table a picture of ``kind`` draws its colors from."""
    if kind == "u8r":
        return decoder._rounded.astype(np.float64)
    if kind == "u8":
        return decoder._map.lut_bytes[:, :3].astype(np.float64)
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
    """
    n_bins = len(table)
    shift, residual = _draws(decoder, kind, table, sigma)
    near = (codes >> kernels.RESIDUAL_SHIFT) <= int(cap * kernels.RESIDUAL_STEPS) + 1
    bins = (codes[near] & kernels.POS_MASK).astype(np.int64) * n_bins // kernels.POS_SCALE
    weight = np.repeat(np.bincount(np.minimum(bins, n_bins - 1), minlength=n_bins), NOISE_DRAWS)
    order = np.argsort(residual)
    middle = np.searchsorted(np.cumsum(weight[order]), weight.sum() / 2.0)
    seen = residual[order[min(middle, len(order) - 1)]] / _RAYLEIGH_MEDIAN
    if seen > 0 and abs(sigma / seen - 1.0) > 0.05:  # else the draws at sigma do
        return shift, sigma * sigma / seen
    return shift, sigma


def _draws(
    decoder: Any, kind: str, table: np.ndarray, sigma: float
) -> tuple[np.ndarray, np.ndarray]:
    """Position shifts (n_bins, NOISE_DRAWS) and residuals (DN, flat) of noisy table colors."""
    n_bins = len(table)
    rng = np.random.default_rng(0)
    noisy = np.clip(table[:, None, :] + rng.normal(0.0, sigma, (n_bins, NOISE_DRAWS, 3)), 0, 255)
    colors = np.concatenate([table, noisy.reshape(-1, 3)])
    if kind in ("u8", "u8r"):
        colors, scale = np.round(colors).astype(np.uint8), 1.0
    else:
        colors, scale = colors / 255.0, 255.0
    codes = decoder._codes(np.ascontiguousarray(colors), kind, scale, "rgb")
    position = (codes & kernels.POS_MASK) / kernels.POS_SCALE
    shift = position[n_bins:].reshape(n_bins, NOISE_DRAWS) - position[:n_bins, None]
    if decoder.cyclic:
        shift = (shift + 0.5) % 1.0 - 0.5
    residual = ((codes[n_bins:] >> kernels.RESIDUAL_SHIFT) - 1) / kernels.RESIDUAL_STEPS
    return shift, residual


def filter_choice(
    position: np.ndarray, noise_by_bin: np.ndarray, cyclic: bool
) -> tuple[int, float] | None:
    """The FILTER_CHOICES entry of least estimated error on this picture; None: no filter.

    Stein's unbiased risk estimate of a filter f on positions y with noise variance
    v: ``sum (f(y) - y)^2 - sum v + 2 sum v df/dy``, the divergence taken by finite
    differences along one seeded random direction (Monte-Carlo SURE); no filter
    scores ``sum v``. ``noise_by_bin``: the measured noise variance per bin of the
    map. Scored on SURE_TILES tiles spread over the picture (overlapping on small ones).
    """
    height, width = position.shape
    side = min(SURE_TILE, height, width)
    # spread along the anti-diagonal: rows and columns of the picture all differ
    along = (np.arange(SURE_TILES) + 0.5) / SURE_TILES
    tops = np.round(along * (height - side)).astype(int)
    lefts = np.round(along[::-1] * (width - side)).astype(int)
    tiles = [position[t : t + side, x : x + side] for t, x in zip(tops, lefts, strict=True)]
    rng = np.random.default_rng(0)
    scores = np.zeros(len(FILTER_CHOICES) + 1)
    with kernels.threads_for(side * side):  # a thread pool costs more than small tiles
        for tile in tiles:
            _score_tile(tile, noise_by_bin, cyclic, rng, scores)
    best = int(np.argmin(scores))
    return None if best == len(FILTER_CHOICES) else FILTER_CHOICES[best]


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
    for k, (radius, sigmas) in enumerate(FILTER_CHOICES):
        by_bin = noise_by_bin * sigmas**2
        filtered, filtered_moved = np.empty_like(tile), np.empty_like(tile)
        degraded.plane_wiener(np.ascontiguousarray(tile), by_bin, radius, cyclic, filtered)
        degraded.plane_wiener(moved, by_bin, radius, cyclic, filtered_moved)
        change, moved_change = filtered - tile, filtered_moved - filtered
        if cyclic:  # across the seam, 0.99 and 0.01 are 0.02 apart
            change = (change + 0.5) % 1.0 - 0.5
            moved_change = (moved_change + 0.5) % 1.0 - 0.5
        divergence = probe * moved_change / step
        scores[k] += np.sum(np.where(valid, change**2 - variance + 2 * variance * divergence, 0))
