"""Piecewise-constant fields resampled by OpenCV and scikit-image: every pixel is data.

A heatmap of integer counts shown as 8-pixel cells and a Voronoi label map, colored
with ``cmap(f, bytes=True)`` and resized: the cells keep table colors (the decode
reads noise 0) and the cells' edges blend two far-apart map colors. Those blends are
data. Decoded with the default call: at most 0.2 % holes (NaN) and -- a hole
counted as an error of the full range -- no worse than the nearest table color (a
k-d tree over the map's 256 bytes). The truth is the field resized by the same
filter. (Not yet: a cubic upscale's ringing beside two edges at once; turbo's counts
upscaled 2x by OpenCV keep 1.9 % holes, at the cells' corners.)
"""

from __future__ import annotations

from collections.abc import Callable

import matplotlib as mpl
import numpy as np
import pytest
from scipy.spatial import cKDTree

from tests._needs import need_module
from truepix.color._decolorize._api import decolorize

cv2 = need_module("cv2")

SIZE = 256
MAX_HOLES = 0.002


@pytest.fixture(scope="module")
def fields() -> tuple[np.ndarray, np.ndarray]:
    """A label map of 40 regions (each one random value) and a 32 x 32 array of
    Poisson counts (/10, clipped to 1) in 8-pixel cells."""
    rng = np.random.default_rng(5)
    seeds = rng.random((40, 2)) * SIZE
    yy, xx = np.mgrid[0:SIZE, 0:SIZE]
    nearest = cKDTree(seeds).query(np.c_[yy.ravel(), xx.ravel()])[1]
    voronoi = rng.random(40)[nearest].reshape(SIZE, SIZE)
    cells = rng.poisson(3, (SIZE // 8, SIZE // 8)) / 10.0
    return voronoi, np.clip(cells.repeat(8, 0).repeat(8, 1), 0.0, 1.0)


def _opencv(scale: float, method: str) -> Callable[[np.ndarray], np.ndarray]:
    size = round(SIZE * scale)
    return lambda a: cv2.resize(a, (size, size), interpolation=getattr(cv2, method))


def _local_mean(a: np.ndarray) -> np.ndarray:
    from skimage.transform import downscale_local_mean

    factors = (2, 2, 1) if a.ndim == 3 else (2, 2)
    out = downscale_local_mean(a, factors)
    return np.round(out).astype(np.uint8) if a.dtype == np.uint8 else out


def _check(field: np.ndarray, cmap: str, resize: Callable[[np.ndarray], np.ndarray]) -> None:
    picture = resize(mpl.colormaps[cmap](field, bytes=True)[..., :3])
    truth = np.clip(resize(field.astype(np.float32)).astype(float), 0.0, 1.0)
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    holes = float(np.isnan(values).mean())
    table = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
    nearest = cKDTree(table).query(picture.reshape(-1, 3).astype(float))[1]
    baseline = np.abs((nearest.reshape(truth.shape) + 0.5) / 256 - truth).mean()
    error = np.where(np.isnan(values), 1.0, np.abs(values - truth)).mean()
    assert holes <= MAX_HOLES, f"{holes:.2%} holes"
    # (cells of table colors decode to their bins' centres, as the k-d tree's do: ties)
    assert error <= baseline + 1e-6, f"error {error:.4f} > k-d tree {baseline:.4f}"


@pytest.mark.parametrize(
    ("cmap", "scale", "method"),
    [
        ("jet", 0.33, "INTER_LINEAR"),
        ("viridis", 0.5, "INTER_AREA"),
    ],
)
def test_counts_resized_by_opencv(
    fields: tuple[np.ndarray, np.ndarray], cmap: str, scale: float, method: str
) -> None:
    _check(fields[1], cmap, _opencv(scale, method))


@pytest.mark.parametrize("cmap", ["jet", "Spectral"])
def test_label_map_shrunk_by_area(fields: tuple[np.ndarray, np.ndarray], cmap: str) -> None:
    _check(fields[0], cmap, _opencv(0.5, "INTER_AREA"))


def test_label_map_local_mean(fields: tuple[np.ndarray, np.ndarray]) -> None:
    _check(fields[0], "jet", _local_mean)
