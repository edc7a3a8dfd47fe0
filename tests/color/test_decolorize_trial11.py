"""Issue 11's user trial: exact figures and resampled pictures as they arrive.

Each case is a failure the trial found (``benchmarks/decolorize_trial``), drawn by
matplotlib and resampled by OpenCV, scored against what a user compares with: the
nearest table color (a k-d tree over the map's 256 bytes).
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

from tests._needs import need_module
from tests.color._photographs import camera_256, imsave_rgb
from truepix.color._decolorize._api import decolorize

matplotlib.use("Agg")
cv2 = need_module("cv2")  # fails under CI=true when missing, as every capability test


@pytest.fixture(scope="module")
def photograph() -> np.ndarray:
    return camera_256()


# 2x bilinear upscaling interpolates chroma just as JPEG's 4:2:0 decoder does: the
# picture was taken for JPEG'd (coolwarm over a photograph: 1.14-1.38x the k-d
# tree's mean error, p99 twice its). JPEG keeps luma's detail; an upscale smooths it.
@pytest.mark.parametrize("method", ["INTER_LINEAR", "INTER_CUBIC"])
def test_upscaled_pictures_beat_the_nearest_color(photograph: np.ndarray, method: str) -> None:
    picture = imsave_rgb(photograph, "coolwarm")
    flag = getattr(cv2, method)
    big = cv2.resize(picture, (512, 512), interpolation=flag)
    truth = cv2.resize(photograph, (512, 512), interpolation=flag)
    values = decolorize(big, cmap="coolwarm", vmin=0, vmax=255)
    table = matplotlib.colormaps["coolwarm"](np.arange(256), bytes=True)[:, :3].astype(float)
    nearest = cKDTree(table).query(big.reshape(-1, 3).astype(float))[1].reshape(512, 512) + 0.5
    error = np.where(np.isnan(values), 256.0, np.abs(values - truth))
    baseline = np.abs(nearest - truth)
    assert error.mean() <= baseline.mean()
    assert np.percentile(error, 99) <= np.percentile(baseline, 99)


# hot's blends of far-apart colors (black-red-yellow-white: straight segments) are
# mostly its own colors, so a downscaled picture was taken for an exact render and
# its off-map blends for an annotation's cores and fringe: 1.71 % holes at area 0.5x.
@pytest.mark.parametrize("method", ["INTER_AREA", "INTER_LINEAR", "INTER_CUBIC"])
def test_downscaled_straight_maps_keep_their_pixels(photograph: np.ndarray, method: str) -> None:
    picture = imsave_rgb(photograph, "hot")
    small = cv2.resize(picture, (128, 128), interpolation=getattr(cv2, method))
    values = decolorize(small, cmap="hot", vmin=0, vmax=255)
    assert np.isnan(values).mean() <= 0.002


def _contour_figure(cmap: str, lines: bool) -> np.ndarray:
    import matplotlib.pyplot as plt

    dem = matplotlib.cbook.get_sample_data("jacksboro_fault_dem.npz")["elevation"]
    dem = dem[:128, :128].astype(float)
    fig = plt.figure(figsize=(1.28, 1.28), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.imshow(dem, cmap=cmap, interpolation="nearest")
    if lines:
        ax.contour(dem, levels=np.percentile(dem, [30, 70]), colors="black", linewidths=1)
    ax.set_xlim(-0.5, 127.5)
    ax.set_ylim(127.5, -0.5)
    buffer = io.BytesIO()
    fig.savefig(buffer, dpi=100)
    plt.close(fig)
    return np.asarray(Image.open(buffer).convert("RGB"))


# an exact 1:1 render of a smooth field under black contour lines: few steps between
# data neighbours, so the sharpness statistics were the strokes' own edges, and the
# antialiased fringe came back as values (85.6 % flagged on viridis, 73.1 % twilight)
@pytest.mark.parametrize("cmap", ["viridis", "twilight"])
def test_contour_lines_on_exact_figures_are_flagged(cmap: str) -> None:
    base, picture = _contour_figure(cmap, False), _contour_figure(cmap, True)
    change = np.abs(base.astype(int) - picture).max(axis=-1)
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values[change > 10]).mean() >= 0.99
    assert np.isnan(values[change == 0]).mean() <= 0.01  # the field the lines left alone
