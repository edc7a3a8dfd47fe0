"""Positions of noisy pixels as the median of their posterior over the table's bins.

A projection onto the map's polyline answers where a noisy color is closest to the
map; with the picture's noise known, every table entry near the color explains it
with some likelihood, and the position that halves the posterior's mass is the
answer of least mean absolute error. It differs from the projection where the
map is no straight line at the noise's scale: at its ends (the projection clips,
the posterior keeps mass inside), at corners and along an 8-bit table's zigzag,
and where a channel saturates (a 0 or 255 says "at most" or "at least", not
"exactly": jet's blues and reds). Real fields under 2 DN noise (viridis, jet,
thermal): 0.978x the k-d tree's error -> 0.955x before the filter, 0.856x -> 0.835x
after it; benchmarks/colormaps.py's default call, 4 maps: 0.871x -> 0.846x.

The likelihood of a color ``c`` (8-bit, rounded and clipped) given entry ``t`` is
Gaussian per channel with the picture's noise sigma, a channel read as 0 or 255
taking the whole tail beyond it; the prior is flat. Each entry k stands for the
bin [k, k + 1) of the N bins, uniformly; the median interpolates within the bin
where the mass crosses one half. Entries are visited outward from the projected
position until the posterior has fallen TAIL_NATS below the best on both sides.
The answer depends on the color alone: :class:`Posterior` memoises it per 8-bit
color like the decoder's own answers, so a warm decode reads it in one pass.
"""

from __future__ import annotations

import math
from typing import Any

import numba as nb
import numpy as np

from truepix._validate import readonly
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._filter import bin_noise, picture_table, true_sigma
from truepix.color._decolorize._palette import Memo

__all__ = [
    "Posterior",
    "fill_memo",
    "log_tails",
    "memo_positions",
    "plan_posterior",
    "posterior_median",
    "posterior_noise",
    "posterior_positions",
    "tail_threshold",
]

_JIT: dict[str, Any] = {"cache": True, "nogil": True, "error_model": "numpy"}
#: Entries whose log-posterior is this far below the best weigh < 1.3e-4 of it (12
#: nats gave the same errors to 4 digits, 1.5x slower).
TAIL_NATS = 9.0
#: An entry's walk outward stops after this many entries in a row past TAIL_NATS
#: (an 8-bit table zigzags by half a DN: one entry may come back closer).
TAIL_RUN = 2
#: Draws per bin that measure the posterior positions' noise (as ``_filter``'s).
NOISE_DRAWS = 24
#: The noise a posterior is made for, rounded to this (DN): pictures of about the
#: same noise share one posterior and its memo of answers per color.
SIGMA_STEP = 0.1
#: A decoder keeps the posteriors (and their memos, up to 64 MiB each) of this many
#: noise levels, the least recently used going first: a stream of pictures of ever
#: new noise would otherwise grow it without end.
MAX_POSTERIORS = 4
POSTERIOR_KEY = "posterior"
#: A noisy picture's residual threshold keeps its noise's own tail: a pixel's residual
#: is at most the length of its noise (its table color lies on the map), chi with 3
#: degrees of freedom in sigmas, so among n pixels about n chi3.sf(k) pass k sigmas: a
#: fixed 5 sigmas leaves ~n / 140000 of them holes, ever more as pictures grow. k is
#: chosen so that TAIL_HOLES pixels of the picture are expected past it. Real fields
#: at 2 DN (benchmarks/colormaps.py, 10 maps, 256^2): 25 holes (residuals 9.8-10.5 DN
#: at a threshold of 9.55) -> 0, the error 0.818x the k-d tree's -> 0.815x.
TAIL_HOLES = 0.01


class Posterior(Memo):
    """A memo of posterior medians per 8-bit color (codes as the decoder's, the
    position replaced) for one table and noise sigma, with what making them needs."""

    def __init__(self, table: np.ndarray, sigma: float, *, cyclic: bool) -> None:
        super().__init__()
        self.table = np.ascontiguousarray(table, dtype=np.float64)  # (N, 3), DN
        self.sigma = float(sigma)  # noise per channel, DN
        self.cyclic = cyclic
        self.tails = log_tails(self.table, self.sigma)
        # flat: the picture's own histogram of positions gained 0.004x, but would tie
        # the memo to one picture
        self.log_prior = np.zeros(len(table))
        self.noise = posterior_noise(self)  # variance of a position per bin

    def positions(self, pixels: np.ndarray, scale: float, start: np.ndarray) -> np.ndarray:
        """Posterior medians (in [0, 1]) of (P, C) pixels; ``start``: their projected
        positions (NaN: off the map, kept NaN). Not memoised, but rounded as the memo's
        codes round them: every path gives a color the same answer."""
        out = np.empty(len(start), dtype=np.float64)
        start = np.ascontiguousarray(start, dtype=np.float64)
        posterior_median(
            readonly(np.ascontiguousarray(pixels)), scale, start, self.table, self.tails,
            self.log_prior, self.sigma, self.cyclic, out,
        )  # fmt: skip
        return np.floor(out * kernels.POS_SCALE + 0.5) * (1.0 / kernels.POS_SCALE)

    def positions_u8(
        self, decoder: Any, kind: str, pixels: np.ndarray, max_code: int
    ) -> np.ndarray:
        """Posterior medians of (P, C) uint8 pixels (NaN past ``max_code``), from the
        memo in one pass; colors it lacks are projected by ``decoder`` and added."""
        out = np.empty(len(pixels), dtype=np.float64)
        bits = out.view(np.uint64)
        need = np.zeros(len(self.block), dtype=np.uint8)
        linear = (kernels.NORM_LINEAR, 0.0, 1.0)
        pending, _ = kernels.values_u8(
            pixels, self.block, self.pool, decoder._opaque, max_code, *linear, out, bits, need
        )  # fmt: skip
        if pending:
            codes = decoder._codes(pixels, kind, 1.0, "rgb")  # the projections
            self.allocate(np.flatnonzero(need))
            fill_memo(
                pixels, codes, self.block, self.pool, self.table, self.tails, self.log_prior,
                self.sigma, self.cyclic, max_code, out, bits,
            )  # fmt: skip
        return out


