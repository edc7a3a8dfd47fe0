"""A noisy picture's positions near the map's ends, untruncated before the filter.

A pixel's posterior median (``_posterior``) lies inside [0, 1]: near an end its
likelihood along the map is cut there, and the median of what is left sits inward of
the likelihood's center -- data at the end (a photograph's black, clipped) decode a
bin or more inside. The spatial filter averages such medians and keeps the bias: on
the astronaut photograph (11 % of it in the first bin) truepix erred more than the
k-d tree there. Here each median near an end is replaced by the center of the
Gaussian likelihood whose truncated median it is (in the noise's sds: the table of
:func:`median_table`), positions are extended past the ends to hold them (the noise
table too, with the ends' own noise), the filter runs on them unchanged, and its
answer is clipped back to [0, 1] (``_filter._blend``). Real fields at 2 DN
(benchmarks/colormaps.py, 10 maps, 256^2), error / the k-d tree's, with the noise
read between its steps (``_filter.code_median``, 0.8125): 0.8048, and 0.7971 with
END_PULL (astronaut viridis 0.825 -> 0.748, magma 0.863 -> 0.770, gray 0.809 ->
0.725; other fields within 0.002 of before). The Gaussian's cut medians match those
of noisy table colors' posteriors at the ends (their sd fitted to the draws' mean
medians in bins 0-2: 0.8-1.1x the sd read here, magma's dark end 1.3x). The ends'
noise read INNER_SDS sds inside (END_PULL 1): 3 sds 0.8071, 4 0.8068, 6 0.8059, 8
0.8055, 12 0.8142 (the noise there is another part of the map's).
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numba as nb
import numpy as np

from truepix._threads import split_rows

__all__ = ["median_table", "untruncated"]

_JIT: dict[str, Any] = {"cache": True, "nogil": True, "error_model": "numpy"}
#: The ends' own noise (untruncated) is the noise table's this many sds inside.
INNER_SDS = 8.0
#: Medians this close to an end (sds, pulled) are untruncated; positions reach this
#: far past it. An end whose INNER_SDS sds reach past a quarter of the map is left as is.
REACH_SDS = 8.0
#: The table of :func:`median_table`: its grid of likelihood centers (sds).
#: Medians are untruncated as if their noise were this many times its sd (the
#: noise assumed stays the sd): further out, so that after the filter more of them
#: clip back onto the end, where data often pile up (clipped at vmin or vmax, a
#: background; the astronaut has 5 % at 0). Real fields at 2 DN (sd scaled in the
#: noise table too): 0.8048 (1.0), 0.7989 (1.3), 0.7971 (1.5), 0.7969 (1.6), 0.7984
#: (2.0), camera 0.777 -> 0.780 at 1.5 (no data at its ends); scaled here alone, 1.5:
#: 0.7971, camera unchanged. 1 DN 0.8678 -> 0.8611, 3 DN 0.7571 -> 0.7498.
END_PULL = 1.5
_CENTERS = np.linspace(-REACH_SDS, REACH_SDS, 321)
_TABLE_STEPS = 256


@functools.cache
def median_table() -> np.ndarray:
    """(_TABLE_STEPS + 1,) the center (sds from the end, negative: past it) of the
    Gaussian likelihood whose median, cut at the end, lies ``REACH_SDS * i /
    _TABLE_STEPS`` sds inside (i = 0 ... _TABLE_STEPS).

    A likelihood N(m, 1) cut to [0, inf) has median t with ``Phi(t - m) = (1 +
    Phi(-m)) / 2``: solved by bisection on the grid of centers, then inverted."""
    phi = np.vectorize(lambda x: 0.5 * math.erfc(-x / math.sqrt(2.0)))
    goal = 0.5 * (1.0 + phi(-_CENTERS))
    low, high = np.zeros_like(_CENTERS), np.full_like(_CENTERS, 2.0 * REACH_SDS + 10.0)
    for _ in range(48):
        t = 0.5 * (low + high)
        above = phi(t - _CENTERS) >= goal
        high, low = np.where(above, t, high), np.where(above, low, t)
    medians = 0.5 * (low + high)  # increasing with the center
    steps = np.linspace(0.0, REACH_SDS, _TABLE_STEPS + 1)
    return np.interp(steps, medians, _CENTERS, left=-REACH_SDS)


def _end_sd(noise_by_bin: np.ndarray, end: int) -> float:
    """The noise sd (position units) of a median at ``end`` (0: the low end, 1: the
    high one) were the map not cut there: the noise table's INNER_SDS sds inside."""
    n_bins = len(noise_by_bin)
    sd = math.sqrt(noise_by_bin[0 if end == 0 else -1])
    for _ in range(4):  # the bin read depends on the sd read
        k = min(int(INNER_SDS * sd * n_bins), n_bins - 1)
        sd = math.sqrt(noise_by_bin[k if end == 0 else n_bins - 1 - k])
    return sd


def untruncated(
    position: np.ndarray, noise_by_bin: np.ndarray
) -> tuple[np.ndarray, np.ndarray, float, float] | None:
    """Posterior medians near a non-cyclic map's ends untruncated, in extended
    coordinates: (positions, their noise per bin, span, offset) -- a position ``u``
    of [0, 1] is ``(u + offset) / span`` there. None: neither end qualifies."""
    n_bins = len(noise_by_bin)
    sds = [_end_sd(noise_by_bin, end) for end in (0, 1)]
    pulls = [sd * END_PULL if INNER_SDS * sd < 0.25 else 0.0 for sd in sds]
    if pulls[0] == pulls[1] == 0.0:
        return None
    extra = [int(math.ceil(REACH_SDS * pull * n_bins)) + 1 if pull > 0.0 else 0 for pull in pulls]
    noise = noise_by_bin.copy()
    for end, (sd, pull) in enumerate(zip(sds, pulls, strict=True)):
        if pull > 0.0:  # the end's bins noisy as a median inside is
            inner = int(INNER_SDS * sd * n_bins)
            cut = slice(0, inner) if end == 0 else slice(n_bins - inner, n_bins)
            noise[cut] = np.maximum(noise[cut], sd * sd)
    noise = np.concatenate(
        [np.full(extra[0], sds[0] ** 2), noise, np.full(extra[1], sds[1] ** 2)]
    )  # fmt: skip
    span = (n_bins + extra[0] + extra[1]) / n_bins
    offset = extra[0] / n_bins
    out = np.empty_like(position)
    split_rows(
        _untruncate, position.shape[0], position, median_table(), pulls[0], pulls[1], offset,
        1.0 / span, out,
    )  # fmt: skip
    return out, noise / (span * span), span, offset


@nb.njit(**_JIT)
def _untruncate(  # pragma: no cover - jitted
    position, table, sd_low, sd_high, offset, inv_span, out, start, stop
):
    """Rows [start, stop) of :func:`untruncated` (an sd of 0: that end as is)."""
    steps = table.shape[0] - 1
    for y in range(start, stop):
        for x in range(position.shape[1]):
            u = position[y, x]
            if math.isnan(u):
                out[y, x] = u
                continue
            for end in range(2):
                sd = sd_low if end == 0 else sd_high
                inside = u if end == 0 else 1.0 - u
                if sd > 0.0 and inside < REACH_SDS * sd:
                    at = max(inside / sd, 0.0) * steps / REACH_SDS
                    i = min(int(at), steps - 1)
                    center = table[i] + (at - i) * (table[i + 1] - table[i])
                    inside = center * sd
                    u = inside if end == 0 else 1.0 - inside
            out[y, x] = (u + offset) * inv_span
