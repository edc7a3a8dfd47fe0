"""Coastlines in a color the map lacks over a textured field, JPEG'd (``_pulled``).

A cartopy-style map: a terrain field drawn by ``pcolormesh`` at dpi 100, many wiggly
magenta "coastlines" of lw 0.5 over it (trial 46's t29_coastlines.py, with fBm terrain
for its DEM), saved by Pillow at JPEG q75. jet's sharp turns between the cells read as
a resized picture's blends (``_edges.resized_blends``), and the thin strokes' pixels,
whose luma lies between the field's either side, passed for such blends: 40 % of the
coastline was flagged. Their color lies outside both the colors of the data around and
the map's own hull, which no blend of data reaches.

Coastline pixels are those the coastlines alone moved by more than 10 DN (the same
figure drawn without them); data pixels lie 3 px or more from any.
"""

from __future__ import annotations

import cv2
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib import cbook
from scipy import ndimage

from tests.color._photographs import pillow_jpeg
import truepix as tp
from tests.color._annotate import coastlines

matplotlib.use("Agg")

pytestmark = pytest.mark.slow  # (figures drawn three times over, JPEG'd, decoded)


def _map(
    field: np.ndarray, cmap: str, ink: str, coasts: bool = True, grid: bool = True,
    dpi: int = 100,
) -> tuple[np.ndarray, tuple[slice, slice]]:  # fmt: skip
    """The figure's RGB and its plot area's interior (3 px in from the spines)."""
    figure = plt.figure(figsize=(6, 3.4), dpi=dpi)
    axes = figure.add_axes([0.06, 0.08, 0.8, 0.84])
    lon = np.linspace(-179, 179, field.shape[1])
    lat = np.linspace(-89, 89, field.shape[0])
    mesh = axes.pcolormesh(lon, lat, field, cmap=cmap, vmin=0, vmax=1, shading="auto")
    figure.colorbar(mesh)
    for x, y in coastlines(14, 400) if coasts else []:
        axes.plot(x, y, color=ink, lw=0.5)
    if grid:  # (cartopy's gridlines: dashed gray, alpha 0.5)
        for lon in range(-150, 180, 30):
            axes.axvline(lon, color="0.5", ls="--", lw=0.5, alpha=0.5)
        for lat in range(-60, 90, 30):
            axes.axhline(lat, color="0.5", ls="--", lw=0.5, alpha=0.5)
    axes.set_xlim(-180, 180)
    axes.set_ylim(-90, 90)
    figure.canvas.draw()
    rgb = np.asarray(figure.canvas.buffer_rgba())[..., :3].copy()
    box = axes.get_window_extent()
    height = rgb.shape[0]
    area = (slice(int(np.ceil(height - box.y1)) + 3, int(np.floor(height - box.y0)) - 3),
            slice(int(np.ceil(box.x0)) + 3, int(np.floor(box.x1)) - 3))  # fmt: skip
    plt.close(figure)
    return rgb, area


def _dem() -> np.ndarray:
    """matplotlib's sample DEM, its 0.5-99.5 percentiles stretched to [0, 1], shrunk by
    area to 180 x 90 cells (trial 46's)."""
    with np.load(cbook.get_sample_data("jacksboro_fault_dem.npz", asfileobj=False)) as file:
        elevation = np.asarray(file["elevation"], dtype=np.float64)
    low, high = np.percentile(elevation, [0.5, 99.5])
    elevation = np.clip((elevation - low) / (high - low), 0.0, 1.0)
    return cv2.resize(elevation.astype(np.float32), (180, 90), interpolation=cv2.INTER_AREA
                      ).astype(np.float64)  # fmt: skip


@pytest.mark.parametrize(("cmap", "ink"), [("jet", "magenta"), ("viridis", "magenta"),
                                           ("magma", "cyan")])
def test_coastlines_over_a_terrain_map_are_flagged(cmap: str, ink: str) -> None:
    # coastline pixels flagged, % (before _pulled / after): jet 40.3 / 88.3 (the picture
    # read as resized), viridis 99.2 / 99.2, magma 97.3 / 97.3; data pixels NaN 0.01-0.04 %
    data = _dem()
    clean, area = _map(data, cmap, ink, coasts=False, grid=False)
    alone, _ = _map(data, cmap, ink, grid=False)
    drawn, _ = _map(data, cmap, ink)
    coast = np.abs(alone.astype(int) - clean.astype(int)).max(axis=-1)[area] > 10
    moved = np.abs(drawn.astype(int) - clean.astype(int)).max(axis=-1)[area]
    away = ~ndimage.binary_dilation(moved > 0, iterations=3)
    values = tp.decolorize(pillow_jpeg(drawn, 75), cmap=cmap, vmin=0, vmax=1)[area]
    assert np.isnan(values[coast]).mean() >= 0.85
    assert np.isnan(values[away]).mean() <= 0.002


def _smooth(height: int, width: int, seed: int) -> np.ndarray:
    """A few Gaussian bumps, stretched to [0, 1]."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width] / max(height, width)
    field = np.zeros((height, width))
    for _ in range(6):
        cx, cy, size, weight = (rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0.08, 0.3),
                                rng.uniform(-1, 1))  # fmt: skip
        field += weight * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * size * size))
    return (field - field.min()) / (field.max() - field.min())


def test_gridlines_over_a_smooth_field_are_no_cells() -> None:
    # the dashed gridlines every 30 degrees stand out as a grid's boundaries (48 x 72 px
    # cells at dpi 150), but the field continues across them (``_cellmarks._sides_apart``):
    # 3.1 % of the data's pixels were taken for marks in those cells (4.6 % of those
    # 3 px or more from any stroke), now 0.02 %
    data = _smooth(90, 180, seed=4)
    clean, area = _map(data, "jet", "magenta", coasts=False, grid=False, dpi=150)
    drawn, _ = _map(data, "jet", "magenta", dpi=150)
    picture = pillow_jpeg(drawn, 75)
    moved = np.abs(drawn.astype(int) - clean.astype(int)).max(axis=-1)[area]
    away = ~ndimage.binary_dilation(moved > 0, iterations=3)
    values = tp.decolorize(picture, cmap="jet", vmin=0, vmax=1)[area]
    assert np.isnan(values[away]).mean() <= 0.002
