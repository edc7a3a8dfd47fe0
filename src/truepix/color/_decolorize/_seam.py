"""Which end of a cyclic map a pixel is at, when its color alone cannot tell.

A cyclic map (twilight, twilight_shifted, hsv, cmocean's phase, colorcet's cyclic
maps) ends where it starts: twilight's first and last entries are 1 DN apart, so a
pixel near the seam is nearly as close to colors at position 0.01 as at 0.99 -- one
place on the circle, but values a whole range apart. Quantization, JPEG and
resampling move colors by more than the ends differ, and the nearest color then
sends some of a field's pixels at its minimum to its maximum (twilight through
Pillow's octree palette: 11 % of the pixels, 96 % of the range off).

A field is continuous: the pixels around one that cannot tell its end can. Here a
pixel near the seam whose nearest colors on the two sides are within TIE_DN (plus
TIE_SIGMAS of the picture's noise) of each other is *unsure*; every other pixel
tells the side of its position (but those near the middle of the map, NEUTRAL of
it, which are as far from either end). Unsure pixels take, layer by layer outwards
from the pixels that tell, the side most of their told neighbours are at
(:func:`_spread`); moved to the other side, a pixel takes its nearest color there.
Pixels no told pixel reaches stay at their end, ambiguous.

After a spatial filter (which works along the circle and wraps its answer to
[0, 1)), :func:`lifted` puts each answer that moved little back on the side its
pixel was given, and clips it there: a smoothed pixel at the minimum is not the
maximum (the 3x3 mean's side there broke true edges of a field between its two
ends: twilight camera, bicubic 0.33x, mean 1.57 -> 1.75 %).
"""

from __future__ import annotations

from typing import Any

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT

__all__ = ["lifted", "sided"]

#: Unsure: the nearest colors on the two sides of the seam within TIE_DN plus
#: TIE_SIGMAS noise sigmas of each other.
TIE_DN = 0.5
TIE_SIGMAS = 3.0
#: The seam's reach: entries whose color is within REACH_DN (plus the tie) of a color
#: on the seam's other side, in the map's quarter at each end.
REACH_DN = 6.0
#: Pixels this close to the middle of the map (in positions) tell no side.
NEUTRAL = 0.1
#: A filter's answer within this (positions) of the pixel's own stays on its side.
LIFT_REACH = 0.02
_BELOW_ONE = float(np.nextafter(1.0, 0.0))
_BLOCK = 1 << 14


def _table(decoder: Any, kind: str) -> np.ndarray:
    """The table's colors (N, 3) in DN, as the picture holds them (``kind``)."""
    if kind == "u8":
        return decoder._map.lut_bytes[:, :3].astype(np.float64)
    if kind == "u8r":
        return np.asarray(decoder._rounded, dtype=np.float64)
    return decoder._map.lut[:, :3] * 255.0


