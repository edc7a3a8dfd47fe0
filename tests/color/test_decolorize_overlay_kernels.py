"""``_overlays``' loops in numba give what its numpy expressions gave (speed only).

The oracle is the numpy code the loops replace (written out here): on a JPEG'd
matplotlib figure of a field with a white box at alpha 0.5 over it (``savefig`` as JPEG
q75, Pillow 4:2:0), the edge pairs are the same pairs in the same order, the RANSAC
votes the same counts, and the region found with the unblended colors looked up only
where the core may lie is the region found with them looked up everywhere.
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest

from tests.color._annotate import bumps
from tests.color._photographs import saved_rgb
from truepix import Decolorizer
from truepix.color._decolorize import _overlays as overlays
from truepix.color._decolorize._overlay_kernels import blend_votes

matplotlib.use("Agg")


@functools.cache
def _area(name: str) -> tuple[np.ndarray, Decolorizer]:
    """The plot area (RGB) of a JPEG'd figure of ``name`` with a white box at alpha."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    figure = plt.figure(figsize=(4, 3), dpi=100)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_axis_off()
    axes.imshow(bumps(100, 130, top=0.8), cmap=name, vmin=0, vmax=1, aspect="auto")
    axes.add_patch(Rectangle((15, 15), 45, 30, facecolor="white", alpha=0.5))
    return saved_rgb(figure, jpeg=True, dpi=100), Decolorizer(name, vmin=0.0, vmax=1.0)


def _box3(marked: np.ndarray) -> np.ndarray:
    padded = np.pad(marked, 1)
    height, width = marked.shape
    return sum(
        padded[1 + dy : 1 + dy + height, 1 + dx : 1 + dx + width]
        for dy in (-1, 0, 1) for dx in (-1, 0, 1)
    )  # fmt: skip


def _edge_pairs_numpy(area: np.ndarray, residual: np.ndarray, off: float) -> tuple:
    """``_overlays.edge_pairs`` as it was written with numpy slices."""
    height, width = residual.shape
    index = np.arange(height * width).reshape(height, width)
    k, m = overlays.OVERLAY_STEP, overlays.PLATEAU_STEP
    found = []
    for axis, size in ((1, width), (0, height)):
        cuts = [slice(0, size - k - 2 * m), slice(m, size - k - m), slice(m + k, size - m),
                slice(2 * m + k, size)]  # fmt: skip
        take = [(slice(None), cut) if axis == 1 else (cut, slice(None)) for cut in cuts]
        beyond_p, p, q, beyond_q = (area[cut].reshape(-1, 3).astype(np.int16) for cut in take)
        rp, rq = residual[take[1]].ravel(), residual[take[2]].ravel()
        ip, iq = index[take[1]].ravel(), index[take[2]].ravel()
        step = np.abs(p - q).max(axis=1) >= overlays.EDGE_DN
        flat = max(overlays.PLATEAU_DN, off)
        step &= np.abs(p - beyond_p).max(axis=1) <= flat
        step &= np.abs(q - beyond_q).max(axis=1) <= flat
        low, high = np.minimum(rp, rq), np.maximum(rp, rq)
        keep = step & (low <= overlays.ON_MAP) & (high >= off)
        keep &= high >= low + overlays.OFF_GAIN
        flip = rq < rp
        where = np.where(flip, ip, iq)
        marked = np.zeros(height * width, np.int32)
        marked[where[keep]] = 1
        keep &= _box3(marked.reshape(height, width)).ravel()[where] > overlays.RUN_NEIGHBOURS
        data = np.where(flip[:, None], q, p)[keep].astype(np.uint8)
        blend = np.where(flip[:, None], p, q)[keep].astype(np.uint8)
        found.append((data, blend, where[keep]))
    return tuple(np.concatenate(part) for part in zip(*found))