def memo_positions(decoder: Any, flat: np.ndarray, kind: str, plan: Any, metric: str) -> np.ndarray:
    """Positions of (P, C) uint8 pixels in one pass from a memo (NaN past the plan's
    max_code); a noisy picture's are its posterior medians, from their own memo."""
    if plan.posterior is not None:
        return plan.posterior.positions_u8(decoder, kind, flat, plan.max_code)
    return decoder._values_u8(flat, kind, plan.max_code, metric, positions=True)[0]


def posterior_positions(
    decoder: Any, flat: np.ndarray, kind: str, scale: float, plan: Any, start: np.ndarray
) -> np.ndarray:
    """Posterior medians of (P, C) pixels whose projected positions are ``start`` (NaN
    past the plan's max_code): 8-bit ones from the posterior's memo, as ``values()``
    reads them, others computed per pixel (the same answers: see
    :meth:`Posterior.positions`)."""
    if kind in decoder._bytes:
        return plan.posterior.positions_u8(decoder, kind, flat, plan.max_code)
    return plan.posterior.positions(flat, scale, start)


def plan_posterior(
    decoder: Any, kind: str, sigma: float, codes: np.ndarray, cap: float
) -> Posterior:
    """The posterior (and memo) for a noisy picture: ``sigma``, the noise read off the
    residuals of its sample (packed answers ``codes``), corrected by draws."""
    sigma = true_sigma(decoder, kind, sigma, codes, cap)
    sigma = max(SIGMA_STEP, round(sigma / SIGMA_STEP) * SIGMA_STEP)
    key = (kind, f"{POSTERIOR_KEY} {sigma:.1f}")
    posterior = decoder._memos.pop(key, None)  # put back last: the most recently used
    if posterior is None:
        posterior = Posterior(picture_table(decoder, kind), sigma, cyclic=decoder.cyclic)
        kept = [k for k in decoder._memos if k[1].startswith(POSTERIOR_KEY)]
        for old in kept[: max(0, len(kept) - MAX_POSTERIORS + 1)]:  # least recently used
            del decoder._memos[old]
    decoder._memos[key] = posterior
    return posterior


def tail_threshold(threshold: float, sigma: float, n_pixels: int, cap: float) -> float:
    """``threshold`` (DN), raised (up to ``cap``) to the length that Gaussian noise of
    ``sigma`` DN per channel passes at TAIL_HOLES of ``n_pixels`` pixels."""
    goal = math.log(TAIL_HOLES / max(n_pixels, 1))
    low, high = 0.0, 40.0  # sigmas; chi3's log tail falls monotonically
    for _ in range(60):
        k = 0.5 * (low + high)
        tail = math.erfc(k / math.sqrt(2.0)) + math.sqrt(2.0 / math.pi) * k * math.exp(-0.5 * k * k)
        low, high = (k, high) if math.log(max(tail, 1e-300)) > goal else (low, k)
    return max(threshold, min(sigma * high, cap))


def posterior_noise(posterior: Posterior) -> np.ndarray:
    """Variance of a posterior position (units of [0, 1]) per bin under its noise.

    Measured as ``_filter.position_noise`` measures projections': NOISE_DRAWS
    seeded noisy copies of each table color, rounded and clipped to 8 bits, their
    positions' mean square shift from the bin's center, smoothed over
    NOISE_BINS_SMOOTHED bins, plus the bin's own uniform spread (``_filter.bin_noise``).
    """
    table = posterior.table
    n_bins = len(table)
    rng = np.random.default_rng(0)
    noisy = table[:, None, :] + rng.normal(0.0, posterior.sigma, (n_bins, NOISE_DRAWS, 3))
    colors = np.clip(np.round(noisy), 0, 255).astype(np.uint8).reshape(-1, 3)
    centers = np.repeat((np.arange(n_bins) + 0.5) / n_bins, NOISE_DRAWS)
    shift = posterior.positions(colors, 1.0, centers).reshape(n_bins, NOISE_DRAWS)
    shift -= (np.arange(n_bins)[:, None] + 0.5) / n_bins
    if posterior.cyclic:
        shift = (shift + 0.5) % 1.0 - 0.5
    return bin_noise(shift, posterior.cyclic)


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
    ``reach``) until TAIL_RUN entries in a row are TAIL_NATS below the best seen;
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
        weights[reach + i * step] = value
        count = i
        best = max(best, value)
        below = below + 1 if value < best - TAIL_NATS else 0
        if below >= TAIL_RUN:
            break
    return count, best


