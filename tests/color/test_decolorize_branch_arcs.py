"""The fast parts of ``_branches.rebranch`` against the plain definitions they replace.

``rebranch`` reads a pixel's local arc (``_hull._local_arc``: the range of positions its
anchors hold; on a cyclic map the shortest arc of the circle holding them) and the bins
whose luma is a local best match for a pixel's (a scan of every bin). Its fast versions
(``_branch_arcs``; ``_branches._luma_index`` with ``_branch_bins``) must give the same
numbers, bit for bit: the answers of ``rebranch`` depend on them.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from truepix.color._decolorize._branch_arcs import anchor_ends, local_arc, reaches
from truepix.color._decolorize._branches import _branch_bins, _luma_index, map_samples
from truepix.color._decolorize._hull import _local_arc
from truepix.color._decolorize._plan import _YCBCR

RADIUS, ANCHOR, MARGIN = 6, 15.0, 0.5


def _field(seed: int, height: int = 40, width: int = 52) -> tuple[np.ndarray, np.ndarray]:
    """Positions (a few NaN, a few exactly 0 or 1, patches of one value) and residuals."""
    rng = np.random.default_rng(seed)
    position = rng.random(height * width)
    position[rng.random(position.shape) < 0.05] = np.nan
    position[rng.random(position.shape) < 0.02] = 0.0
    position[rng.random(position.shape) < 0.02] = 1.0
    position[: 3 * width] = 0.3125  # ties
    residual = rng.exponential(15.0, position.shape)
    residual[rng.random(position.shape) < 0.01] = np.nan
    return position, residual


@pytest.mark.parametrize("cyclic", [False, True])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_local_arc_is_hulls_local_arc(cyclic: bool, seed: int) -> None:
    position, residual = _field(seed)
    width, height = 52, 40
    found = np.empty((2 * RADIUS + 1) ** 2)
    buckets = np.empty((2 * found.shape[0], 2))
    made = np.empty(position.shape)
    anchor_ends(position, residual, ANCHOR, made)
    for q in range(0, height * width, 7):
        x, y = q % width, q // width
        expected = _local_arc(position, residual, ANCHOR, width, height, x, y, RADIUS, cyclic,
                              np.empty((2 * RADIUS + 1) ** 2))  # fmt: skip
        got = local_arc(position, residual, ANCHOR, width, height, q, RADIUS, cyclic, found,
                        buckets, np.empty(0))  # fmt: skip
        assert got == expected
        if not cyclic:  # (the anchors' ends made once: maps not cyclic only)
            got = local_arc(position, residual, ANCHOR, width, height, q, RADIUS, cyclic, found,
                            buckets, made)  # fmt: skip
            assert got == expected


@pytest.mark.parametrize("seed", [0, 1])
def test_reaches_is_membership_in_the_widened_arc(seed: int) -> None:
    position, residual = _field(seed)
    width, height = 52, 40
    made = np.empty(position.shape)
    anchor_ends(position, residual, ANCHOR, made)
    rng = np.random.default_rng(seed + 10)
    for q in range(0, height * width, 5):
        lo, hi = _local_arc(position, residual, ANCHOR, width, height, q % width, q // width,
                            RADIUS, False, np.empty((2 * RADIUS + 1) ** 2))  # fmt: skip
        span = (hi - lo) * MARGIN
        for at in (*rng.random(4), lo - span, hi + span):  # (the ends themselves too)
            inside = bool(lo - span <= at <= hi + span)
            for ends in (np.empty(0), made):
                assert reaches(position, residual, ANCHOR, width, height, q, RADIUS, MARGIN, at,
                               ends) == inside  # fmt: skip


def _scanned(luma: float, samples: np.ndarray, tolerance: float) -> list[int]:
    """Every bin whose luma is a local best match within ``tolerance``: the full scan."""
    out = []
    for k in range(len(samples)):
        d = abs(samples[k, 0] - luma)
        if d > tolerance:
            continue
        if k > 0 and abs(samples[k - 1, 0] - luma) < d:
            continue
        if k < len(samples) - 1 and abs(samples[k + 1, 0] - luma) < d:
            continue
        out.append(k)
    return out


@pytest.mark.parametrize("name", ["jet", "turbo", "twilight", "viridis", "coolwarm", "gray"])
def test_branch_bins_are_the_full_scans(name: str) -> None:
    """Lumas over the map's range and past it, and exactly at its bins' lumas and midpoints."""
    table = matplotlib.colormaps[name](np.arange(256), bytes=True)[:, :3].astype(float)
    samples = map_samples(table, np.arange(256) + 0.5, 256, name == "twilight", _YCBCR)
    tolerance = 20.0
    base, starts, entries = _luma_index(samples, tolerance)
    rng = np.random.default_rng(3)
    lumas = np.concatenate([
        rng.uniform(-40.0, 300.0, 3000), samples[:, 0], 0.5 * (samples[1:, 0] + samples[:-1, 0]),
        samples[:, 0] + tolerance, samples[:, 0] - tolerance,
    ])  # fmt: skip
    bins, gaps = np.empty(256, np.int64), np.empty(256)
    for luma in lumas:
        n = _branch_bins(luma, samples, tolerance, base, starts, entries, bins, gaps)
        assert bins[:n].tolist() == _scanned(luma, samples, tolerance)
        assert np.array_equal(gaps[:n], np.abs(samples[bins[:n], 0] - luma))
