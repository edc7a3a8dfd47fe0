"""Kernels of the ink peak's tries (a figure with a half-transparent box) against numpy:
``_interp.colors_at_many`` (``Polyline.colors_at`` of many positions) against
``np.interp``, ``_inked._field`` against ``np.median`` of each window."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from truepix.color._catalog import get
from truepix.color._decolorize import _inked
from truepix.color._decolorize._api import Decolorizer
from truepix.color._decolorize._interp import colors_at_many
from truepix.color._decolorize._palette import INTERP_LEAST


def _numpy_colors(line, at: np.ndarray, cyclic: bool) -> np.ndarray:
    period = line.n_bins if cyclic else None
    return np.stack(
        [np.interp(at, line.positions, line.vertices[:, c], period=period) for c in range(3)], -1
    )


@pytest.mark.parametrize("name", ["viridis", "jet", "twilight", "hsv", "gray", "tab10"])
def test_colors_at_many_is_numpys_to_the_last_bit(name: str) -> None:
    cyclic = get(name).cyclic
    line = Decolorizer(name, vmin=0.0, vmax=1.0)._grid("u8", "luma").line
    rng = np.random.default_rng(7)
    n = line.n_bins
    at = np.concatenate([
        rng.uniform(-1.0, n + 1.0, 40_000), line.positions, np.arange(n + 1.0),
        [np.nan, -0.0, 1e-300, n - 1e-12, -3.5 * n, 2.25 * n],
    ])  # fmt: skip
    want = _numpy_colors(line, at, cyclic)
    got = colors_at_many(at, line.positions, line.vertices, n, cyclic)
    assert got.shape == want.shape
    assert np.array_equal(got.view(np.int64), want.view(np.int64))  # (NaN where NaN)
    # through the line itself, any shape: the kernel past INTERP_LEAST, numpy below
    grid = at[: 2 * INTERP_LEAST].reshape(2, INTERP_LEAST)
    assert np.array_equal(line.colors_at(grid), _numpy_colors(line, grid, cyclic))
    assert np.array_equal(line.colors_at(at[:100]), _numpy_colors(line, at[:100], cyclic))


def test_field_is_the_median_of_each_window() -> None:
    # positions as a decode gives them: a JPEG'd viridis field, luma-weighted
    rng = np.random.default_rng(3)
    y, x = np.mgrid[0:40, 0:52]
    data = np.clip(0.5 + 0.4 * np.sin(x / 7.0) * np.cos(y / 5.0) + 0.05 * rng.random(x.shape), 0, 1)
    rgb = matplotlib.colormaps["viridis"](data, bytes=True)[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=70)
    position = Decolorizer("viridis", vmin=0.0, vmax=1.0).values(np.asarray(Image.open(buffer)))
    height, width = position.shape
    position = position.ravel().copy()
    position[rng.random(position.size) < 0.3] = np.round(position[:1], 2)  # (ties)
    radius = _inked.INKED_FIELD_RADIUS
    for share in (0.0, 0.02, 0.5, 0.97):  # valid share: none, few (windows without), most
        valid = rng.random(position.size) < share
        wanted = rng.random(position.size) < 0.6
        got = _inked._field(position, valid, wanted, width, height, radius)
        want = np.zeros(position.size)
        for p in np.flatnonzero(wanted):
            yy, xx = divmod(p, width)
            rows = slice(max(0, yy - radius), yy + radius + 1)
            cols = slice(max(0, xx - radius), xx + radius + 1)
            window = position.reshape(height, width)[rows, cols]
            chosen = window[valid.reshape(height, width)[rows, cols]]
            want[p] = np.median(chosen if len(chosen) else window)
        assert np.array_equal(got, want), share


def _numpy_stroke(obs, field, upsampled, alpha, defined, ink, local, placed, box_up, capped):
    """``_inked._claimed``'s numpy form of the two passes (before ``_stroke_fit``)."""
    toward = ink[1:] - upsampled
    fit = ((obs[:, 1:] - upsampled) * toward).sum(axis=1)
    chroma_alpha = np.clip(fit / np.maximum((toward**2).sum(axis=1), 1e-6), 0.0, 1.0)
    alpha = np.where(defined, alpha, chroma_alpha)
    stroke = alpha[:, None] * ink + (1.0 - alpha[:, None]) * field
    placed[local, :2] = stroke[:, 1:]
    chroma_gap = obs[:, 1:] - box_up(placed)[local]
    squared_stroke = (chroma_gap**2).sum(axis=1) + (obs[:, 0] - stroke[:, 0]) ** 2
    opaque = alpha >= _inked.INKED_ALPHA
    gains = capped - squared_stroke
    placed[:, 2] = 0.0
    placed[local, 2] = np.where(opaque, gains, 0.0)
    return alpha, stroke, gains, placed


@pytest.mark.parametrize("seed", range(6))
def test_stroke_passes_are_numpys_to_the_last_bit(seed: int) -> None:
    from truepix.color._decolorize._stroke_fit import stroke_colors, stroke_gains

    rng = np.random.default_rng(seed)
    box = (int(rng.integers(3, 40)), int(rng.integers(3, 40)))
    n_box = box[0] * box[1]
    local = np.sort(rng.choice(n_box, int(rng.integers(1, n_box)), replace=False))
    n = len(local)
    obs = np.column_stack([rng.uniform(0, 255, n), rng.normal(0, 40, (n, 2))])
    field = np.column_stack([rng.uniform(0, 255, n), rng.normal(0, 40, (n, 2))])
    field[: n // 4, 1:] = obs[: n // 4, 1:]  # (the ink's chroma along none: fit 0)
    alpha = np.clip(rng.normal(0.5, 0.6, n), 0.0, 1.0)
    defined = rng.random(n) < 0.5
    ink = np.array([rng.uniform(0, 255), *rng.normal(0, 30, 2)])
    if seed == 0:
        ink[1:] = field[0, 1:]  # (no chroma way: |toward|^2 below 1e-6)
    capped = rng.uniform(0, 900, n)
    placed = np.zeros((n_box, 3))
    placed[local, :2] = field[:, 1:]
    upsampled = _inked._upsampled(placed, 2, box)[local]
    assert np.array_equal(_inked._upsampled(placed, 2, box, local), upsampled)
    # pixels whose chroma is the field's upsampled: the fit's products are zeros, -0.0
    # where the ink's chroma lies below (numpy's row sums start from 0.0)
    obs[n // 2 : n // 2 + n // 5, 1:] = upsampled[n // 2 : n // 2 + n // 5]
    if seed % 2:
        ink[1:] = -300.0

    def box_up(rows):
        return _inked._upsampled(rows, 2, box)

    want = _numpy_stroke(
        obs, field, upsampled, alpha.copy(), defined, ink, local, placed.copy(), box_up, capped
    )
    got_alpha, stroke, gains, got_placed = alpha.copy(), np.empty((n, 3)), np.empty(n), placed
    stroke_colors(obs, field, upsampled, got_alpha, defined, ink, local, got_placed, stroke)
    stroke_gains(obs, stroke, box_up(got_placed)[local], capped, got_alpha, _inked.INKED_ALPHA,
                 local, got_placed, gains)  # fmt: skip
    for got, expected in zip((got_alpha, stroke, gains, got_placed), want):
        assert np.array_equal(got.view(np.int64), expected.view(np.int64))
