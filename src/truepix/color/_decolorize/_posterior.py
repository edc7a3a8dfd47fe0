"""Positions of noisy pixels as the median of their posterior over the table's bins.

A projection onto the map's polyline answers where a noisy color is closest to the
map; with the picture's noise known, every table entry near the color explains it
with some likelihood, and the position that halves the posterior's mass is the
answer of least mean absolute error. It differs from the projection where the
map is no straight line at the noise's scale: at its ends (the projection clips,
the posterior keeps mass inside), at corners, where a channel saturates (a 0 or
255 says "at most" or "at least", not "exactly": jet's blues and reds), and where
the picture's values are not spread evenly (the prior: the picture's own
histogram of positions).

The likelihood of a color ``c`` (8-bit, rounded and clipped) given entry ``t`` is
Gaussian per channel with the picture's noise sigma, a channel read as 0 or 255
taking the whole tail beyond it. Each entry k stands for the bin [k, k + 1) of
the N bins, uniformly; the median interpolates within the bin where the mass
crosses one half. Entries are visited outward from the projected position until
the likelihood has fallen TAIL_NATS below the best on both sides.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numba as nb
import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._filter import picture_table, true_sigma

__all__ = [
    "Posterior", "distinct_colors", "log_tails", "plan_posterior", "posterior_median",
    "gather_slots", "mark_slots", "posterior_noise", "spread",
]

_JIT: dict[str, Any] = {"cache": True, "nogil": True, "error_model": "numpy"}
#: Entries whose log-likelihood is this far below the best weigh < 1e-5 of it.
TAIL_NATS = 9.0
#: An entry's walk outward stops after this many entries in a row past TAIL_NATS
#: (an 8-bit table zigzags by half a DN: one entry may come back closer).
TAIL_RUN = 2
#: At most this many entries each side of the projected one (the posterior of a
#: slow stretch of the map is wider than this: the median is then the projection's).
MAX_REACH = 96
#: The prior: the picture's histogram of projected positions, smoothed by a
#: Gaussian of PRIOR_SMOOTH bins, plus PRIOR_FLOOR of a flat one (a value the
#: sample missed stays possible). Measured on benchmarks/colormaps.py's real fields
#: (viridis, jet, thermal, noise 2 DN): flat prior 0.835x the k-d tree's error after
#: the filter, this one 0.831x.
PRIOR_SMOOTH = 2.0
PRIOR_FLOOR = 0.1
#: Draws per bin that measure the posterior positions' noise (as ``_filter``'s).
NOISE_DRAWS = 24
NOISE_BINS_SMOOTHED = 5


@dataclass(frozen=True)
class Posterior:
    """What the posterior of a picture's pixels needs: table, noise, prior."""

    table: np.ndarray  # (N, 3) float64, DN: the table the picture's colors come from
    sigma: float  # noise per channel, DN
    log_prior: np.ndarray  # (N,) float64
    cyclic: bool
    tails: np.ndarray  # (N, 3, 2): log_tails(table, sigma)

    @classmethod
    def build(
        cls, table: np.ndarray, sigma: float, positions: np.ndarray, *, cyclic: bool
    ) -> Posterior:
        """A posterior whose prior is the histogram of ``positions`` (in [0, 1], NaN skipped)."""
        n_bins = len(table)
        known = positions[np.isfinite(positions)]
        bins = np.clip((known * n_bins).astype(np.intp), 0, n_bins - 1)
        counts = np.bincount(bins, minlength=n_bins).astype(np.float64)
        reach = int(4 * PRIOR_SMOOTH)
        kernel = np.exp(-0.5 * (np.arange(-reach, reach + 1) / PRIOR_SMOOTH) ** 2)
        padded = np.pad(counts, reach, mode="wrap" if cyclic else "edge")
        smooth = np.convolve(padded, kernel / kernel.sum(), mode="valid")
        total = smooth.sum()
        prior = (smooth / total if total > 0 else 0.0) + PRIOR_FLOOR / n_bins
        table = np.ascontiguousarray(table, dtype=np.float64)
        return cls(table, float(sigma), np.log(prior), cyclic, log_tails(table, sigma))

    def positions_memo(
        self, pixels: np.ndarray, block: np.ndarray, pool: np.ndarray, max_code: int
    ) -> np.ndarray | None:
        """Posterior medians of (P, C) uint8 pixels whose answers a decoder's memo
        (``block``, ``pool``) holds: each color's once, at its memo slot, its
        projected position read there (past ``max_code``: off the map, NaN).
        None when the memo lacks some color (decode the picture first).
        """
        firsts = np.full(len(pool), -1, dtype=np.int32)
        if mark_slots(pixels, block, pool, firsts):
            return None
        used = np.flatnonzero(firsts >= 0)
        codes = pool[used]
        residual_code = codes >> kernels.RESIDUAL_SHIFT
        start = (codes & kernels.POS_MASK) / kernels.POS_SCALE
        start[(residual_code == 0) | (residual_code > max_code)] = np.nan
        answers = np.empty(len(used), dtype=np.float64)
        posterior_median(
            np.ascontiguousarray(pixels[firsts[used]]), 1.0, start, self.table, self.tails,
            self.log_prior, self.sigma, self.cyclic, answers,
        )  # fmt: skip
        by_slot = np.empty(len(pool), dtype=np.float64)
        by_slot[used] = answers
        out = np.empty(len(pixels), dtype=np.float64)
        gather_slots(pixels, block, by_slot, out)
        return out

    def positions(self, pixels: np.ndarray, scale: float, start: np.ndarray) -> np.ndarray:
        """Posterior medians (in [0, 1]) of (P, C) pixels; ``start``: their projected
        positions (NaN: off the map, kept NaN)."""
        start = np.ascontiguousarray(start, dtype=np.float64)
        out = np.empty(len(start), dtype=np.float64)
        if pixels.dtype != np.uint8:
            posterior_median(
                pixels, scale, start, self.table, self.tails, self.log_prior, self.sigma,
                self.cyclic, out,
            )  # fmt: skip
            return out
        # a noisy picture repeats its colors (1 MP of viridis at 2 DN: 51 000 of them):
        # each distinct color's posterior once
        index = np.empty(len(start), dtype=np.int32)
        firsts = np.empty(len(start), dtype=np.int32)
        n_colors = distinct_colors(pixels, start, index, firsts)
        firsts = firsts[:n_colors]
        answers = np.empty(n_colors, dtype=np.float64)
        posterior_median(
            np.ascontiguousarray(pixels[firsts]), scale, start[firsts], self.table, self.tails,
            self.log_prior, self.sigma, self.cyclic, answers,
        )  # fmt: skip
        spread(answers, index, out)
        return out