@pytest.mark.parametrize("name", ["viridis", "coolwarm"])
def test_edge_pairs_are_the_numpy_slices_pairs(name: str) -> None:
    area, decoder = _area(name)
    residual = overlays.residuals(decoder, area.reshape(-1, 3)).reshape(area.shape[:2])
    noise = float(np.quantile(residual, overlays.NOISE_SHARE))
    for off in (max(overlays.OFF_MAP, noise), 8.0, 20.0):
        fast = overlays.edge_pairs(area, residual, off)
        slow = _edge_pairs_numpy(area, residual, off)
        assert len(slow[0]) > 50  # (the box's edge)
        for got, expected in zip(fast, slow):
            assert got.dtype == expected.dtype
            assert np.array_equal(got, expected)


def test_blend_votes_count_as_the_broadcast_did() -> None:
    rng = np.random.default_rng(4)
    a, b = rng.uniform(0.3, 0.92, 300), rng.uniform(-20.0, 200.0, (300, 3))
    o = rng.integers(0, 256, (2000, 3)).astype(np.float64)
    q = 0.6 * o + 80.0 + rng.normal(0.0, 6.0, o.shape)
    off = q[None] - a[:, None, None] * o[None] - b[:, None, :]
    for fit in (10.0, 14.5):
        expected = ((off * off).sum(axis=2) <= fit**2).sum(axis=1)
        assert np.array_equal(blend_votes(a, b, o, q, fit**2), expected)


def test_the_region_looks_up_what_it_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    # every pixel's unblended color looked up (as before) or only where the core may lie
    # and what it encloses: the same region, the same mask
    area, decoder = _area("coolwarm")
    found = overlays.overlay_mask(decoder, area)
    assert found is not None and found.sum() > 1000
    looked: list[int] = []
    real = overlays._unblended_distance

    def counting(decoder_, colors, a, b):
        looked.append(len(colors))
        return real(decoder_, colors, a, b)

    monkeypatch.setattr(overlays, "_unblended_distance", counting)
    assert np.array_equal(overlays.overlay_mask(decoder, area), found)
    assert max(looked) < area.shape[0] * area.shape[1]
    monkeypatch.setattr(overlays, "_unblended_distance", real)
    residual = overlays.residuals(decoder, area.reshape(-1, 3)).reshape(area.shape[:2])
    colors = area.astype(np.float64)
    for a, b in ((0.5, np.full(3, 127.5)), (0.6, np.array([90.0, 100.0, 110.0]))):
        near = real(decoder, colors.reshape(-1, 3), a, b).reshape(residual.shape)
        seeds = np.flatnonzero(residual.ravel() >= 8.0)[::7]
        region = overlays.overlay_region(decoder, colors, residual, a, b, seeds, 8.0, 4.0)
        assert np.array_equal(region, _region_numpy(near, residual, seeds, 8.0, 4.0))


def _region_numpy(near, residual, seeds, noise, typical):
    """``_overlays.overlay_region`` with ``near`` (every pixel's) given."""
    from truepix.color._decolorize._fills import _flood
    from truepix.color._decolorize._grow import dilated

    height, width = residual.shape
    core = (near <= max(overlays.UNDER_DN, noise)) & (near <= overlays.UNDER_SHARE * residual)
    least = max(overlays.OFF_MAP, overlays.CORE_NOISE * typical)
    core &= residual >= np.maximum(near + overlays.UNDER_GAIN, least)
    start = np.zeros(height * width, np.int32)
    start[seeds] = 1
    region = overlays._seeded_parts(start.reshape(height, width), core, overlays.MIN_SEEDS)
    if not region.any():
        return region
    border = np.zeros((height, width), bool)
    border[[0, -1], :] = border[:, [0, -1]] = True
    outside = _flood(border, ~region)
    under = near <= max(overlays.UNDER_DN, noise)
    region |= ~outside & under & (near + overlays.UNDER_GAIN <= residual)
    return dilated(region, 1)
