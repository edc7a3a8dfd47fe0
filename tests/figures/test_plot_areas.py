"""Plot-area helpers against plain numpy oracles."""

from __future__ import annotations

import numpy as np
import pytest

from truepix.figures._plot_areas import _near_colors


@pytest.mark.parametrize("seed", range(8))
def test_near_colors_matches_a_per_color_scan(seed: int) -> None:
    rng = np.random.default_rng(seed)
    picture = rng.integers(0, 256, (40, 60, 3)).astype(np.int16)
    picture[::3] = rng.integers(0, 256, 3)  # a color many pixels share
    colors = rng.integers(0, 256, (int(rng.integers(1, 200)), 3)).astype(np.int16)
    colors[0] = np.clip(picture[0, 0] + rng.integers(-12, 13, 3), 0, 255)  # within tolerance
    colors[-1] = np.clip(picture[1, 1] + 13, 0, 255)  # just past it, in some channel
    oracle = np.zeros(picture.shape[:2], dtype=bool)
    for color in colors:
        oracle |= np.abs(picture - color).max(axis=2) <= 12
    assert np.array_equal(_near_colors(picture, colors, 12), oracle)