def plan_posterior(
    decoder: Any, kind: str, sigma: float, codes: np.ndarray, max_code: int, cap: float
) -> tuple[Posterior, np.ndarray]:
    """The posterior of a noisy picture's pixels, and its positions' noise per bin.

    ``sigma``: the noise read off the residuals of the picture's sample, whose
    packed answers ``codes`` also give the prior (those within ``max_code``).
    """
    sigma = true_sigma(decoder, kind, sigma, codes, cap)
    residual_code = codes >> kernels.RESIDUAL_SHIFT
    kept = (residual_code > 0) & (residual_code <= max_code)
    positions = (codes[kept] & kernels.POS_MASK) / kernels.POS_SCALE
    posterior = Posterior.build(picture_table(decoder, kind), sigma, positions, cyclic=decoder.cyclic)
    return posterior, posterior_noise(posterior, sigma)


def posterior_noise(posterior: Posterior, sigma: float) -> np.ndarray:
    """Variance of a posterior position (units of [0, 1]) per bin under noise ``sigma`` DN.

    Measured as ``_filter.position_noise`` measures projections': NOISE_DRAWS
    seeded noisy copies of each table color, rounded and clipped to 8 bits, their
    positions' mean square shift from the bin's center, smoothed over
    NOISE_BINS_SMOOTHED bins, plus the bin's own uniform spread.
    """
    table = posterior.table
    n_bins = len(table)
    rng = np.random.default_rng(0)
    noisy = table[:, None, :] + rng.normal(0.0, sigma, (n_bins, NOISE_DRAWS, 3))
    colors = np.clip(np.round(noisy), 0, 255).astype(np.uint8).reshape(-1, 3)
    centers = np.repeat((np.arange(n_bins) + 0.5) / n_bins, NOISE_DRAWS)
    shift = posterior.positions(colors, 1.0, centers).reshape(n_bins, NOISE_DRAWS)
    shift -= (np.arange(n_bins)[:, None] + 0.5) / n_bins
    if posterior.cyclic:
        shift = (shift + 0.5) % 1.0 - 0.5
    kernel = np.ones(NOISE_BINS_SMOOTHED) / NOISE_BINS_SMOOTHED
    padded = np.pad(
        np.mean(shift**2, axis=1), NOISE_BINS_SMOOTHED // 2,
        mode="wrap" if posterior.cyclic else "edge",
    )  # fmt: skip
    return np.convolve(padded, kernel, mode="valid") + 1.0 / (12.0 * n_bins**2)