@nb.njit(**_JIT)
def _median_at(pixels, p, scale, k0, table, tails, log_prior, inv_two_var, reach, cyclic, weights):
    """Pixel p's posterior median in [0, 1], the walk begun at entry k0."""  # pragma: no cover
    n_bins = table.shape[0]
    c0, c1, c2 = pixels[p, 0] * scale, pixels[p, 1] * scale, pixels[p, 2] * scale
    side0, side1, side2 = _side(c0), _side(c1), _side(c2)
    best = _log_posterior(c0, c1, c2, side0, side1, side2, table, tails, log_prior, k0, inv_two_var)
    weights[reach] = best
    n_low, best = _walk(c0, c1, c2, side0, side1, side2, table, tails, log_prior,
                        k0, -1, reach, inv_two_var, cyclic, weights, best)  # fmt: skip
    n_high, best = _walk(c0, c1, c2, side0, side1, side2, table, tails, log_prior,
                         k0, 1, reach, inv_two_var, cyclic, weights, best)  # fmt: skip
    first, last = reach - n_low, reach + n_high
    total = 0.0
    for i in range(first, last + 1):
        weights[i] = _exp_below(weights[i] - best)
        total += weights[i]
    half = 0.5 * total
    running = 0.0
    answer = float(k0 + n_high + 1)
    for i in range(first, last + 1):
        if running + weights[i] >= half and weights[i] > 0.0:
            answer = (k0 + i - reach) + (half - running) / weights[i]
            break
        running += weights[i]
    u = answer / n_bins
    return u - math.floor(u) if cyclic else min(max(u, 0.0), 1.0)


@nb.njit(parallel=True, **_JIT)
def posterior_median(pixels, scale, start, table, tails, log_prior, sigma, cyclic, out):
    """Posterior median positions (see the module) of (P, C) pixels into ``out``.

    ``start``: each pixel's projected position in [0, 1] (NaN: off the map, kept);
    the walk over entries goes outward from its bin, each way until TAIL_RUN
    entries in a row are TAIL_NATS below the best seen (or half a cyclic map).
    ``pixels * scale`` are colors in DN; ``tails``: :func:`log_tails`.
    """  # pragma: no cover - jitted
    n_pix = pixels.shape[0]
    n_bins = table.shape[0]
    inv_two_var = 0.5 / (sigma * sigma)
    reach = n_bins // 2 - 1 if cyclic else n_bins - 1  # each way; the walk stops sooner
    n_chunks, chunk = kernels._chunks(n_pix, 4096, 256)
    for c in nb.prange(n_chunks):
        weights = np.empty(2 * reach + 1)
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            if math.isnan(start[p]):
                out[p] = np.nan
                continue
            k0 = min(max(int(start[p] * n_bins), 0), n_bins - 1)
            out[p] = _median_at(
                pixels, p, scale, k0, table, tails, log_prior, inv_two_var, reach, cyclic, weights
            )


@nb.njit(parallel=True, **_JIT)
def fill_memo(pixels, codes, block, pool, table, tails, log_prior, sigma, cyclic, max_code, out,
              out_bits):  # fmt: skip
    """The pixels ``values_u8`` left pending (PENDING_BITS in ``out_bits``): their
    posterior medians into ``out`` (NaN past ``max_code``) and into the memo, as
    their projections' ``codes`` with the position replaced."""  # pragma: no cover
    n_pix = pixels.shape[0]
    n_bins = table.shape[0]
    inv_two_var = 0.5 / (sigma * sigma)
    reach = n_bins // 2 - 1 if cyclic else n_bins - 1  # each way; the walk stops sooner
    n_chunks, chunk = kernels._chunks(n_pix, 4096, 256)
    for c in nb.prange(n_chunks):
        weights = np.empty(2 * reach + 1)
        for p in range(c * chunk, min(n_pix, (c + 1) * chunk)):
            if out_bits[p] != kernels.PENDING_BITS:
                continue
            slot = kernels._slot(pixels, p, block)
            code = pool[slot]
            if code == 0:  # not made by another pixel of its color yet
                code = codes[p]
                k0 = min(int((code & kernels.POS_MASK) * (n_bins / kernels.POS_SCALE)), n_bins - 1)
                u = _median_at(
                    pixels, p, 1.0, k0, table, tails, log_prior, inv_two_var, reach, cyclic,
                    weights,
                )  # fmt: skip
                position = np.uint32(min(max(u, 0.0), 1.0) * kernels.POS_SCALE + 0.5)
                code = (code & ~kernels.POS_MASK) | position
                pool[slot] = code
            out[p] = kernels._code_value(code, max_code, kernels.NORM_LINEAR, 0.0, 1.0)
