"""Flat fills: one exact color over much of a picture, outside the map's colors.

A figure saved with a margin (``savefig`` of an ``imshow`` on white) holds one
color over a large share of its pixels. Where the map's middle is near that color
(RdBu, PiYG, BrBG: 247 DN a channel against white's 255, 14 DN away) the margin
lies within the threshold a degraded picture gets, and its many pixels make the
noise they are judged by: an RdBu ``imshow`` figure (its data resampled) read 0.64
DN of noise and an 18.8 DN threshold (0.42 and 15.3 without the margin; JPEG q75:
5.7 and 28.7 against 3.4 and 28.8), and the whole margin decoded as the map's
middle. A fill (and what JPEG left of it: its color within FILL_NEAR DN) is no
data: it is left out of what the plan measures (noise, the threshold's quantile,
the exact share, the blend counts) and its pixels are NaN under the automatic
threshold (:func:`without_fills`).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numpy as np

__all__ = [
    "color_box", "fill_boxes", "fill_colors", "fill_free", "fill_pixels", "sample_fills",
    "without_fills",
]  # fmt: skip

#: A fill holds at least this share of the plan's sample, and FILL_PIXELS pixels:
#: a figure's margin 10-40 % of it; a map color outside the box there is none.
FILL_SHARE = 0.01
FILL_PIXELS = 64
#: ... and lies farther than this (DN) outside the map's box of colors in some
#: channel: no blend or noise of map colors (4:2:0 JPEG's ringing stays near the
#: box's faces) repeats one exact color over so many pixels out there.
FILL_MARGIN = 4.0
#: Pixels of the sample (every k-th) fills are looked for among: a fill's 1 % is 500.
FILL_SAMPLE = 50_000
#: A fill's pixels are its color within this many DN a channel (JPEG's ringing next
#: to the axes and text: 250-254 on white), no nearer the map's box than FILL_MARGIN.
#: RdBu, BrBG, PiYG imshow figures JPEG'd at q75, share of the margin decoded as data
#: with the exact color alone / within 4 DN: 250^2 0.10-0.12 / 0.03, 400x300 0.06 /
#: 0.035, 640x480 0.06 / 0.015 (the data inside: no NaN either way).
FILL_NEAR = 4.0


def color_box(lut: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The map's box of colors: its lowest and highest byte per channel (of ``lut``'s RGB)."""
    return lut[:, :3].min(axis=0), lut[:, :3].max(axis=0)


def sample_fills(
    flat: np.ndarray, scale: float, bounds: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, Any]:
    """The fills of a plan's sample ``flat`` (:func:`fill_colors`) as their boxes
    (:func:`fill_boxes`), and an index of its pixels that are none (all: a slice)."""
    fills = fill_boxes(fill_colors(flat, scale, bounds), scale, bounds)
    return fills, fill_free(flat, fills) if len(fills) else slice(None)


def fill_boxes(
    colors: np.ndarray, scale: float, bounds: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """(K, 2, 3) lowest and highest values (``colors``' dtype) of the fills' pixels:
    each fill color within FILL_NEAR DN a channel, no nearer ``bounds`` (the map's
    box, DN) than FILL_MARGIN."""
    boxes = np.repeat(colors[:, None, :], 2, axis=1)
    if colors.dtype.kind not in "ui":
        return boxes  # (float pictures: the exact color)
    info = np.iinfo(colors.dtype)
    low, high = (np.asarray(b, np.float64)[:3] for b in bounds)
    for box, color in zip(boxes, colors.astype(np.float64) * scale, strict=True):
        out = float(np.max(np.maximum(low - color, color - high)))  # DN outside the box
        near = math.floor(max(0.0, min(FILL_NEAR, out - FILL_MARGIN - 1.0)) / scale)
        box[0] = np.clip(box[0].astype(np.int64) - near, info.min, info.max)
        box[1] = np.clip(box[1].astype(np.int64) + near, info.min, info.max)
    return boxes


def fill_colors(
    flat: np.ndarray, scale: float, bounds: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """The fills of a sample ``flat`` (P, C), its pixels in DN times ``scale``:
    (K, 3) colors (``flat``'s dtype) that each hold FILL_SHARE of the pixels
    (FILL_PIXELS or more; counted on every k-th, FILL_SAMPLE in all) and lie
    FILL_MARGIN DN outside ``bounds`` (the map's lowest and highest DN per channel)."""
    if flat.ndim != 2 or flat.shape[-1] < 3 or not len(flat):
        return np.empty((0, 3), dtype=flat.dtype)
    step = max(1, len(flat) // FILL_SAMPLE)
    colors = flat[::step, :3]
    outside = np.flatnonzero(_outside(colors, scale, bounds))
    least = max(FILL_PIXELS / step, FILL_SHARE * len(colors))
    if len(outside) < least:
        return np.empty((0, 3), dtype=flat.dtype)
    out = colors[outside]
    if out.dtype.kind != "u" or out.dtype.itemsize > 2:
        found, counts = np.unique(out, axis=0, return_counts=True)
        return np.ascontiguousarray(found[counts >= least])
    wide = out.astype(np.int64)  # one key a color (a tenth of the rows' own unique)
    _, index, counts = np.unique(
        (wide[:, 0] << 32) | (wide[:, 1] << 16) | wide[:, 2], return_index=True,
        return_counts=True,
    )  # fmt: skip
    return np.ascontiguousarray(out[index[counts >= least]])


def fill_pixels(pixels: np.ndarray, fills: np.ndarray) -> np.ndarray:
    """Which of ``pixels`` (..., C) lie in one of the ``fills`` boxes (K, 2, 3;
    :func:`fill_boxes`) (bool, shape of ``pixels`` without the channel axis)."""
    shape = pixels.shape[:-1]
    found = np.zeros(int(np.prod(shape)), dtype=bool)
    if not len(fills) or pixels.shape[-1] < 3:
        return found.reshape(shape)
    flat = pixels.reshape(-1, pixels.shape[-1])
    first = np.zeros(len(flat), dtype=bool)  # (a cheap first cut on one channel)
    for low, high in fills:
        first |= (flat[:, 0] >= low[0]) & (flat[:, 0] <= high[0])
    at = np.flatnonzero(first)
    colors = flat[at, :3]
    for low, high in fills:
        found[at[((colors >= low) & (colors <= high)).all(axis=1)]] = True
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
    found = np.zeros(len(colors), dtype=bool)
    for channel in range(3):
        low = (float(bounds[0][channel]) - FILL_MARGIN) / scale
        high = (float(bounds[1][channel]) + FILL_MARGIN) / scale
        values = colors[:, channel]
        if values.dtype.kind in "ui":  # compared in their own type: a tenth of the time
            info = np.iinfo(values.dtype)
            low, high = math.ceil(low), math.floor(high)
            if low > info.min:
                found |= values < min(low, info.max + 1)
            if high < info.max:
                found |= values > max(high, info.min - 1)
        else:
            found |= (values < low) | (values > high)
    return found