def _reach(colors: np.ndarray, distance: float) -> tuple[int, int]:
    """How many entries at the low end and at the high end lie within ``distance`` DN
    of a color in the other end's quarter."""
    quarter = max(len(colors) // 4, 1)
    low, high = colors[:quarter], colors[-quarter:]
    apart = np.sqrt(((low[:, None, :] - high[None, :, :]) ** 2).sum(-1))
    near_low = np.flatnonzero(apart.min(axis=1) <= distance)
    near_high = np.flatnonzero(apart.min(axis=0) <= distance)
    if not len(near_low) or not len(near_high):
        return 0, 0
    return int(near_low[-1]) + 1, quarter - int(near_high[0])


def sided(
    decoder: Any, pixels: np.ndarray, scale: float, kind: str, plan: Any, position: np.ndarray
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
    """Positions (flat, of ``pixels`` (..., H, W, C), in [0, 1], NaN kept) with the
    seam's unsure pixels on their neighbours' side; (positions, zone, unresolved): the
    pixels tested, and those of them nothing told (left where they were). Not a
    cyclic map, or a picture of blends (``plan.unmix``: twilight astronaut bicubic
    0.33x 2.37 -> 4.62 % with the rule): the positions as they are, zone and
    unresolved None."""
    if not decoder.cyclic or plan.unmix:  # (resampled: blends of true edges, see notes)
        return position, None, None
    flat, width, noise = pixels.reshape(-1, pixels.shape[-1]), pixels.shape[-2], plan.noise
    n_pixels = len(position)
    zone = np.zeros(n_pixels, dtype=bool)
    unresolved = np.zeros(n_pixels, dtype=bool)
    colors = _table(decoder, kind)
    n_colors = len(colors)
    tie = TIE_DN + TIE_SIGMAS * max(float(noise), 0.0)
    n_low, n_high = _reach(colors, REACH_DN + tie)
    if n_low == 0:
        return position, zone, unresolved
    # (a noisy pixel's side as its neighbourhood has it)
    around = circular_mean(position.reshape(pixels.shape[:-1])).reshape(-1)
    around = np.where(np.isnan(around), position, around)
    with np.errstate(invalid="ignore"):
        zone = np.zeros(n_pixels, dtype=bool)
        for at_ in (position, around):
            zone |= (at_ < (n_low + 1) / n_colors) | (at_ > 1.0 - (n_high + 1) / n_colors)
    zone &= ~np.isnan(position)  # (off-map pixels stay off the map)
    at = np.flatnonzero(zone)
    if not len(at):
        return position, zone, unresolved
    # nearest colors on either side, within the reach (and a few entries more)
    pad = 2
    low = colors[: min(n_low + pad, n_colors // 2)]
    high_start = max(n_colors - n_high - pad, n_colors // 2)
    high = colors[high_start:]
    rgb = flat[at, :3].astype(np.float64) * scale
    d_low, k_low = _nearest(rgb, low)
    d_high, k_high = _nearest(rgb, high)
    # the side each pixel tells: -1 low, +1 high, 0 unsure, 2 none
    with np.errstate(invalid="ignore"):
        label = np.where(around < 0.5, -1, 1).astype(np.int8)
        label[np.abs(around - 0.5) < NEUTRAL] = 2
    label[np.isnan(position)] = 2
    unsure = np.abs(d_low - d_high) <= tie
    label[at] = np.where(unsure, 0, np.where(d_low < d_high, -1, 1))
    own = np.where(position[at] < 0.5, -1, 1).astype(np.int8)
    height = n_pixels // width
    _spread(label, height, width)
    side = label[at]
    unresolved[at[side == 0]] = True
    moved = (side != 0) & (side != own)  # (unsure, or alone on its side: noise)
    out = position.copy()
    to_lowside = moved & (side < 0)
    to_highside = moved & (side > 0)
    out[at[to_lowside]] = (k_low[to_lowside] + 0.5) / n_colors
    out[at[to_highside]] = (high_start + k_high[to_highside] + 0.5) / n_colors
    return out, zone, unresolved


def _nearest(rgb: np.ndarray, table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distance (DN) from each color to its nearest in ``table``, and which (in
    blocks of pixels: a few tens of entries each)."""
    distance = np.empty(len(rgb))
    index = np.empty(len(rgb), dtype=np.int64)
    for start in range(0, len(rgb), _BLOCK):
        part = rgb[start : start + _BLOCK]
        squared = ((part[:, None, :] - table[None, :, :]) ** 2).sum(-1)
        index[start : start + _BLOCK] = squared.argmin(axis=1)
        distance[start : start + _BLOCK] = np.sqrt(squared.min(axis=1))
    return distance, index


def circular_mean(position: np.ndarray) -> np.ndarray:
    """Each position's mean along the circle over its 3x3 window (of the last two
    axes; NaN weigh nothing, an all-NaN window gives NaN): a noisy pixel's side of
    the seam as its neighbourhood has it."""
    angle = 2.0 * np.pi * position
    valid = ~np.isnan(position)
    sums = []
    for part in (np.cos(angle), np.sin(angle), valid.astype(np.float64)):
        part = np.where(valid, part, 0.0)
        pad = [(0, 0)] * (part.ndim - 2) + [(1, 1), (1, 1)]
        padded = np.pad(part, pad)
        height, width = part.shape[-2:]
        total = np.zeros_like(part)
        for dy in range(3):
            for dx in range(3):
                total += padded[..., dy : dy + height, dx : dx + width]
        sums.append(total)
    mean = np.arctan2(sums[1], sums[0]) / (2.0 * np.pi) % 1.0
    return np.where(sums[2] > 0, mean, np.nan)


def lifted(filtered: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """``filtered`` positions (on the circle, [0, 1)) that moved less than LIFT_REACH
    from ``reference`` (the positions before the filter) put on its side of the seam
    and clipped to [0, 1); those the filter moved farther (a noisy pixel alone on the
    wrong side) as the filter has them."""
    step = filtered - reference
    step -= np.floor(step + 0.5)
    with np.errstate(invalid="ignore"):
        near = np.abs(step) <= LIFT_REACH
    # (in [0, 1) as every position on a cyclic map: the end itself is the start)
    return np.where(near, np.clip(reference + step, 0.0, _BELOW_ONE), filtered)


@nb.njit(**_JIT)
def _spread(label, height, width):  # pragma: no cover - jitted
    """Unsure pixels (label 0) take, one ring of them at a time outwards from the
    pixels that tell (-1, +1), the sign of their told 8-neighbours' sum; a tie waits
    for the next ring, and what no ring reaches stays 0."""
    n = height * width
    ring = np.empty(n, np.int64)
    after = np.empty(n, np.int64)
    votes = np.empty(n, np.int8)
    queued = np.zeros(n, np.bool_)
    size = 0
    for p in range(n):
        if label[p] == 0 and _vote(label, p, height, width) != 2:
            ring[size] = p
            size += 1
            queued[p] = True
    while size > 0:
        for i in range(size):
            votes[i] = _vote(label, ring[i], height, width)
        n_after = 0
        for i in range(size):
            p = ring[i]
            queued[p] = False
            if votes[i] == 0:
                continue
            label[p] = votes[i]
        for i in range(size):
            if votes[i] == 0:
                continue
            y, x = ring[i] // width, ring[i] % width
            for yy in range(max(y - 1, 0), min(y + 2, height)):
                for xx in range(max(x - 1, 0), min(x + 2, width)):
                    q = yy * width + xx
                    if label[q] == 0 and not queued[q]:
                        queued[q] = True
                        after[n_after] = q
                        n_after += 1
        ring, after, size = after, ring, n_after
    return label


@nb.njit(inline="always", **_JIT)
def _vote(label, p, height, width):  # pragma: no cover - jitted
    """The sign of the told (-1, +1) 8-neighbours' sum of pixel p: 0 a tie, 2 none."""
    y, x = p // width, p % width
    total = 0
    told = False
    for yy in range(max(y - 1, 0), min(y + 2, height)):
        for xx in range(max(x - 1, 0), min(x + 2, width)):
            v = label[yy * width + xx]
            if v == -1 or v == 1:
                total += v
                told = True
    if not told:
        return 2
    return -1 if total < 0 else (1 if total > 0 else 0)
