"""Which of a map's luma branches JPEG'd pixels came from, read from their chroma.

JPEG keeps luma at every pixel and, at 4:2:0, one chroma per 2x2 block. A map whose
luma turns (jet, turbo: up to yellow, then down to dark red; cyclic maps) offers
several positions for one luma. The nearest color picks one per pixel, and where
chroma subsampling mixed a thin red line of a photograph with the cyan beside it into
gray, it picks the wrong one -- the cyan branch; JPEG's model of the block's chroma
(``_degraded.chroma_model_residual``), built on those positions, then misses the
pixel by 40-120 DN: a hole. :func:`rebranch` re-synthesises the chroma plane: each
2x2 block's off-map pixels may move to another branch of the same luma, and the
combination whose chroma, subsampled and upsampled as libjpeg does, explains the
block's observed chroma best is kept. Branches come only from the arc of positions
the pixels around hold: a stroke of a color the map lacks across a smooth field finds
no second branch there to blend with.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._grow import _row_starts, _slot_of
from truepix.color._decolorize._hull import _local_arc
from truepix.color._decolorize._kernels import _JIT

__all__ = ["map_samples", "rebranch"]

#: Branches tried per pixel besides its own position: the local minima of the luma
#: mismatch along the map, best first (jet has two per luma, cyclic maps two to four).
MAX_BRANCHES = 3
#: A branch is another one when at least this many bins from the pixel's own.
MIN_BRANCH_GAP = 8
#: libjpeg's triangle upsampling of 4:2:0 chroma, averaged over a 2x2 block: 9/16 of
#: the block's own value, 3/32 of each edge neighbour's, 1/64 of each corner one's.
_OWN, _EDGE, _CORNER = 9.0 / 16.0, 3.0 / 32.0, 1.0 / 64.0


def map_samples(
    vertices: np.ndarray, positions: np.ndarray, n_bins: int, cyclic: bool, ycc: np.ndarray
) -> np.ndarray:
    """(n_bins, 3) Y, Cb, Cr (DN) of the map's polyline at each bin's centre."""
    at = np.arange(n_bins) + 0.5
    period = n_bins if cyclic else None
    rgb = np.stack([np.interp(at, positions, vertices[:, c], period=period) for c in range(3)], -1)
    return np.ascontiguousarray(rgb @ ycc.T)


@nb.njit(**_JIT)
def _bin_of(s, n_bins):  # pragma: no cover - jitted
    return min(max(int(s * n_bins), 0), n_bins - 1)


@nb.njit(**_JIT)
def _options(luma, own, samples, tolerance, lo, hi, cyclic, out):  # pragma: no cover - jitted
    """Bins a pixel of ``luma`` may come from: its ``own`` first, then the local best
    luma matches (within ``tolerance`` DN) whose position lies in the arc [lo, hi].
    Returns how many (at most MAX_BRANCHES + 1)."""
    n_bins = samples.shape[0]
    out[0] = own
    best = np.full(MAX_BRANCHES, np.inf)
    where = np.full(MAX_BRANCHES, -1)
    for k in range(n_bins):
        d = abs(samples[k, 0] - luma)
        if d > tolerance or abs(k - own) < MIN_BRANCH_GAP:
            continue
        if k > 0 and abs(samples[k - 1, 0] - luma) < d:
            continue
        if k < n_bins - 1 and abs(samples[k + 1, 0] - luma) < d:
            continue
        at = (k + 0.5) / n_bins
        if not (lo <= at <= hi or (cyclic and lo <= at + 1.0 <= hi)):
            continue
        for i in range(MAX_BRANCHES):  # insert among the best few
            if d < best[i]:
                for j in range(MAX_BRANCHES - 1, i, -1):
                    best[j], where[j] = best[j - 1], where[j - 1]
                best[i], where[i] = d, k
                break
    n = 1
    for i in range(MAX_BRANCHES):
        if where[i] >= 0:
            out[n] = where[i]
            n += 1
    return n


@nb.njit(**_JIT)
def _mean_chroma(position, width, height, by, bx, samples):  # pragma: no cover - jitted
    """Mean map chroma of the 2x2 block (by, bx), clamped to the picture, at its
    pixels' positions (edges repeated, as libjpeg pads); NaN when one has none."""
    n_bins = samples.shape[0]
    by = min(max(by, 0), (height + 1) // 2 - 1)
    bx = min(max(bx, 0), (width + 1) // 2 - 1)
    u = v = 0.0
    for dy in range(2):
        for dx in range(2):
            s = position[min(2 * by + dy, height - 1) * width + min(2 * bx + dx, width - 1)]
            if math.isnan(s):
                return np.nan, np.nan
            k = _bin_of(s, n_bins)
            u += 0.25 * samples[k, 1]
            v += 0.25 * samples[k, 2]
    return u, v


@nb.njit(**_JIT)
def _first_of_block(p, candidates, starts, width):  # pragma: no cover - jitted
    """Whether candidate ``p`` is the first candidate of its 2x2 block (sorted order)."""
    y, x = p // width, p % width
    for q in (
        (y - y % 2) * width + x - x % 2, (y - y % 2) * width + x - x % 2 + 1,
        (y - y % 2 + 1) * width + x - x % 2,
    ):  # fmt: skip
        if q < p and _slot_of(q, candidates, starts, width) >= 0:
            return False
    return True


@nb.njit(**_JIT)
def _block_choices(  # pragma: no cover - jitted
    pixels, scale, width, height, position, residual, anchor, candidates, starts, movable,
    samples, ycc, tolerance, radius, margin, cyclic, by, bx, choices, n_choice, lumas, found,
):  # fmt: skip
    """Fill the bins each pixel of block (by, bx) may take (``choices``, ``n_choice``)
    and its lumas; return the block's observed mean chroma (NaN: a pixel has no
    position). See :func:`rebranch`."""
    n_bins = samples.shape[0]
    obs_u = obs_v = 0.0
    for i in range(4):
        q = (2 * by + i // 2) * width + 2 * bx + i % 2
        if math.isnan(position[q]):
            return np.nan, np.nan
        r, g, b = pixels[q, 0] * scale, pixels[q, 1] * scale, pixels[q, 2] * scale
        obs_u += 0.25 * (ycc[1, 0] * r + ycc[1, 1] * g + ycc[1, 2] * b)
        obs_v += 0.25 * (ycc[2, 0] * r + ycc[2, 1] * g + ycc[2, 2] * b)
        lumas[i] = ycc[0, 0] * r + ycc[0, 1] * g + ycc[0, 2] * b
        own = _bin_of(position[q], n_bins)
        choices[i, 0] = own
        n_choice[i] = 1
        slot = _slot_of(q, candidates, starts, width)
        if slot < 0 or not movable[slot]:
            continue
        # the arc only where the map has another branch at all
        if _options(lumas[i], own, samples, tolerance, -np.inf, np.inf, cyclic, choices[i]) > 1:
            lo, hi = _local_arc(
                position, residual, anchor, width, height, q % width, q // width, radius,
                cyclic, found,
            )  # fmt: skip
            span = (hi - lo) * margin
            n_choice[i] = _options(
                lumas[i], own, samples, tolerance, lo - span, hi + span, cyclic, choices[i]
            )  # fmt: skip
    return obs_u, obs_v


@nb.njit(**_JIT)
def _best_combination(  # pragma: no cover - jitted
    choices, n_choice, lumas, samples, obs_u, obs_v, rest_u, rest_v, pick
):  # fmt: skip
    """Write into ``pick`` the bins, one per pixel of the block, whose mean chroma
    (smoothed: ``_OWN`` of it plus the neighbours' ``rest``) is nearest the observed
    one, with the pixels' luma mismatch added."""
    best = np.inf
    for combo in range(n_choice[0] * n_choice[1] * n_choice[2] * n_choice[3]):
        rem = combo
        u = v = cost = 0.0
        for i in range(4):
            at = choices[i, rem % n_choice[i]]
            rem //= n_choice[i]
            u += 0.25 * samples[at, 1]
            v += 0.25 * samples[at, 2]
            cost += (samples[at, 0] - lumas[i]) ** 2
        e_u = obs_u - (_OWN * u + rest_u)
        e_v = obs_v - (_OWN * v + rest_v)
        cost += 4.0 * (e_u * e_u + e_v * e_v)
        if cost < best:
            best = cost
            rem = combo
            for i in range(4):
                pick[i] = choices[i, rem % n_choice[i]]
                rem //= n_choice[i]


@nb.njit(**_JIT)
def rebranch(  # pragma: no cover - jitted
    pixels, scale, width, position, residual, anchor, candidates, movable, samples, ycc,
    tolerance, radius, margin, cyclic,
):  # fmt: skip
    """Move candidates to the branches their 2x2 blocks' chroma calls for, in place.

    Per full 2x2 block holding a ``movable`` candidate (``candidates``: sorted flat
    indices; ``movable`` per candidate): each movable pixel may keep its position or
    take another bin whose luma lies within ``tolerance`` DN of its own
    (``_options``) and whose position lies in the local arc -- the positions of the
    pixels within ``radius`` whose residual is at most ``anchor`` DN, widened by
    ``margin`` times its length on each side. The combination whose mean chroma,
    smoothed with the blocks around as libjpeg upsamples it, is nearest the block's
    observed mean chroma (luma mismatch added) is written into ``position``, once
    every block is judged on the old positions. Returns the flat indices moved and
    their former positions, so that the caller can put them back.
    """
    height = position.shape[0] // width
    n_bins = samples.shape[0]
    starts = _row_starts(candidates, width, height)
    choices = np.empty((4, MAX_BRANCHES + 1), np.int64)
    n_choice = np.empty(4, np.int64)
    lumas = np.empty(4)
    pick = np.empty(4, np.int64)
    found = np.empty((2 * radius + 1) ** 2)
    moved = np.empty(candidates.shape[0], np.int64)
    bins = np.empty(candidates.shape[0], np.int64)
    n_moved = 0
    for k in range(candidates.shape[0]):
        p = candidates[k]
        by, bx = (p // width) // 2, (p % width) // 2
        if not movable[k] or 2 * by + 1 >= height or 2 * bx + 1 >= width:
            continue
        if not _first_of_block(p, candidates, starts, width):
            continue
        obs_u, obs_v = _block_choices(
            pixels, scale, width, height, position, residual, anchor, candidates, starts,
            movable, samples, ycc, tolerance, radius, margin, cyclic, by, bx, choices,
            n_choice, lumas, found,
        )  # fmt: skip
        if math.isnan(obs_u) or n_choice[0] * n_choice[1] * n_choice[2] * n_choice[3] == 1:
            continue
        rest_u = rest_v = 0.0  # the neighbour blocks' share, at their positions
        for dy in range(-1, 2):
            for dx in range(-1, 2):
                if dy != 0 or dx != 0:
                    weight = _EDGE if dy == 0 or dx == 0 else _CORNER
                    u, v = _mean_chroma(position, width, height, by + dy, bx + dx, samples)
                    rest_u += weight * u
                    rest_v += weight * v
        if math.isnan(rest_u + rest_v):
            continue
        _best_combination(choices, n_choice, lumas, samples, obs_u, obs_v, rest_u, rest_v, pick)
        for i in range(4):
            if pick[i] != choices[i, 0]:
                moved[n_moved] = (2 * by + i // 2) * width + 2 * bx + i % 2
                bins[n_moved] = pick[i]
                n_moved += 1
    former = np.empty(n_moved)
    for j in range(n_moved):
        former[j] = position[moved[j]]
        position[moved[j]] = (bins[j] + 0.5) / n_bins
    return moved[:n_moved], former
