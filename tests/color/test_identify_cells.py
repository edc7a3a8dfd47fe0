"""The cost kernel compares a table entry only with the picture colors within the cap of it
(``_nearest._CELL_MANY`` cells): on a JPEG'd picture, a small part of every color against every
entry, and the same costs to the bit as that brute force (before: 0.65 s of each 0.7 s
``identify_colormap`` call on a JPEG q75 picture went to comparing 8000 colors with 40 tables of
1020 entries each)."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

import truepix as tp
from truepix.color._identify._candidate_tables import _candidates
from truepix.color._identify._match import _CAP, _picture_colors
from truepix.color._identify._nearest import (
    color_caps, pairs_compared, planes_cost_off,
)  # fmt: skip


def _jpeg_colors() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(3)
    y, x = np.mgrid[0:96, 0:96] / 95.0
    data = 0.5 + 0.3 * np.sin(5 * x + 2 * y) * np.cos(4 * y) + 0.05 * rng.standard_normal((96, 96))
    picture = tp.colorize(np.clip(data, 0, 1), cmap="turbo", vmin=0, vmax=1)
    buffer = io.BytesIO()
    Image.fromarray(picture[..., :3]).save(buffer, format="JPEG", quality=75)
    return _picture_colors(np.asarray(Image.open(buffer)))


def _brute_force(colors, weights, planes, sizes, caps) -> tuple[np.ndarray, np.ndarray]:
    """Every color against every entry, summed in the colors' order (float32 squares)."""
    rgb = colors.astype(np.float32)
    cost, off = [], []
    for m in range(len(planes)):
        table = planes[m, :, : sizes[m]].T  # (K, 3) float32
        squares = ((rgb[:, None, :] - table[None, :, :]) ** 2).sum(axis=2, dtype=np.float32)
        best = squares.min(axis=1).astype(np.float64)
        terms = weights * np.sqrt(np.minimum(best, caps * caps))
        cost.append(np.cumsum(terms)[-1] / weights.sum())  # cumsum: summed in order
        off.append(np.cumsum(weights * (best > 0))[-1] / weights.sum())
    return np.array(cost), np.array(off)


def test_costs_equal_every_color_against_every_entry_with_a_fraction_of_the_work() -> None:
    colors, weights = _jpeg_colors()
    caps = color_caps(colors, weights, _CAP)
    caps[::7] = 5.0  # per-color caps: the neutral colors' lower one
    tables = _candidates()
    planes, sizes = tables.union
    chosen = np.arange(0, len(sizes), len(sizes) // 40)[:40]
    planes, sizes = planes[chosen], sizes[chosen]
    cost, off = planes_cost_off(colors, weights, planes, sizes, caps)
    expected_cost, expected_off = _brute_force(colors, weights, planes, sizes, caps)
    assert np.array_equal(cost, expected_cost)
    assert np.array_equal(off, expected_off)
    every = len(colors) * int(sizes.sum())
    assert pairs_compared(colors, planes, sizes, caps) < 0.1 * every  # 0.026
