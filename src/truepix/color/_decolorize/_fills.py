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

JPEG rings around the text and lines drawn on a fill: pixels 8-9 DN from white
(246-247) up to 10 pixels from the ink, on RdBu's middle (#f7f7f7), which no rule
on a pixel's color can tell from data. Where they are is what tells: in the 8x8
blocks the fill is in, joined to the fill by other such pixels; the data lie across
the axes' spine (a dark line, no such pixel) or within blocks of their own
(:func:`halo_pixels`).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numba as nb
import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._kernels import _JIT

__all__ = [
    "color_box", "fill_boxes", "fill_colors", "fill_free", "fill_pixels", "halo_pixels",
    "clean_margin", "mostly_off", "rung_share", "sample_fills", "without_fills",
]  # fmt: skip

#: A picture with more than this share of its pixels off the map (a fill's left out)
#: is not the map: drawn translucent, with another map, a photograph. Judging which of
#: its off-map pixels are data all the same (blends, JPEG's model, strokes) is meant
#: for a few candidates, and ran on nearly every pixel: 1-4.6 s a megapixel, to a
#: picture 97-100 % NaN and a warning. Above it the off-map pixels are NaN as they
#: stand. All-data and annotated pictures (benchmarks/colormaps.py, identity check of
#: 289 pictures) stay far below it: the same answers.
MOSTLY_OFF = 0.75

#: A fill holds at least this share of the plan's sample, and FILL_PIXELS pixels:
#: a figure's margin 10-40 % of it; a map color outside the box there is none.
FILL_SHARE = 0.01
FILL_PIXELS = 64
#: ... and lies farther than this (DN) outside the map's box of colors in some
#: channel: no blend or noise of map colors (4:2:0 JPEG's ringing stays near the
#: box's faces) repeats one exact color over so many pixels out there.
FILL_MARGIN = 4.0
#: A map whose box holds the fill's color (jet, turbo: their box is nearly the whole
#: cube, white and black inside it) has it for a fill where the color lies FILL_FAR DN
#: or more from the map's colors (its residual, RGB): JPEG keeps a flat area's color
#: within a few DN, and no blend or noise repeats one exact color so far off. Without
#: it a jet or turbo figure's white margin was candidates to every rule: a seaborn
#: heatmap (600x500, JPEG q85) 2.4 s a call, its margin's white taken for a stroke's
#: ink 7 times over (``_inked``), and the margin in the noise the threshold is
#: measured by (jet: 25 DN against viridis' 23; an imshow figure with contours: 40).
FILL_FAR = 40.0
#: Pixels of the sample (every k-th) fills are looked for among: a fill's 1 % is 500.
FILL_SAMPLE = 50_000
#: A fill's pixels are its color within this many DN a channel (JPEG's ringing next
#: to the axes and text: 250-254 on white), no nearer the map's box than FILL_MARGIN.
#: RdBu, BrBG, PiYG imshow figures JPEG'd at q75, share of the margin decoded as data
#: with the exact color alone / within 4 DN: 250^2 0.10-0.12 / 0.03, 400x300 0.06 /
#: 0.035, 640x480 0.06 / 0.015 (the data inside: no NaN either way).
FILL_NEAR = 4.0
#: A JPEG'd fill's halo (:func:`halo_pixels`): pixels within HALO_NEAR DN a channel
#: of the fill's color or near-neutral (channels within HALO_NEUTRAL DN: gray text's
#: antialiasing and its ringing), in an 8x8 block (HALO_BLOCK, JPEG's luma block
#: from the picture's corner) that holds a fill pixel, joined (4-neighbours) through
#: such pixels and the fill to a fill pixel of a block at least HALO_SEED fill (a
#: margin, not a stray near-white pixel of the data), and no part of a region of
#: such pixels that reaches a block without fill (the data's near-white where no
#: spine parts it from the margin). 500x400 figures with axes and colorbar of a
#: 40x60 field (imshow, pcolormesh; smooth and camera), share of the margin decoded
#: as data, before / after: RdBu, PiYG, BrBG q90 0.021-0.027 / 0.0001; q75
#: 0.048-0.070 / 0.0002-0.0037; q50 0.063-0.080 / 0.0001-0.0045; magma 0.004-0.005
#: / 0.003-0.004; the plot's pixels lost: unchanged (at most 0.0003); PNG: no
#: change. With the axis off (the data touching the margin): q90 0.006-0.010 /
#: 0.0002, q75 0.025-0.057 / 0.0002-0.013, q50 0.036-0.066 / 0.006-0.039; the plot's
#: pixels lost: unchanged (0.0003-0.0042 without the region rule).
HALO_NEAR = 24
HALO_NEUTRAL = 20
HALO_BLOCK = 8
HALO_SEED = 0.5


