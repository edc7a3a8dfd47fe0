"""Maps that change color faster than a JPEG keeps chroma (``prism``, ``flag``): judged by blocks.

``prism`` runs through its hue loop ten times, ``flag`` through red, white, blue and black
forty times: neighbouring table entries lie 48 and 72 DN apart (median), where every other
catalog map's lie under 25. On a field whose values move a couple of entries a pixel the
picture is colored noise, and JPEG's 4:2:0 subsampling keeps one chroma per 2x2 block --
the mean of four unrelated table colors -- then spreads it over the neighbours (libjpeg's
"fancy" upsampling). The decoded colors lie far from every map (median 72 DN from
prism's own table): each map scores under 0.2 and the top is noise (``gnuplot`` for a
``prism_r`` picture at q95; ``benchmarks/identify_ties.py``). Judging the colors one pixel
at a time cannot tell; the rule for the kind judges what the JPEG kept: each pixel's luma,
and each 2x2 block's chroma mean.

:func:`block_cost` picks, per pixel, the table entries of its luma (within
:data:`LUMA_DN`; up to :data:`OPTIONS` of distinct chroma), per block the four whose chroma
mean is nearest the block's (the decoded block means deblurred of the upsampling's
[1, 6, 1] / 8 spread), and costs each pixel its luma miss and its block's chroma miss in
RGB DN, capped like every other color. Only when the per-pixel ranking leaves every map
poor (:data:`POOR_DN`) and only for these tables (:data:`FAST_STEP_DN`): measured on
prism, prism_r, flag, flag_r over three fields, Pillow q75/q95 and cv2 q75, their own
block cost is 10-20 DN where the best per-pixel map costs 21-34; for pictures of jet,
hsv, gist_rainbow, gist_ncar, nipy_spectral and twilight, prism's and flag's block costs
stay at 22-39 DN.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

__all__ = ["FAST_STEP_DN", "POOR_DN", "block_cost", "fast_tables", "with_block_costs"]

#: A table whose neighbouring entries lie this far apart (median RGB distance) changes
#: faster than chroma subsampling follows (prism 48, flag 72; the next, MATLAB's 64-entry
#: hsv, 24).
FAST_STEP_DN = 32.0
#: The block rule is tried only when the best per-pixel cost is at least this (a score
#: of 0.5): a picture some map explains pixel by pixel is not this kind's.
POOR_DN = 20.0
LUMA_DN = 8.0  # how far (luma DN) a table entry may be from a pixel's luma to stand for it
OPTIONS = 3  # entries of distinct chroma tried per pixel: 3**4 per block
_DISTINCT_DN = 6.0  # chroma DN below which two options are one
_MAX_SIDE = 128  # pixels per side judged (a corner crop: blocks need neighbours)
_COVER_WEIGHT = 0.25 * 40.0  # cost of a table share no pixel picks (_cover.COVER_WEIGHT * CAP)

_TO_YCC = np.array(
    [[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]]
)
_TO_RGB = np.linalg.inv(_TO_YCC)


def fast_tables(luts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Indices of the tables whose median step between entries is :data:`FAST_STEP_DN` or more."""
    found = []
    for m, size in enumerate(sizes):
        table = luts[m, :size].astype(np.float64)
        if size >= 16 and np.median(np.linalg.norm(np.diff(table, axis=0), axis=1)) >= FAST_STEP_DN:
            found.append(m)
    return np.array(found, dtype=np.int64)


def with_block_costs(rgb: np.ndarray, cost: np.ndarray, tables: Any, cap: float) -> np.ndarray:
    """``cost`` with the fast tables' block costs where lower, when every map is poor.

    ``rgb``: the picture's (H, W, 3) uint8 colors (opaque); ``tables``: ``_match._Tables``.
    """
    finite = cost[np.isfinite(cost)]
    if finite.size and finite.min() < POOR_DN:
        return cost
    if min(rgb.shape[:2]) < 8:
        return cost
    cost = cost.copy()
    for m in tables.fast:
        table = tables.luts[m, : tables.sizes[m]]
        cost[m] = min(cost[m], block_cost(rgb, table, cap))
    return cost


