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
it, which are as far from either end). An unsure pixel whose neighbourhood
(EVIDENCE_RADIUS) leans to one side on average (EVIDENCE_DN plus EVIDENCE_SIGMAS
noise sigmas) tells that side. The rest, in 8-connected regions, take a side each
(:func:`_regions`): the one their own colors lean to, on average over the region
(REGION_DN), or else the one that makes the field's jumps to the region's border
smallest along the line (the border's mean position below or above 0.5). Moved to
the other side, a pixel takes its nearest color there. Regions no pixel with a
position borders stay at their end, ambiguous.

Measured (benchmarks/decolorize_trial/cyclic2/screen.py: twilight, twilight_shifted,
hsv, cmocean's phase, colorcet's C6 x 5 fields x 5 preps x 6 saves, mean error /
the k-d tree's, no wrap on the circle): where unsure pixels took, layer by layer
outwards from the told ones, the side most told neighbours were at, the region of
a clipped field's minimum was split between the sides as far as each told border
reached (twilight astronaut JPEG q75: 4.23 % mean, p99 99.7 %; C6 astronaut q50
8.45 %, worse than no rule's 6.25 %): 0.641 / 0.638 / 1.053 / 0.502 / 0.991 ->
0.500 / 0.501 / 1.037 / 0.455 / 0.687 (twilight astronaut q75 2.07 %, p99 32 %;
C6 q50 3.25 %).

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
#: An unsure pixel tells a side where the seam's pixels within EVIDENCE_RADIUS of it
#: lean to it on average (nearest color on the other side farther, minus nearest on
#: it) by more than EVIDENCE_DN plus EVIDENCE_SIGMAS noise sigmas: twilight and C6
#: on the astronaut, JPEG q75, 2.5-3k of 10-12k unsure pixels, 2-19 of them wrong
#: (radius 2: 50; 1 DN: 175-744). A palette leans the same way over a whole region:
#: at 0.5 DN Pillow's octree palette of twilight's astronaut (noise 0.64 DN) took
#: the far side there (mean 0.82 -> 1.23 %).
EVIDENCE_RADIUS = 4
EVIDENCE_DN = 2.0
EVIDENCE_SIGMAS = 0.4
#: A region of unsure pixels takes the side its colors lean to by more than REGION_DN
#: on average: C6's red ends 3 DN apart lean 1.8-1.9 DN at q50-q75 over a clipped
#: minimum of 3-4k pixels whose border is half on each side; twilight's, 1 DN apart,
#: lean under 0.75 DN (the wrong way at times), and the border decides there.
REGION_DN = 1.0
#: A filter's answer within this (positions) of the pixel's own stays on its side.
LIFT_REACH = 0.02
_BELOW_ONE = float(np.nextafter(1.0, 0.0))
_BLOCK = 1 << 14


def _table(decoder: Any, kind: str) -> np.ndarray:
    """The table's colors (N, 3) in DN, as the picture holds them (``kind``)."""
    if kind in decoder._bytes:
        return decoder._bytes[kind].astype(np.float64)
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
    cyclic map: the positions as they are, zone and unresolved None. (Pictures of
    blends, ``plan.unmix``, were left out while unsure pixels took their told
    neighbours' side ring by ring: twilight astronaut bicubic 0.33x 2.37 -> 4.62 %;
    by regions, Pillow bicubic 0.33x 1.70 -> 1.45 %, p99 51 -> 36 %, and the
    screen's resized pictures 0.53-0.71 -> 0.50-0.67 of the k-d tree's error.)"""
    if not decoder.cyclic:
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
    lean = d_high - d_low  # (DN: > 0 the low side's nearer)
    unsure = np.abs(lean) <= tie
    label[at] = np.where(unsure, 0, np.where(lean > 0, -1, 1))
    height = pixels.shape[-3] if pixels.ndim > 2 else 1
    leaning = np.zeros(n_pixels)
    leaning[at] = lean
    # (an unsure pixel's neighbourhood may lean where the pixel alone does not)
    planes = (-1, height, width)
    total = box_sum(leaning.reshape(planes), EVIDENCE_RADIUS).reshape(-1)[at]
    count = box_sum(zone.reshape(planes).astype(np.float64), EVIDENCE_RADIUS).reshape(-1)[at]
    mean = total / np.maximum(count, 1.0)
    told = unsure & (np.abs(mean) > EVIDENCE_DN + EVIDENCE_SIGMAS * max(float(noise), 0.0))
    label[at[told]] = np.where(mean[told] > 0, -1, 1)
    own = np.where(position[at] < 0.5, -1, 1).astype(np.int8)
    _regions(label, position, leaning, REGION_DN, height, width)
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


def box_sum(values: np.ndarray, radius: int) -> np.ndarray:
    """Sums of ``values`` (..., H, W) over the (2 radius + 1)^2 window around each
    pixel, cut at the picture's edges (running sums along each axis).

    Examples
    --------
    >>> box_sum(np.ones((1, 3, 4)), 1)[0]
    array([[4., 6., 6., 4.],
           [6., 9., 9., 6.],
           [4., 6., 6., 4.]])
    """
    out = values
    for axis in (-2, -1):
        n = out.shape[axis]
        sums = np.cumsum(out, axis=axis)
        sums = np.concatenate([np.zeros_like(np.take(sums, [0], axis=axis)), sums], axis=axis)
        upper = np.take(sums, np.minimum(np.arange(n) + radius + 1, n), axis=axis)
        lower = np.take(sums, np.maximum(np.arange(n) - radius, 0), axis=axis)
        out = upper - lower
    return out


@nb.njit(**_JIT)
def _regions(label, position, lean, least, height, width):  # pragma: no cover - jitted
    """Each 8-connected region of unsure pixels (label 0; flat, of planes ``height`` x
    ``width``) takes a side (-1 low, +1 high): the one its pixels' ``lean`` (DN, > 0:
    low) favours by more than ``least`` on average, or else the one that makes the
    jumps to its border smallest along the line (the mean ``position`` of the pixels
    bordering it below 0.5: low). A region nothing with a position borders stays 0."""
    n = len(label)
    plane = height * width
    seen = np.zeros(n, np.bool_)
    stack = np.empty(n, np.int64)
    members = np.empty(n, np.int64)
    for start in range(n):
        if label[start] != 0 or seen[start]:
            continue
        seen[start] = True
        stack[0] = start
        top, count, leaning, border, bordering = 1, 0, 0.0, 0.0, 0
        while top > 0:
            top -= 1
            p = stack[top]
            members[count] = p
            count += 1
            leaning += lean[p]
            base, y, x = p - p % plane, p % plane // width, p % width
            for yy in range(max(y - 1, 0), min(y + 2, height)):
                for xx in range(max(x - 1, 0), min(x + 2, width)):
                    q = base + yy * width + xx
                    if label[q] == 0:
                        if not seen[q]:
                            seen[q] = True
                            stack[top] = q
                            top += 1
                    elif position[q] == position[q]:
                        border += position[q]
                        bordering += 1
        if abs(leaning) > least * count:
            side = -1 if leaning > 0 else 1
        elif bordering:
            side = -1 if border < 0.5 * bordering else 1
        else:
            continue
        for i in range(count):
            label[members[i]] = side
    return label
