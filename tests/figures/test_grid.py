"""The cell grid of blocky plots: matplotlib figures (PNG and JPEG) and pictures of cells."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from tests.figures.conftest import pixels_inside, save, smooth_field
from truepix.figures._grid import cell_edges, cell_values


def _jpeg(png: bytes, quality: int = 75) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(out, format="JPEG", quality=quality)
    return out.getvalue()


def _cells_picture(cells: np.ndarray, height: int, width: int) -> np.ndarray:
    """(height, width, 3) uint8: each pixel the color of the cell its centre falls in (imshow nearest)."""
    ny, nx = cells.shape
    rows = ((np.arange(height) + 0.5) * ny / height).astype(int)
    columns = ((np.arange(width) + 0.5) * nx / width).astype(int)
    colors = (plt.get_cmap("viridis")(cells)[..., :3] * 255).astype(np.uint8)
    return colors[rows[:, None], columns[None, :]]


@pytest.mark.parametrize(("shape", "size"), [((5, 7), (300, 410)), ((23, 31), (290, 400)), ((40, 50), (170, 215))])
@pytest.mark.parametrize("quality", [None, 75])
def test_cells_of_uneven_width_are_found_on_png_and_jpeg(shape, size, quality):
    # cells 4.25 .. 60 pixels, widths alternating between two integers; JPEG (4:2:0)
    # blurs each edge over a few pixels and rings beside it
    cells = np.random.default_rng(sum(shape)).uniform(0, 1, shape)
    picture = _cells_picture(cells, *size)
    if quality is not None:
        out = io.BytesIO()
        Image.fromarray(picture).save(out, format="JPEG", quality=quality)
        picture = np.asarray(Image.open(out).convert("RGB"))
    found = cell_edges(picture, np.ones(size, dtype=bool))
    assert found is not None
    rows, columns = found
    assert (len(rows) - 1, len(columns) - 1) == shape
    np.testing.assert_allclose(rows, np.linspace(0, size[0], shape[0] + 1), atol=1.0)
    np.testing.assert_allclose(columns, np.linspace(0, size[1], shape[1] + 1), atol=1.0)


def test_a_smooth_picture_has_no_grid():
    yy, xx = np.mgrid[0:200, 0:300]
    field = 0.5 + 0.5 * np.sin(xx / 17.0) * np.cos(yy / 23.0)
    picture = (plt.get_cmap("magma")(field)[..., :3] * 255).astype(np.uint8)
    assert cell_edges(picture, np.ones(field.shape, dtype=bool)) is None


def test_stripes_in_one_direction_only_are_no_grid():
    # cells along x, a smooth gradient along y: no row edges, so no cells
    field = np.add.outer(np.linspace(0, 0.5, 240), np.repeat(np.random.default_rng(1).uniform(0, 0.5, 12), 25))
    picture = (plt.get_cmap("viridis")(field)[..., :3] * 255).astype(np.uint8)
    assert cell_edges(picture, np.ones(field.shape, dtype=bool)) is None


def test_cell_values_leave_out_the_rim_and_missing_pixels():
    values = np.arange(6.0).reshape(2, 3).repeat(10, axis=0).repeat(10, axis=1)
    values[:2, :] = 99.0  # ringing on the first rows: inside the rim of a 10-pixel cell
    values[5, 5] = np.nan
    found = cell_values(values, np.array([0.0, 10.0, 20.0]), np.array([0.0, 10.0, 20.0, 30.0]))
    np.testing.assert_array_equal(found, np.arange(6.0).reshape(2, 3))


@pytest.mark.parametrize(("dpi", "shape"), [(72, (14, 22)), (72, (30, 24)), (100, (9, 12))])
def test_pcolormesh_saved_as_jpeg_keeps_its_grid(dpi, shape):
    # JPEG at screen resolution blurs the cells' edges into their neighbours: the grid
    # was lost (one value per screen pixel instead of one per cell)
    cells = smooth_field(*shape, 4) * 0.5 + np.random.default_rng(2).uniform(-0.5, 0.5, shape)
    fig, ax = plt.subplots(figsize=(5.5, 4.2), dpi=dpi)
    mesh = ax.pcolormesh(np.arange(shape[1] + 1), np.arange(shape[0] + 1) * 2.0, cells, cmap="turbo", vmin=-1.5, vmax=1.5)
    bar = fig.colorbar(mesh)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(_jpeg(made.png)).panels[0]
    assert panel.grid == shape
    np.testing.assert_allclose(panel.data.x.values, np.arange(shape[1]) + 0.5, atol=0.25)
    np.testing.assert_allclose(panel.data.y.values[::-1], np.arange(shape[0]) * 2.0 + 1.0, atol=0.5)
    # JPEG's colors stray: most cells within a few colormap bins of the array
    error = np.abs(panel.data.values[::-1] - cells)
    assert np.nanmedian(error) < 3 * 3 / 256, np.nanmedian(error)


@pytest.mark.parametrize(("dpi", "linewidth"), [(100, 0.5), (150, 1.0)])
def test_pcolormesh_with_edge_lines_keeps_its_grid_and_values(dpi, linewidth):
    rng = np.random.default_rng(5)
    cells = rng.uniform(0, 10, (12, 16))
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=dpi)
    mesh = ax.pcolormesh(cells, cmap="viridis", vmin=0, vmax=10, edgecolors="k", linewidth=linewidth)
    bar = fig.colorbar(mesh)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.grid == cells.shape
    error = np.abs(panel.data.values[::-1] - cells)
    assert np.max(error) <= panel.data.attrs["max_error"], np.max(error)


@pytest.mark.parametrize(("gridsize", "dpi", "cmap"), [(15, 100, "viridis"), (30, 150, "viridis"), (45, 200, "viridis"), (30, 72, "viridis"), (20, 72, "RdBu_r")])
def test_hexbin_reports_no_rectangular_grid(gridsize, dpi, cmap):
    # at 72 dpi the lattice of the hexagons' edges holds cells of one color each: half a
    # hexagon, paired with the neighbour on alternate sides in alternate rows (a brick wall)
    points = np.random.default_rng(gridsize).normal(size=(8000 if cmap == "viridis" else 5000, 2))
    fig, ax = plt.subplots(figsize=(5.5, 4.2), dpi=dpi)
    cells = ax.hexbin(points[:, 0], points[:, 1], gridsize=gridsize, cmap=cmap)
    bar = fig.colorbar(cells)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.grid is None
    assert panel.data.shape == pixels_inside(panel.bbox)



def test_numbers_written_in_the_cells_keep_the_grid_and_labels_at_cell_centres_name_the_cells():
    # seaborn's heatmap(annot=True): a number in each cell's middle (as evenly spaced
    # as the edges), no spines, tick labels 0..n-1 at the cells' centres
    rng = np.random.default_rng(8)
    cells = rng.normal(size=(8, 10)).cumsum(axis=1)
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    mesh = ax.pcolormesh(cells, cmap="viridis", vmin=-6, vmax=6)
    for (i, j), value in np.ndenumerate(cells):
        ax.text(j + 0.5, i + 0.5, f"{value:.0f}", ha="center", va="center", color="w" if value < 0 else "k")
    ax.set_xticks(np.arange(10) + 0.5, [str(j) for j in range(10)])
    ax.set_yticks(np.arange(8) + 0.5, [str(i) for i in range(8)])
    ax.set_ylim(8, 0)  # row 0 at the top
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = fig.colorbar(mesh)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.grid == cells.shape
    # the coordinates a reader of the picture sees: each cell is its label
    np.testing.assert_allclose(panel.data.x.values, np.arange(10), atol=0.1)
    np.testing.assert_allclose(panel.data.y.values, np.arange(8), atol=0.1)
    error = np.abs(panel.data.values - np.clip(cells, -6, 6))  # beyond the range: the map's ends
    assert np.max(error) <= panel.data.attrs["max_error"], np.max(error)