#: exp(x) on [-TAIL_NATS, 0] by linear interpolation in a table of EXP_STEPS per nat
#: (relative error < 3e-5): libm's exp took much of the kernel's time.
EXP_STEPS = 64
_EXP_TABLE = np.exp(-np.arange(int(TAIL_NATS * EXP_STEPS) + 2) / EXP_STEPS)


def log_tails(table: np.ndarray, sigma: float) -> np.ndarray:
    """(N, 3, 2) log P(a channel reads 0 | entry), log P(it reads 255 | entry)."""
    out = np.empty((*table.shape, 2))
    _log_tails(np.ascontiguousarray(table, dtype=np.float64), sigma, out)
    return out


@nb.njit(**_JIT)
def _log_tails(table, sigma, out):  # pragma: no cover - jitted
    scale = 1.0 / (sigma * math.sqrt(2.0))
    for k in range(table.shape[0]):
        for ch in range(table.shape[1]):
            t = table[k, ch]
            out[k, ch, 0] = math.log(max(0.5 * math.erfc((t - 0.5) * scale), 1e-300))
            out[k, ch, 1] = math.log(max(0.5 * math.erfc((254.5 - t) * scale), 1e-300))


@nb.njit(inline="always", **_JIT)
def _exp_below(x):  # pragma: no cover - jitted
    """exp(x) for x <= 0 (0 below -TAIL_NATS), from _EXP_TABLE."""
    at = -x * EXP_STEPS
    if at >= TAIL_NATS * EXP_STEPS:
        return 0.0
    i = int(at)
    return _EXP_TABLE[i] + (at - i) * (_EXP_TABLE[i + 1] - _EXP_TABLE[i])


@nb.njit(inline="always", **_JIT)
def _log_posterior(c0, c1, c2, side0, side1, side2, table, tails, log_prior, k, inv_two_var):
    """log P(entry k | color), up to a constant: Gaussian per channel, a channel read
    as 0 or 255 (``side`` 0 or 1; -1: inside) taking the tail beyond it (``tails``).
    """  # pragma: no cover - jitted
    total = log_prior[k]
    if side0 < 0:
        total -= (c0 - table[k, 0]) ** 2 * inv_two_var
    else:
        total += tails[k, 0, side0]
    if side1 < 0:
        total -= (c1 - table[k, 1]) ** 2 * inv_two_var
    else:
        total += tails[k, 1, side1]
    if side2 < 0:
        total -= (c2 - table[k, 2]) ** 2 * inv_two_var
    else:
        total += tails[k, 2, side2]
    return total


