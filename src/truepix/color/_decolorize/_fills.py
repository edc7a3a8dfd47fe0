"""Flat fills: one exact color over much of a picture, outside the map's colors.

A figure saved with a margin (``savefig`` of an ``imshow`` on white) holds one
color over a large share of its pixels. Where the map's middle is near that color
(RdBu, PiYG, BrBG: 247 DN a channel against white's 255, 14 DN away) the margin
lies within the threshold a degraded picture gets, and its many pixels make the
noise they are judged by: RdBu resampled by imshow read 12.7 DN of noise (0.2
without the margin), a threshold of 40 DN (14), and the whole margin decoded as the
map's middle. A fill is no data: it is left out of what the plan measures (noise,
the threshold's quantile, the exact share, the blend counts) and its pixels are
NaN under the automatic threshold (:func:`without_fills`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

__all__ = ["color_box", "fill_colors", "fill_free", "fill_pixels", "sample_fills", "without_fills"]

#: A fill holds at least this share of the plan's sample, and FILL_PIXELS pixels:
#: a figure's margin 10-40 % of it; a map color outside the box there is none.
FILL_SHARE = 0.01
FILL_PIXELS = 64
#: ... and lies farther than this (DN) outside the map's box of colors in some
#: channel: no blend or noise of map colors (4:2:0 JPEG's ringing stays near the
#: box's faces) repeats one exact color over so many pixels out there.
FILL_MARGIN = 4.0


def color_box(lut: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The map's box of colors: its lowest and highest byte per channel (of ``lut``'s RGB)."""
    return lut[:, :3].min(axis=0), lut[:, :3].max(axis=0)


def sample_fills(
    flat: np.ndarray, scale: float, bounds: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, Any]:
    """The fills of a plan's sample ``flat`` (:func:`fill_colors`), and an index of its
    pixels that are none (all of them: a slice)."""
    fills = fill_colors(flat, scale, bounds)
    return fills, fill_free(flat, fills) if len(fills) else slice(None)


def fill_colors(
    flat: np.ndarray, scale: float, bounds: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """The fills of a sample ``flat`` (P, C), its pixels in DN times ``scale``:
    (K, 3) colors (``flat``'s dtype) that each hold FILL_SHARE of the pixels
    (FILL_PIXELS or more) and lie FILL_MARGIN DN outside ``bounds`` (the map's
    lowest and highest DN per channel)."""
    colors = flat[:, :3] if flat.ndim == 2 and flat.shape[-1] >= 3 else flat[:0, :0]
    if not colors.size:
        return np.empty((0, 3), dtype=flat.dtype)
    outside = np.flatnonzero(_outside(colors, scale, bounds))
    least = max(FILL_PIXELS, FILL_SHARE * len(colors))
    if len(outside) < least:
        return np.empty((0, 3), dtype=flat.dtype)
    found, counts = np.unique(colors[outside], axis=0, return_counts=True)
    return np.ascontiguousarray(found[counts >= least])


def fill_pixels(pixels: np.ndarray, fills: np.ndarray) -> np.ndarray:
    """Which of ``pixels`` (..., C) have one of the ``fills`` colors (bool, shape
    of ``pixels`` without the channel axis)."""
    shape = pixels.shape[:-1]
    found = np.zeros(int(np.prod(shape)), dtype=bool)
    if not len(fills) or pixels.shape[-1] < 3:
        return found.reshape(shape)
    flat = pixels.reshape(-1, pixels.shape[-1])
    # (a cheap first cut on one channel: a fill's pixels are its own color exactly)
    at = np.flatnonzero(np.isin(flat[:, 0], fills[:, 0]))
    colors = flat[at, :3]
    for color in fills:
        found[at[(colors == color).all(axis=1)]] = True
    return found.reshape(shape)


def fill_free(flat: np.ndarray, fills: np.ndarray) -> np.ndarray:
    """Which of a sample's pixels ``flat`` (P, C) are no fill (``fills``)."""
    return ~fill_pixels(flat, fills)


def without_fills(result: Any, pixels: np.ndarray, plan: Any) -> Any:
    """``result`` (a ``DecolorizeResult`` of ``pixels``) with the plan's fills NaN
    (none where the caller gave the threshold: ``plan.fills`` is empty then)."""
    if plan.fills is None or not len(plan.fills) or result.values.shape != pixels.shape[:-1]:
        return result
    values = result.values
    newly = fill_pixels(pixels, plan.fills) & ~np.isnan(values)
    if not newly.any():
        return result
    values[newly] = np.nan
    n_nan = result.n_nan + int(np.count_nonzero(newly)) if result.n_nan >= 0 else -1
    return replace(result, values=values, n_nan=n_nan)


def _outside(
    colors: np.ndarray, scale: float, bounds: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """Which ``colors`` (P, 3; DN times ``scale``) lie FILL_MARGIN DN outside ``bounds``."""
    low, high = (np.asarray(b, np.float64)[:3] / scale for b in bounds)
    margin = FILL_MARGIN / scale
    return ((colors < low - margin) | (colors > high + margin)).any(axis=1)