def color_box(lut: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The map's box of colors: its lowest and highest byte per channel (of ``lut``'s RGB)."""
    return lut[:, :3].min(axis=0), lut[:, :3].max(axis=0)


def sample_fills(
    flat: np.ndarray, scale: float, bounds: tuple[np.ndarray, np.ndarray],
    codes: np.ndarray | None = None,
) -> tuple[np.ndarray, Any]:
    """The fills of a plan's sample ``flat`` (:func:`fill_colors`) as their boxes
    (:func:`fill_boxes`), and an index of its pixels that are none (all: a slice).
    ``codes``: the sample's packed answers (``_kernels``), whose residuals find the
    fills inside the map's box (FILL_FAR)."""
    colors, far = fill_colors(flat, scale, bounds, distances=True, codes=codes)
    fills = fill_boxes(colors, scale, bounds, far)
    return fills, fill_free(flat, fills) if len(fills) else slice(None)


def fill_boxes(
    colors: np.ndarray, scale: float, bounds: tuple[np.ndarray, np.ndarray],
    residual: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """(K, 2, 3) lowest and highest values (``colors``' dtype) of the fills' pixels:
    each fill color within FILL_NEAR DN a channel, no nearer ``bounds`` (the map's
    box, DN) than FILL_MARGIN -- or, with ``residual`` (each color's distance to the
    map, DN), no nearer the map's colors than FILL_FAR less FILL_MARGIN."""
    boxes = np.repeat(colors[:, None, :], 2, axis=1)
    if colors.dtype.kind not in "ui":
        return boxes  # (float pictures: the exact color)
    info = np.iinfo(colors.dtype)
    low, high = (np.asarray(b, np.float64)[:3] for b in bounds)
    if residual is None:
        residual = np.zeros(len(colors))
    colors_dn = colors.astype(np.float64) * scale
    for box, color, off in zip(boxes, colors_dn, residual, strict=True):
        out = float(np.max(np.maximum(low - color, color - high)))  # DN outside the box
        # (a channel moves the distance by at most its own DN)
        out = max(out, float(off) - FILL_FAR + FILL_MARGIN)
        near = math.floor(max(0.0, min(FILL_NEAR, out - FILL_MARGIN - 1.0)) / scale)
        box[0] = np.clip(box[0].astype(np.int64) - near, info.min, info.max)
        box[1] = np.clip(box[1].astype(np.int64) + near, info.min, info.max)
    return boxes


def fill_colors(
    flat: np.ndarray, scale: float, bounds: tuple[np.ndarray, np.ndarray],
    residual: np.ndarray | None = None, *, distances: bool = False,
    codes: np.ndarray | None = None,
) -> Any:  # fmt: skip
    """The fills of a sample ``flat`` (P, C), its pixels in DN times ``scale``:
    (K, 3) colors (``flat``'s dtype) that each hold FILL_SHARE of the pixels
    (FILL_PIXELS or more; counted on every k-th, FILL_SAMPLE in all) and lie
    FILL_MARGIN DN outside ``bounds`` (the map's lowest and highest DN per channel)
    or, with ``residual`` (P; each pixel's distance to the map, DN), FILL_FAR DN or
    more from the map's colors. With ``distances``: the colors and their residuals
    (K; 0 without ``residual``). ``codes`` (P; packed answers, ``_kernels``) give the
    residuals in its stead, read on the pixels counted alone."""
    none = np.empty((0, 3), dtype=flat.dtype)
    if flat.ndim != 2 or flat.shape[-1] < 3 or not len(flat):
        return (none, np.zeros(0)) if distances else none
    step = max(1, len(flat) // FILL_SAMPLE)
    colors = flat[::step, :3]
    counted = None if residual is None else residual[::step]  # (DN, the counted pixels')
    if codes is not None and flat.dtype == np.uint8 and flat.flags.c_contiguous:
        outside = _outside_codes(flat, step, scale, bounds, codes)  # (_outside's, fused)
    else:
        candidate = _outside(colors, scale, bounds)
        if codes is not None:
            counted = _code_residual(codes[::step])
        if counted is not None:
            candidate |= counted >= FILL_FAR
        outside = np.flatnonzero(candidate)
    least = max(FILL_PIXELS / step, FILL_SHARE * len(colors))
    if len(outside) < least:
        return (none, np.zeros(0)) if distances else none
    out = colors[outside]
    if out.dtype.kind != "u" or out.dtype.itemsize > 2:
        _, index, counts = np.unique(out, axis=0, return_index=True, return_counts=True)
    else:
        wide = out.astype(np.int64)  # one key a color (a tenth of the rows' own unique)
        _, index, counts = np.unique(
            (wide[:, 0] << 32) | (wide[:, 1] << 16) | wide[:, 2], return_index=True,
            return_counts=True,
        )  # fmt: skip
    index = index[counts >= least]
    found = np.ascontiguousarray(out[index])
    if not distances:
        return found
    if codes is not None:
        counted = _code_residual(codes[::step][outside[index]])
        return found, counted
    far = np.zeros(len(index)) if counted is None else counted[outside[index]]
    return found, np.asarray(far, dtype=np.float64)


def _code_residual(codes: np.ndarray) -> np.ndarray:
    """The residuals (DN) of packed answers ``codes`` (``_kernels``): code 0 (no alpha)
    none, code k (k - 1) / steps DN."""
    steps = codes >> kernels.RESIDUAL_SHIFT
    return np.maximum(steps.astype(np.float64) - 1.0, 0.0) / kernels.RESIDUAL_STEPS


def _outside_codes(
    flat: np.ndarray, step: int, scale: float, bounds: tuple[np.ndarray, np.ndarray],
    codes: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """``fill_colors``' candidates of uint8 ``flat`` with ``codes``: which of every
    ``step``-th pixel lie outside ``bounds`` (:func:`_outside`) or FILL_FAR DN or more
    from the map's colors (their :func:`_code_residual`), in one pass: a JPEG'd
    megapixel's 50 000 pixels, a dozen numpy passes 0.3-0.4 ms."""
    limits = np.zeros((2, 3), dtype=np.int64)  # (0..255 each: compared as _outside does)
    for channel in range(3):
        low = math.ceil((float(bounds[0][channel]) - FILL_MARGIN) / scale)
        high = math.floor((float(bounds[1][channel]) + FILL_MARGIN) / scale)
        limits[0, channel] = min(low, 256) if low > 0 else 0
        limits[1, channel] = max(high, -1) if high < 255 else 255
    found = np.empty((len(flat) + step - 1) // step, dtype=np.int64)
    n_found = _outside_kernel(
        kernels.readonly(flat), step, limits, codes, kernels.RESIDUAL_SHIFT,
        kernels.RESIDUAL_STEPS, FILL_FAR, found,
    )  # fmt: skip
    return found[:n_found]


@nb.njit(**_JIT)
def _outside_kernel(
    flat, step, limits, codes, shift, residual_steps, far, found
):  # pragma: no cover - jitted
    """:func:`_outside_codes`' pass: the indices (of every ``step``-th pixel) of those
    with a channel below ``limits[0]`` or above ``limits[1]`` or a residual of ``far``
    DN or more, into ``found``; how many."""
    n_found = 0
    for k in range(found.shape[0]):
        p = k * step
        out = False
        for c in range(3):
            value = np.int64(flat[p, c])
            out = out or value < limits[0, c] or value > limits[1, c]
        if not out:
            steps = np.float64(codes[p] >> shift)
            out = max(steps - 1.0, 0.0) / residual_steps >= far
        if out:
            found[n_found] = k
            n_found += 1
    return n_found


def mostly_off(pixels: np.ndarray, off: int, fills: np.ndarray | None) -> bool:
    """Whether ``off`` of the picture's ``pixels`` (N, C) make more than MOSTLY_OFF
    of those outside the ``fills`` boxes (a figure's margin is off the map too)."""
    if off <= MOSTLY_OFF * len(pixels):
        return False  # (the common case: no scan)
    if fills is None or not len(fills):
        return True
    filled = int(np.count_nonzero(fill_pixels(pixels, fills)))
    return off - filled > MOSTLY_OFF * (len(pixels) - filled)


def fill_pixels(pixels: np.ndarray, fills: np.ndarray) -> np.ndarray:
    """Which of ``pixels`` (..., C) lie in one of the ``fills`` boxes (K, 2, 3;
    :func:`fill_boxes`) (bool, shape of ``pixels`` without the channel axis)."""
    shape = pixels.shape[:-1]
    found = np.zeros(int(np.prod(shape)), dtype=bool)
    if not len(fills) or pixels.shape[-1] < 3:
        return found.reshape(shape)
    flat = pixels.reshape(-1, pixels.shape[-1])
    if flat.dtype.kind in "ui" and flat.dtype.itemsize <= 2:
        # (one pass over the pixels: numpy's cuts took 20 ms a call on a 640 x 480
        # figure, and a JPEG'd figure asks 7 times)
        _in_boxes(flat, fills.astype(np.int64), found)
        return found.reshape(shape)
    first = np.zeros(len(flat), dtype=bool)  # (a cheap first cut on one channel)
    for low, high in fills:
        first |= (flat[:, 0] >= low[0]) & (flat[:, 0] <= high[0])
    at = np.flatnonzero(first)
    colors = flat[at, :3]
    for low, high in fills:
        found[at[((colors >= low) & (colors <= high)).all(axis=1)]] = True
    return found.reshape(shape)


@nb.njit(**_JIT)
def _in_boxes(flat, boxes, found):  # pragma: no cover - jitted
    """``fill_pixels``' loop: ``found[p]`` where pixel ``p``'s RGB lies in a box. Up to 64
    boxes, per channel a table of the boxes each value lies in (bits), ANDed: no branch
    per box (a megapixel, 2 boxes: 3.3 -> 1.7 ms); a value past the tables' reach (negative, or
    above every box) is read box by box."""
    boxes_n = boxes.shape[0]
    if 0 < boxes_n <= 64:
        reach = min(max(boxes[:, 1, :].max() + 1, 1), 65536)
        bits = np.zeros((3, reach), dtype=np.uint64)
        for k in range(boxes_n):
            for c in range(3):
                for v in range(max(boxes[k, 0, c], 0), min(boxes[k, 1, c], reach - 1) + 1):
                    bits[c, v] |= np.uint64(1) << np.uint64(k)
        for p in range(flat.shape[0]):
            r, g, b = flat[p, 0], flat[p, 1], flat[p, 2]
            if 0 <= r < reach and 0 <= g < reach and 0 <= b < reach:
                if bits[0, r] & bits[1, g] & bits[2, b]:
                    found[p] = True
                continue
            if _in_a_box(boxes, r, g, b):
                found[p] = True
        return
    for p in range(flat.shape[0]):
        if _in_a_box(boxes, flat[p, 0], flat[p, 1], flat[p, 2]):
            found[p] = True


@nb.njit(**_JIT)
def _in_a_box(boxes, r, g, b):  # pragma: no cover - jitted
    """Whether (r, g, b) lies in one of ``boxes`` (K, 2, 3): low and high per channel."""
    for k in range(boxes.shape[0]):
        if (
            boxes[k, 0, 0] <= r <= boxes[k, 1, 0] and boxes[k, 0, 1] <= g <= boxes[k, 1, 1]
            and boxes[k, 0, 2] <= b <= boxes[k, 1, 2]
        ):  # fmt: skip
            return True
    return False


def fill_free(flat: np.ndarray, fills: np.ndarray) -> np.ndarray:
    """Which of a sample's pixels ``flat`` (P, C) are no fill (``fills``)."""
    return ~fill_pixels(flat, fills)


def without_fills(result: Any, pixels: np.ndarray, plan: Any) -> Any:
    """``result`` (a ``DecolorizeResult`` of ``pixels``) with the plan's fills NaN
    (none where the caller gave the threshold: ``plan.fills`` is empty then)."""
    if plan.fills is None or not len(plan.fills) or result.values.shape != pixels.shape[:-1]:
        return result
    values = result.values
    fill, decoded = fill_pixels(pixels, plan.fills), ~np.isnan(values)
    newly = fill & decoded
    if plan.jpeg and pixels.dtype == np.uint8 and pixels.ndim == 3:
        newly |= halo_pixels(pixels, fill, plan.fills, decoded & ~fill)
    if not newly.any():
        return result
    values[newly] = np.nan
    n_nan = result.n_nan + int(np.count_nonzero(newly)) if result.n_nan >= 0 else -1
    return replace(result, values=values, n_nan=n_nan)


def halo_pixels(
    pixels: np.ndarray, fill: np.ndarray, fills: np.ndarray, decoded: np.ndarray
) -> np.ndarray:
    """Which of a JPEG'd picture's ``decoded`` pixels (H, W) are the ringing of its
    ``fill`` (the pixels in the ``fills`` boxes; ``pixels`` (H, W, C) uint8): near the
    fill's color or near-neutral, in the fill's 8x8 blocks, and joined to a block
    mostly fill through such pixels and the fill (HALO_NEAR, HALO_NEUTRAL,
    HALO_BLOCK, HALO_SEED)."""
    # channel by channel (numpy's reductions over a 3-long last axis: a figure's 1 MP,
    # JPEG q75: 133 -> 23 ms a call, profiled)
    r, g, b = (pixels[..., c].astype(np.int16) for c in range(3))
    near = np.maximum(np.maximum(r, g), b) - np.minimum(np.minimum(r, g), b) <= HALO_NEUTRAL
    for color in fills[:, 0, :3].astype(np.int16):
        near |= (
            (np.abs(r - color[0]) <= HALO_NEAR) & (np.abs(g - color[1]) <= HALO_NEAR)
            & (np.abs(b - color[2]) <= HALO_NEAR)
        )  # fmt: skip
    near &= decoded
    share = _block_share(fill, HALO_BLOCK)
    in_fill = _per_pixel(share > 0.0, fill.shape, HALO_BLOCK)
    candidates = near & in_fill
    if not candidates.any():
        return candidates
    # ... and no part of a region of such pixels that reaches past the fill's blocks:
    # the data's own near-white, where no spine parts it from the margin (axis off)
    candidates &= ~_flood(near & ~in_fill, near)
    seeds = fill & _per_pixel(share >= HALO_SEED, fill.shape, HALO_BLOCK)
    return _flood(seeds, candidates | fill) & candidates


def _block_share(mask: np.ndarray, size: int) -> np.ndarray:
    """The share of ``mask`` (H, W) set in each size x size block (the last ones padded)."""
    rows, cols = -(-mask.shape[0] // size), -(-mask.shape[1] // size)
    padded = np.zeros((rows * size, cols * size), dtype=np.float32)
    padded[: mask.shape[0], : mask.shape[1]] = mask
    return padded.reshape(rows, size, cols, size).mean(axis=(1, 3))


def _per_pixel(blocks: np.ndarray, shape: tuple[int, ...], size: int) -> np.ndarray:
    """(H, W) ``blocks``' value at each pixel of its size x size block."""
    return np.repeat(np.repeat(blocks, size, axis=0), size, axis=1)[: shape[0], : shape[1]]


@nb.njit(**_JIT)
def _flood(seeds: np.ndarray, passable: np.ndarray) -> np.ndarray:  # pragma: no cover - jitted
    """The ``passable`` pixels (H, W) joined (4-neighbours) to ``seeds`` through
    ``passable`` ones (the seeds too, where passable)."""
    height, width = seeds.shape
    found = np.zeros((height, width), dtype=np.bool_)
    stack = np.empty(np.count_nonzero(passable), dtype=np.int64)  # each pixel once
    n = 0
    for y in range(height):
        for x in range(width):
            if seeds[y, x] and passable[y, x]:
                found[y, x] = True
                stack[n] = y * width + x
                n += 1
    while n:
        n -= 1
        y, x = stack[n] // width, stack[n] % width
        for yy, xx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
            if 0 <= yy < height and 0 <= xx < width and passable[yy, xx] and not found[yy, xx]:
                found[yy, xx] = True
                stack[n] = yy * width + xx
                n += 1
    return found


def _outside(
    colors: np.ndarray, scale: float, bounds: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """Which ``colors`` (P, 3; DN times ``scale``) lie FILL_MARGIN DN outside ``bounds``."""
    found = np.zeros(len(colors), dtype=bool)
    # integers: one channel a contiguous row (a sample's strided columns compared in
    # 0.15 ms, the copy and its rows in 0.08: a JPEG'd megapixel's 50 000 pixels)
    planar = np.ascontiguousarray(colors.T) if colors.dtype.kind in "ui" else colors.T
    for channel in range(3):
        low = (float(bounds[0][channel]) - FILL_MARGIN) / scale
        high = (float(bounds[1][channel]) + FILL_MARGIN) / scale
        values = planar[channel]
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


#: A fill's pixels off its own color lie next to what was drawn on it where no JPEG
#: touched it: antialiased ink, within RUNG_RADIUS pixels of a pixel outside the fill's
#: box (1 at 1:1; 2 once a browser scales the figure 1.25-1.5x). JPEG rings over the
#: 8x8 blocks the ink is in: such pixels up to 7 pixels from it (:func:`rung_share`).
RUNG_RADIUS = 2
#: Pixels of a fill's color read for the color itself (the most frequent one).
RUNG_SAMPLE = 20_000
#: Fewest margin pixels in blocks JPEG would ring in for :func:`rung_share` to judge.
RUNG_EXPOSED = 64
#: A figure's margin with at most this share of JPEG's ringing (:func:`rung_share`) is no
#: JPEG, whatever its data's marks say (trial 44: imshow PNGs, blocks 1.08-1.27). PNG
#: figures (imshow, pcolormesh, contourf; 72-200 dpi), 1.25x/1.5x screenshots 0; their
#: JPEGs (q75-95) 0.34-0.92, or no verdict (a margin along the 8x8 grid).
RUNG_SHARE = 0.001


def clean_margin(pixels: np.ndarray, fills: np.ndarray) -> bool:
    """Whether a figure's margin (``fills``) holds no JPEG's ringing (RUNG_SHARE)."""
    return bool(len(fills)) and rung_share(pixels, fills) <= RUNG_SHARE


def rung_share(pixels: np.ndarray, fills: np.ndarray) -> float:
    """Share of the pixels of ``pixels`` (H, W, C) in the ``fills`` boxes that are off
    their box's own color (its most frequent one) and farther than RUNG_RADIUS from any
    pixel outside the boxes: JPEG's ringing in a figure's margin, none in one saved
    lossless (PNG) and in its resampled copies. Read only in the 8x8 blocks (grid at
    the origin) that hold more than a margin's edge outside it, where JPEG rings; NaN
    (no verdict) with fewer than RUNG_EXPOSED such pixels, as for a margin along the grid.
    0 without fills."""
    if not len(fills) or pixels.ndim != 3 or pixels.shape[-1] < 3:
        return 0.0
    inside = fill_pixels(pixels, fills)
    total = np.count_nonzero(inside)
    if total == 0:
        return 0.0
    colors = pixels[..., :3]
    if colors.dtype == np.uint8:  # one number a color
        colors = (
            colors[..., 0].astype(np.uint32) << 16 | colors[..., 1].astype(np.uint32) << 8
            | colors[..., 2]
        )[..., None]  # fmt: skip
    flat = colors.reshape(-1, colors.shape[-1])
    own = np.zeros(inside.shape, dtype=bool)
    for low, high in fills:
        at = np.flatnonzero(inside & ((pixels[..., :3] >= low) & (pixels[..., :3] <= high)).all(-1))
        read = flat[at[:: max(1, len(at) // RUNG_SAMPLE)]]
        if len(read):
            found, counts = np.unique(read, axis=0, return_counts=True)
            own.ravel()[at] |= (flat[at] == found[np.argmax(counts)]).all(axis=-1)
    # outside pixels within RUNG_RADIUS of each: a (2 r + 1)^2 box's sum of an integral image
    side = 2 * RUNG_RADIUS + 1
    summed = np.pad(~inside, RUNG_RADIUS).cumsum(axis=0, dtype=np.int32).cumsum(axis=1)
    summed = np.pad(summed, ((1, 0), (1, 0)))
    near = summed[side:, side:] - summed[:-side, side:] - summed[side:, :-side]
    near += summed[:-side, :-side]
    # only where JPEG would ring: in the file's 8x8 blocks (grid at the origin) that hold
    # a pixel whose whole (2 r + 1)^2 box lies outside the margin (JPEG's upsampled
    # chroma tints a margin's edge pixel or two, whatever the grid); a margin whose edges
    # run along that grid rings nowhere and says nothing either way (NaN)
    core = near == side * side
    height, width = inside.shape
    rows, columns = -(-height // 8), -(-width // 8)
    blocks = np.zeros((8 * rows, 8 * columns), dtype=bool)
    blocks[:height, :width] = core
    straddle = blocks.reshape(rows, 8, columns, 8).any(axis=(1, 3))
    straddle = straddle.repeat(8, axis=0).repeat(8, axis=1)[:height, :width]
    exposed = inside & (near == 0) & straddle
    count = np.count_nonzero(exposed)
    if count < RUNG_EXPOSED:
        return float("nan")
    return np.count_nonzero(exposed & ~own) / count


def field_fills(
    fills: np.ndarray, flat: np.ndarray, pixels: np.ndarray, found: np.ndarray
) -> np.ndarray:
    """The ``fills`` (boxes) of a resampled discrete picture that are no means of its
    fields: most of their ``pixels`` (flat indices of the sample) not ``found`` such."""
    kept = []
    for box in fills:
        inside = np.all((flat[pixels, :3] >= box[0]) & (flat[pixels, :3] <= box[1]), axis=-1)
        if not np.count_nonzero(inside) or found[inside].mean() < 0.5:
            kept.append(box)
    return np.asarray(kept, dtype=fills.dtype).reshape(-1, *fills.shape[1:])