@nb.njit(inline="always", **_JIT)
def _side(value):  # pragma: no cover - jitted
    """-1 inside (0, 255), 0 at or below 0, 1 at or above 255."""
    return 0 if value <= 0.0 else (1 if value >= 255.0 else -1)


@nb.njit(inline="always", **_JIT)
def _walk(c0, c1, c2, side0, side1, side2, table, tails, log_prior, k0, step, reach, inv_two_var,
          cyclic, weights, best):  # fmt: skip
    """Log-posteriors of entries k0 + step, k0 + 2 step ... into ``weights`` (k0 at
    MAX_REACH) until TAIL_RUN entries in a row are TAIL_NATS below the best seen;
    the count written and the best so far."""  # pragma: no cover - jitted
    n_bins = table.shape[0]
    below = 0
    count = 0
    for i in range(1, reach + 1):
        k = k0 + i * step
        if cyclic:
            k %= n_bins
        elif k < 0 or k >= n_bins:
            break
        value = _log_posterior(
            c0, c1, c2, side0, side1, side2, table, tails, log_prior, k, inv_two_var
        )
        weights[MAX_REACH + i * step] = value
        count = i
        best = max(best, value)
        below = below + 1 if value < best - TAIL_NATS else 0
        if below >= TAIL_RUN:
            break
    return count, best


