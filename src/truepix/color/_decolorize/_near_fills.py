"""A figure's margin whose color lies near the map's colors, yet off them.

``_fills`` takes a color repeated over a share of the picture for a fill (a figure's
margin, no data) when it lies outside the map's box of colors or FILL_FAR DN from
its colors. A map that passes through white between its table's entries (a
``LinearSegmentedColormap.from_list`` of navy, white and firebrick: 254 and 252 the
nearest entries) puts a white margin 1.75 DN off the map: inside both limits, it was
half an imshow figure's pixels read as noise (1.49 DN), and the exact plot smoothed
(trial 47 t43a: 5.9x the k-d tree's error on a smooth field, 2.25x on a DEM). Noise
never repeats one exact color over so many pixels: where the picture's other pixels
are an exact render's (table colors, no noise), each such color off the table is a
fill too. A palette picture's colors (``_quantized``) are means of its cells: none.

The other way round (:func:`table_fills`): a margin ON the map's table (white, the
end of ocean, terrain, gray, cubehelix) is no fill, since data at the map's end is
that color too, yet its exact pixels are no measure of the data's noise. An ocean
``imshow`` figure with a horizontal colorbar, JPEG q75, is more than half white
paper: the Rayleigh median read 0 DN, the picture was judged an exact render
(threshold 3 DN) and 0.5-1.0 % of its plot NaN (trial 52 t128; a vertical bar,
less paper: noise 0.4-1.1, judged JPEG, 0 %). Where one table color repeated over
TABLE_FILL_SHARE of the sample is all that makes the noise 0, the noise and the
threshold are measured without it; its pixels stay data.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._exact import EXACT_SHARE, exact_share
from truepix.color._decolorize._fills import FILL_PIXELS, FILL_SHARE, fill_boxes, fill_free
from truepix.color._decolorize._histogram import residual_histogram
from truepix.color._decolorize._quantized import palette

__all__ = ["near_fills", "table_fills"]

#: A table color repeated over this share of a plan's sample (and FILL_PIXELS pixels)
#: may be a margin on the map (:func:`table_fills`) ...
TABLE_FILL_SHARE = 0.05
#: ... left out of what the plan measures when the rest holds this share of the sample
TABLE_REST_SHARE = 0.1

#: Knuth's multiplicative hash (2^32 / golden ratio): ``_repeated``'s buckets
_HASH = 2654435761


def near_fills(
    flat: np.ndarray, scale: float, bounds: tuple[np.ndarray, np.ndarray], codes: np.ndarray,
    found: tuple[np.ndarray, Any, np.ndarray, float], noise_sigma: Callable[[np.ndarray], float],
) -> tuple[np.ndarray, Any, np.ndarray, float]:  # fmt: skip
    """A plan's sample's fills with the near ones added, when that leaves no noise.

    Parameters
    ----------
    flat : (P, C) uint8
        The plan's sample (other dtypes: ``found`` as it is).
    scale : float
        DN per unit of ``flat``.
    bounds : pair of (3,) arrays
        The map's box of colors (``_fills.color_box``).
    codes : (P,) uint32
        The sample's packed answers (``_kernels``).
    found : tuple
        ``(fills, kept, hist, noise)``: the fills found so far (``_fills.sample_fills``),
        the index of the sample's other pixels, their residual histogram and its noise.
    noise_sigma : callable
        The noise (DN) of a residual histogram (``_plan.noise_sigma``).

    Returns
    -------
    tuple
        ``found`` with each color off the table that FILL_SHARE of the sample (and
        FILL_PIXELS pixels) repeats added to the fills, when the remaining pixels are
        an exact render's (``_exact.EXACT_SHARE`` table colors, noise 0); ``found``
        unchanged otherwise.
    """
    fills, kept, _, noise = found
    if noise == 0.0 or flat.dtype != np.uint8 or flat.ndim != 2 or flat.shape[-1] < 3:
        return found
    if palette(flat):  # (a palette's near colors are its cells' means: ``palette_fills``)
        return found
    steps = codes >> kernels.RESIDUAL_SHIFT  # (0: no alpha; 1: on the table)
    off = np.zeros(len(flat), dtype=bool)
    off[kept] = True
    off &= steps > 1
    least = max(FILL_PIXELS, FILL_SHARE * len(flat))
    if off.sum() < least:
        return found
    index = _repeated(flat, off, least, codes)
    if not len(index):
        return found
    colors = np.ascontiguousarray(flat[index, :3])
    residual = (steps[index].astype(np.float64) - 1.0) / kernels.RESIDUAL_STEPS
    near = fill_boxes(colors, scale, bounds, residual)
    every = np.concatenate([fills, near]) if len(fills) else near
    rest = fill_free(flat, every)
    hist = residual_histogram(codes[rest])
    # (the rest an exact render's: a palette's few colors, each repeated, are no fills)
    if hist[1] < least or exact_share(hist) < EXACT_SHARE or noise_sigma(hist) != 0.0:
        return found
    return every, rest, hist, 0.0


def table_fills(
    flat: np.ndarray, codes: np.ndarray, found: tuple[np.ndarray, Any, np.ndarray, float],
    noise_sigma: Callable[[np.ndarray], float],
) -> tuple[Any, np.ndarray, float]:  # fmt: skip
    """The pixels a plan measures, without the table colors that alone read noise 0.

    Parameters
    ----------
    flat : (P, C) uint8
        The plan's sample (other dtypes: ``found`` as it is).
    codes : (P,) uint32
        The sample's packed answers (``_kernels``).
    found : tuple
        ``(fills, kept, hist, noise)`` as :func:`near_fills` returns them.
    noise_sigma : callable
        The noise (DN) of a residual histogram (``_plan.noise_sigma``).

    Returns
    -------
    tuple
        ``(kept, hist, noise)``: where ``noise`` is 0, the one table color that
        TABLE_FILL_SHARE of the sample repeats left out of ``kept`` when the rest
        (TABLE_REST_SHARE of the sample or more) reads noise and is no exact render
        (``_exact.EXACT_SHARE``); ``found``'s otherwise. The pixels stay no fills.
    """
    _, kept, hist, noise = found
    if noise != 0.0 or flat.dtype != np.uint8 or flat.ndim != 2 or flat.shape[-1] < 3:
        return kept, hist, noise
    steps = codes >> kernels.RESIDUAL_SHIFT  # (1: on the table)
    counted = np.zeros(len(flat), dtype=bool)
    counted[kept] = True
    on = counted & (steps == 1)
    least = max(FILL_PIXELS, TABLE_FILL_SHARE * len(flat))
    if on.sum() < least or palette(flat):
        return kept, hist, noise
    index = _repeated(flat, on, least, codes)
    if len(index) != 1:  # (a margin is one color; a discrete map's picture, its levels')
        return kept, hist, noise
    colors = np.ascontiguousarray(flat[index, :3])
    rest = fill_free(flat, np.repeat(colors[:, None, :], 2, axis=1))
    rest &= counted
    if rest.sum() < max(FILL_PIXELS, TABLE_REST_SHARE * counted.sum()):
        return kept, hist, noise
    rest_hist = residual_histogram(codes[rest])
    rest_noise = noise_sigma(rest_hist)
    if rest_noise == 0.0 or exact_share(rest_hist) >= EXACT_SHARE:
        return kept, hist, noise
    return rest, rest_hist, rest_noise


def _repeated(
    flat: np.ndarray, off: np.ndarray, least: float, codes: np.ndarray | None = None
) -> np.ndarray:
    """Index into ``flat`` (P, C) uint8 of the first of the ``off`` pixels of each
    color that ``least`` or more of them repeat, in the order of the colors' keys.

    The pixels are first counted by a 16-bit hash (``np.bincount``) of their color's
    key or, without alpha, of their packed answer ``codes`` (the memo's: one per
    color): a color repeated that often fills its bucket that far, so the pixels of
    the other buckets are left out before the exact count (``np.unique``'s stable
    sort). A JPEG'd megapixel's sample (200 k pixels, 16 k colors, none repeated 1 %):
    13 -> 1 ms, one thread.
    """
    if codes is None or flat.shape[-1] != 3:
        rgb = flat[:, :3]
        codes = rgb[:, 0].astype(np.uint32) << 16
        codes |= rgb[:, 1].astype(np.uint32) << 8
        codes |= rgb[:, 2]
    bucket = codes * np.uint32(_HASH)  # (wraps: a multiplicative hash)
    bucket >>= np.uint32(16)
    bucket[~off] = 1 << 16  # (a bin of its own)
    full = np.bincount(bucket, minlength=(1 << 16) + 1) >= least
    full[-1] = False
    if not full.any():
        return np.zeros(0, dtype=np.intp)
    inside = np.flatnonzero(full[bucket])
    rgb = flat[inside, :3].astype(np.int64)
    keys = (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]
    _, first, counts = np.unique(keys, return_index=True, return_counts=True)
    return inside[first[counts >= least]]
