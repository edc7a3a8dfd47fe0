"""A large array drawn small by imshow, with a colorbar, saved as JPEG: decoded whole.

matplotlib resamples a 2000 x 3000 array into the ~500 x 370 px axes of its default
figure (interpolation 'auto': antialiased). The plot's frame, its ticks and their
labels lie on the white paper; JPEG rings around them. Their cores grew by luma
(``_grow.grow_similar``) through jet's yellow, which JPEG leaves weak candidates all
over a noisy field, across the plot: 2.93 % of it NaN, where the plot area cut out of
the same JPEG decoded with none (trial 48 t53 / t61 (b)). ``_margins.grown_within``
keeps the margin's cores growing within its ring. The oracle: the same figure drawn
with 'gray' (the same resampling), its level the truth; the nearest table color of a
k-d tree the baseline.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

import truepix as tp
from truepix.color._catalog import get

#: Holes allowed on the plot (issue 11), and error over the k-d tree's.
MAX_HOLES, MAX_RATIO = 0.002, 1.5


def _field(seed: int = 3) -> np.ndarray:
    """A smooth 2000 x 3000 field in [0, 1] with white noise (sigma 0.05) on it."""
    y, x = np.mgrid[0:2000, 0:3000] / 1000.0
    smooth = 0.5 + 0.3 * np.sin(1.3 * x + 0.4) * np.cos(0.9 * y) + 0.2 * np.exp(
        -((x - 2.0) ** 2 + (y - 0.8) ** 2) * 3.0
    )  # fmt: skip
    noise = np.random.default_rng(seed).normal(0.0, 0.05, smooth.shape)
    return np.clip(smooth + noise, 0.0, 1.0)


def _figure(data: np.ndarray, cmap: str, fmt: str) -> tuple[np.ndarray, tuple[slice, slice]]:
    """``data`` drawn by imshow into the default figure with a colorbar, saved as
    ``fmt``; the picture and the plot's interior (3 px inside the frame)."""
    figure, axes = plt.subplots()
    try:
        figure.colorbar(axes.imshow(data, cmap=cmap, vmin=-20, vmax=80))
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt)
        box = axes.get_window_extent()
        height = int(round(figure.bbox.height))
    finally:
        plt.close(figure)
    picture = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    rows = slice(height - int(np.floor(box.y1)) + 3, height - int(np.ceil(box.y0)) - 3)
    return picture, (rows, slice(int(np.ceil(box.x0)) + 3, int(np.floor(box.x1)) - 3))


@pytest.mark.slow
@pytest.mark.parametrize("cmap", ["jet"])
def test_big_array_drawn_small_jpeg_keeps_its_plot(cmap: str) -> None:
    data = 100.0 * _field() - 20.0
    picture, plot = _figure(data, cmap, "jpg")
    truth = _figure(data, "gray", "png")[0][plot][..., 0] / 255.0
    bar = tp.find_colorbar(picture)
    assert bar is not None
    values = tp.decolorize(picture, cmap=bar, vmin=-20, vmax=80)[plot]
    holes = np.isnan(values)
    assert holes.mean() <= MAX_HOLES, holes.mean()
    error = np.where(holes, 1.0, np.abs((values + 20.0) / 100.0 - truth)).mean()
    table = get(cmap).lut_bytes[:, :3].astype(np.float64)
    nearest = cKDTree(table).query(picture[plot].reshape(-1, 3).astype(np.float64))[1]
    baseline = np.abs((nearest + 0.5) / len(table) - truth.reshape(-1)).mean()
    assert error <= MAX_RATIO * baseline, (error, baseline)