@nb.njit(parallel=True, **_JIT)
def posterior_median(pixels, scale, start, table, tails, log_prior, sigma, cyclic, out):
    """Posterior median positions (see the module) of (P, C) pixels into ``out``.

    ``start``: each pixel's projected position in [0, 1] (NaN: off the map, kept);
    the walk over entries goes outward from its bin, each way until TAIL_RUN
    entries in a row are TAIL_NATS below the best seen, or MAX_REACH entries.
    ``pixels * scale`` are colors in DN; ``tails``: :func:`log_tails`.
    """  # pragma: no cover - jitted
    n_pix = pixels.shape[0]
    n_bins = table.shape[0]
    inv_two_var = 0.5 / (sigma * sigma)
    reach = min(MAX_REACH, n_bins // 2 - 1 if cyclic else n_bins)
    n_chunks, chunk = kernels._chunks(n_pix, 4096, 256)
    for c in nb.prange(n_chunks):
        weights = np.empty(2 * MAX_REACH + 1)
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            if math.isnan(start[p]):
                out[p] = np.nan
                continue
            c0, c1, c2 = pixels[p, 0] * scale, pixels[p, 1] * scale, pixels[p, 2] * scale
            side0, side1, side2 = _side(c0), _side(c1), _side(c2)
            k0 = min(max(int(start[p] * n_bins), 0), n_bins - 1)
            best = _log_posterior(
                c0, c1, c2, side0, side1, side2, table, tails, log_prior, k0, inv_two_var
            )
            weights[MAX_REACH] = best
            n_low, best = _walk(c0, c1, c2, side0, side1, side2, table, tails, log_prior,
                                k0, -1, reach, inv_two_var, cyclic, weights, best)  # fmt: skip
            n_high, best = _walk(c0, c1, c2, side0, side1, side2, table, tails, log_prior,
                                 k0, 1, reach, inv_two_var, cyclic, weights, best)  # fmt: skip
            first, last = MAX_REACH - n_low, MAX_REACH + n_high
            total = 0.0
            for i in range(first, last + 1):
                weights[i] = _exp_below(weights[i] - best)
                total += weights[i]
            half = 0.5 * total
            running = 0.0
            answer = float(k0 + n_high + 1)
            for i in range(first, last + 1):
                if running + weights[i] >= half and weights[i] > 0.0:
                    answer = (k0 + i - MAX_REACH) + (half - running) / weights[i]
                    break
                running += weights[i]
            u = answer / n_bins
            out[p] = u - math.floor(u) if cyclic else min(max(u, 0.0), 1.0)


@nb.njit(**_JIT)
def _hash_slot(key, shift):  # pragma: no cover - jitted
    """Fibonacci hashing: the product's high bits mix all of the key's bits."""
    return ((np.uint64(key) * np.uint64(2654435761)) & np.uint64(0xFFFFFFFF)) >> shift


@nb.njit(**_JIT)
def distinct_colors(pixels, start, index, firsts):  # pragma: no cover - jitted
    """Number the distinct RGB colors of (P, C) uint8 pixels in order of appearance.

    ``index[p]``: pixel p's color's number (-1 where ``start`` is NaN: off the map);
    ``firsts[i]``: the first pixel of color i. Returns the count. An open-addressing
    hash table, kept at most half full by doubling: small enough to stay in cache
    (a table sized for every pixel missed it on each lookup).
    """
    bits = 12
    keys = np.full(1 << bits, -1, np.int32)
    ids = np.empty(1 << bits, np.int32)
    count = 0
    for p in range(pixels.shape[0]):
        if math.isnan(start[p]):
            index[p] = -1
            continue
        key = (np.int32(pixels[p, 0]) << 16) | (np.int32(pixels[p, 1]) << 8) | pixels[p, 2]
        mask = np.uint64((1 << bits) - 1)
        slot = _hash_slot(key, np.uint64(32 - bits))
        while keys[slot] != key and keys[slot] != -1:
            slot = (slot + np.uint64(1)) & mask
        if keys[slot] == key:
            index[p] = ids[slot]
            continue
        keys[slot] = key
        ids[slot] = count
        firsts[count] = p
        index[p] = count
        count += 1
        if 2 * count > (1 << bits):  # double the table, every key rehashed
            old_keys, old_ids = keys, ids
            bits += 1
            keys = np.full(1 << bits, -1, np.int32)
            ids = np.empty(1 << bits, np.int32)
            mask = np.uint64((1 << bits) - 1)
            for i in range(old_keys.shape[0]):
                if old_keys[i] != -1:
                    slot = _hash_slot(old_keys[i], np.uint64(32 - bits))
                    while keys[slot] != -1:
                        slot = (slot + np.uint64(1)) & mask
                    keys[slot] = old_keys[i]
                    ids[slot] = old_ids[i]
    return count


@nb.njit(parallel=True, **_JIT)
def spread(answers, index, out):  # pragma: no cover - jitted
    """``out[p] = answers[index[p]]``, NaN where ``index[p]`` is -1."""
    for p in nb.prange(index.shape[0]):
        out[p] = answers[index[p]] if index[p] >= 0 else np.nan


@nb.njit(parallel=True, **_JIT)
def mark_slots(pixels, block, pool, firsts):  # pragma: no cover - jitted
    """``firsts[slot]``: a pixel of each memo slot the (P, C) uint8 pixels use (any
    one: they share the color). Returns the count of pixels the memo cannot answer
    yet. Pixels their alpha rejects (not 255) are left out."""
    n_pix = pixels.shape[0]
    n_chunks, chunk = kernels._chunks(n_pix, 16384, 256)
    missing = np.zeros(n_chunks, np.int64)
    for c in nb.prange(n_chunks):
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            if pixels.shape[1] == 4 and pixels[p, 3] != 255:
                continue
            slot = kernels._slot(pixels, p, block)
            if slot < 0 or pool[slot] == 0:
                missing[c] += 1
            else:
                firsts[slot] = p
    return missing.sum()


@nb.njit(parallel=True, **_JIT)
def gather_slots(pixels, block, by_slot, out):  # pragma: no cover - jitted
    """``out[p]``: the answer at pixel p's memo slot (NaN where alpha is not 255)."""
    n_pix = pixels.shape[0]
    n_chunks, chunk = kernels._chunks(n_pix, 16384, 256)
    for c in nb.prange(n_chunks):
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            if pixels.shape[1] == 4 and pixels[p, 3] != 255:
                out[p] = np.nan
            else:
                out[p] = by_slot[kernels._slot(pixels, p, block)]