def _deblurred(blocks: np.ndarray) -> np.ndarray:
    """Block means before the decoder's upsampling spread them by [1, 6, 1] / 8 each way."""
    out = blocks.copy()
    for _ in range(20):  # the kernel's response is >= 1/4: the iteration converges fast
        padded = np.pad(out, ((1, 1), (1, 1), (0, 0)), mode="edge")
        rows = (padded[:-2] + 6 * padded[1:-1] + padded[2:]) / 8
        spread = (rows[:, :-2] + 6 * rows[:, 1:-1] + rows[:, 2:]) / 8
        out += 1.5 * (blocks - spread)
    return out


def _options(luma: np.ndarray, table: np.ndarray) -> np.ndarray:
    """(N, OPTIONS) table entries (YCbCr) per luma: of that luma, far apart in chroma."""
    miss = np.abs(luma[:, None] - table[None, :, 0])
    near = miss <= LUMA_DN
    lost = ~near.any(axis=1)
    near[lost, miss[lost].argmin(axis=1)] = True  # no entry that bright: the nearest one
    first = np.where(near, miss, np.inf).argmin(axis=1)
    chosen = np.repeat(first[:, None], OPTIONS, axis=1)

    chroma = table[:, 1:].astype(np.float32)
    apart = np.linalg.norm(chroma[:, None] - chroma[None], axis=-1)  # (K, K), entry to entry
    farthest = np.where(near, apart[first], -1.0)
    for k in range(1, OPTIONS):
        pick = farthest.argmax(axis=1)
        chosen[:, k] = np.where(farthest.max(axis=1) > _DISTINCT_DN, pick, first)
        farthest = np.where(near, np.minimum(farthest, apart[pick]), -1.0)
    return chosen


def block_cost(rgb: np.ndarray, table: np.ndarray, cap: float) -> float:
    """Capped mean distance (RGB DN) of ``rgb`` to ``table`` judged by luma per pixel and
    chroma per 2x2 block, plus the cost of the table's share no pixel picks."""
    height, width = (min(side, _MAX_SIDE) // 2 * 2 for side in rgb.shape[:2])
    ycc = rgb[:height, :width].astype(np.float64) @ _TO_YCC.T
    entries = table.astype(np.float64) @ _TO_YCC.T
    rows, cols = height // 2, width // 2

    def blocks(values: np.ndarray) -> np.ndarray:  # (H, W, ...) -> (rows, cols, 4, ...)
        shaped = values.reshape(rows, 2, cols, 2, *values.shape[2:])
        return np.moveaxis(shaped, 2, 1).reshape(rows, cols, 4, *values.shape[2:])

    # a pixel's options depend on its luma alone: found once per quarter DN of luma
    levels, where = np.unique(np.round(ycc[..., 0].reshape(-1) * 4) / 4, return_inverse=True)
    options = _options(levels, entries)[where].reshape(height, width, OPTIONS)
    options = blocks(options)
    target = _deblurred(blocks(ycc[..., 1:]).mean(axis=2))
    best = np.full((rows, cols), np.inf)
    picked = options[..., 0].copy()
    for combo in itertools.product(range(OPTIONS), repeat=4):
        index = np.stack([options[:, :, i, c] for i, c in enumerate(combo)], axis=-1)
        miss = np.linalg.norm(entries[index][..., 1:].mean(axis=2) - target, axis=-1)
        better = miss < best
        best[better] = miss[better]
        picked[better] = index[better]
    chosen = entries[picked]  # (rows, cols, 4, 3)
    luma_miss = chosen[..., 0] - blocks(ycc[..., 0])
    chroma_miss = (chosen[..., 1:].mean(axis=2) - target)[:, :, None]
    chroma_miss = np.broadcast_to(chroma_miss, (*luma_miss.shape, 2))
    misses = np.concatenate([luma_miss[..., None], chroma_miss], axis=-1)
    distance = np.linalg.norm(misses @ _TO_RGB.T, axis=-1)
    used = np.zeros(len(table), dtype=bool)
    used[np.unique(picked)] = True
    used[1:] |= used[:-1].copy()
    used[:-1] |= used[1:].copy()
    return float(np.minimum(distance, cap).mean() + _COVER_WEIGHT * (1.0 - used.mean()))
