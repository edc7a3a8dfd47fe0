"""A contourf figure's levels through a resize (a HiDPI screenshot shown at half size).

Trial 52: ``contourf(levels=12, cmap="RdBu_r")`` saved at 200 dpi and shrunk 0.5x
with LANCZOS came back with 11 levels at confidence 1.0: the two light middle
levels (19 DN apart) blend over one pixel, and the bar's steps were cut where
colors move more than a compressed bar's noise. A resampled bar keeps each step
flat to a DN or two, so steps that close are two. The truth is matplotlib's own
layer colors and values.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp


def _contourf(cmap: str, dpi: int):
    y, x = np.mgrid[0:3:192j, 0:4:256j]
    fig, ax = plt.subplots()
    filled = ax.contourf(x, y, 3 * np.sin(2 * x) * np.cos(3 * y), levels=12, cmap=cmap)
    fig.colorbar(filled, ax=ax)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    plt.close(fig)
    colors = np.round(filled.cmap(filled.norm(filled.layers)) * 255)[:, :3]
    return Image.open(buffer).convert("RGB"), filled.layers, colors


def _shrunk(picture: Image.Image, scale: float) -> np.ndarray:
    size = (round(picture.width * scale), round(picture.height * scale))
    return np.asarray(picture.resize(size, Image.LANCZOS))


@pytest.mark.parametrize(
    ("cmap", "dpi", "scale"), [("RdBu_r", 200, 0.5), ("RdBu_r", 100, 0.75), ("PuOr", 200, 0.5)]
)
def test_a_shrunk_contourf_bar_keeps_every_level(cmap, dpi, scale):
    picture, layers, colors = _contourf(cmap, dpi)
    bar = tp.find_colorbar(_shrunk(picture, scale))
    assert len(bar.colors) == len(layers) == 12
    assert np.abs(np.asarray(bar.colors, float) - colors).max() <= 3


def test_a_shrunk_contourf_figure_reads_each_layer():
    picture, layers, _ = _contourf("RdBu_r", 200)
    panel = tp.read_figure(_shrunk(picture, 0.5)).panels[0]
    values = panel.data.values[~np.isnan(panel.data.values)]
    # each pixel near one layer's value (the 0.5-wide levels' middles), every layer present
    nearest = np.abs(values[:, None] - layers[None, :]).argmin(axis=1)
    assert np.median(np.abs(values - layers[nearest])) < 0.05
    assert np.isin(np.arange(len(layers)), nearest).all()
    assert np.mean(np.abs(values - layers[nearest]) < 0.1) > 0.9


def _field_errors(panel) -> tuple[np.ndarray, np.ndarray]:
    """The panel's values and the plotted field's at the same places (inside the frame)."""
    x, y = panel.data.x.values[None, :], panel.data.y.values[:, None]
    field = 3 * np.sin(2 * x) * np.cos(3 * y)
    inside = np.isfinite(panel.data.values) & (x > 0.02) & (x < 3.98) & (y > 0.02) & (y < 2.98)
    return panel.data.values[inside], field[inside]


@pytest.mark.parametrize("cmap", ["RdBu_r", "PuOr"])
def test_a_shrunk_contourf_answers_its_blended_edges_between_levels(cmap):
    # Trial 52: a contourf at dpi 200 shown at half size paints each level's edge in
    # blends of the two levels; snapped to the nearer level they were half a level
    # off the field there (5.4x a nearest-color lookup's error, confidence 1.0)
    picture, layers, _ = _contourf(cmap, 200)
    values, field = _field_errors(tp.read_figure(_shrunk(picture, 0.5)).panels[0])
    between = np.abs(values[:, None] - layers[None, :]).min(axis=1) > 0.05
    snapped = layers[np.abs(values[:, None] - layers[None, :]).argmin(axis=1)]
    assert between.mean() > 0.02  # the edges are there, and answered between the levels
    assert np.abs(values - field)[between].mean() < 0.8 * np.abs(snapped - field)[between].mean()
    # a 0.5-wide level answered at its middle errs 0.125 on average: no worse overall
    assert np.abs(values - field).mean() < 0.125


@pytest.mark.parametrize("scale", [1.0, 0.5])
def test_a_contourf_bar_of_close_levels_is_read_as_steps(scale):
    # viridis' twelve levels lie 20-32 DN apart: small enough for the continuous
    # bar's test, so the bar was read as a table of its 366 rows (cmap "colorbar")
    picture, layers, colors = _contourf("viridis", 100 if scale == 1.0 else 200)
    picture = np.asarray(picture) if scale == 1.0 else _shrunk(picture, scale)
    bar = tp.find_colorbar(picture)
    assert bar.boundaries is not None and len(bar.colors) == len(layers) == 12
    assert np.abs(np.asarray(bar.colors, float) - colors).max() <= 3
    panel = tp.read_figure(picture).panels[0]
    assert panel.data.attrs["cmap"] == "viridis"



@pytest.mark.parametrize(
    ("cmap", "dpi", "quality"),
    [("viridis", 100, None), ("magma", 100, None), ("cividis", 200, None), ("cividis", 200, 75)],
)
def test_a_contourf_with_straight_nodal_lines_is_no_grid_of_cells(cmap, dpi, quality):
    # sin(2x) cos(3y) is 0 on straight lines, 2 across and 3 down: with a faint period in the
    # rows, a lattice of 51 x 3 (viridis, magma: by the cells' medians, the zero band) or 52 x 3
    # cells (cividis: by their spread) was read as the grid, one value a cell. Its rows' edges
    # part no colors: shifted half a cell down, the cells spread as much (1.02-1.03x)
    picture = _contourf(cmap, dpi)[0]
    if quality is not None:
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=quality)
        picture = Image.open(buffer)
    panel = tp.read_figure(np.asarray(picture.convert("RGB"))).panels[0]
    assert panel.grid is None and min(panel.data.shape) > 300
    values, field = _field_errors(panel)
    # a 0.5-wide level answered at its middle errs 0.125 on average; the JPEG'd cividis bar is
    # read with 9 of its 12 steps (0.17: the bar's question, not the grid's)
    assert np.abs(values - field).mean() < (0.13 if quality is None else 0.2)
