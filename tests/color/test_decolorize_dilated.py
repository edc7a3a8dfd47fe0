"""``_grow.dilated`` (the decoder's one square dilation: stamps for few marks, whole-mask
shifts for many) against a plain numpy oracle and scikit-image's ``dilation`` with
a square footprint, by each of its ways, on random sparse and dense masks of odd shapes."""

from __future__ import annotations

import numpy as np
import pytest

from truepix.color._decolorize import _grow

SHAPES = [(1, 1), (1, 9), (7, 1), (5, 13), (31, 17), (64, 97)]


def _plain(mask: np.ndarray, radius: int) -> np.ndarray:
    """The OR of ``mask`` shifted by every offset of the (2 radius + 1)^2 square."""
    height, width = mask.shape
    padded = np.zeros((height + 2 * radius, width + 2 * radius), dtype=bool)
    padded[radius : radius + height, radius : radius + width] = mask
    out = np.zeros_like(mask)
    for dy in range(2 * radius + 1):
        for dx in range(2 * radius + 1):
            out |= padded[dy : dy + height, dx : dx + width]
    return out


def _masks(seed: int):
    """(mask, radius) per shape, radius 0..6 and density: none, sparse, dense, full."""
    rng = np.random.default_rng(seed)
    for shape in SHAPES:
        for radius in range(7):
            for density in (0.0, 0.003, 0.05, 0.4, 1.0):
                yield rng.random(shape) < density, radius


@pytest.mark.parametrize("cover", [None, 0.0, np.inf], ids=["chosen", "shifts", "stamps"])
def test_dilated_is_the_square_dilation(monkeypatch, cover):
    """Each way (and the one chosen by density) equals the oracle, 2-D and flat."""
    from skimage.morphology import dilation

    if cover is not None:
        monkeypatch.setattr(_grow, "DILATE_STAMP_COVER", cover)
    for mask, radius in _masks(5):
        want = _plain(mask, radius)
        footprint = np.ones((2 * radius + 1, 2 * radius + 1), dtype=bool)
        np.testing.assert_array_equal(dilation(mask, footprint), want)
        got = _grow.dilated(mask, radius)
        assert got.shape == mask.shape and got.dtype == bool
        np.testing.assert_array_equal(got, want)
        flat = _grow.dilated(mask.ravel(), radius, mask.shape)
        assert flat.shape == (mask.size,)
        np.testing.assert_array_equal(flat, want.ravel())


def test_dilated_leaves_its_mask():
    """The answer is a new array (callers change it), the mask as it was."""
    rng = np.random.default_rng(1)
    for density in (0.003, 0.4):
        mask = rng.random((40, 50)) < density
        kept = mask.copy()
        got = _grow.dilated(mask, 2)
        assert not np.shares_memory(got, mask)
        np.testing.assert_array_equal(mask, kept)


def test_dilated_picks_by_density(monkeypatch):
    """Few marks stamp (``_degraded.near``), many shift the whole mask."""
    calls = []
    near = _grow.degraded.near
    monkeypatch.setattr(_grow.degraded, "near", lambda *a: (calls.append(1), near(*a)))
    rng = np.random.default_rng(2)
    _grow.dilated(rng.random((200, 300)) < 0.001, 3)
    assert calls == [1]
    _grow.dilated(rng.random((200, 300)) < 0.3, 3)
    assert calls == [1]
