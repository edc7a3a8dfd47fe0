"""Cell grids under what is drawn over them or missing from them: text in the cells, grid lines, empty bins.

From the second new-user trial: a LogNorm hist2d saved as JPEG, seaborn's
``heatmap(annot=True)`` and ggplot-style grid lines over an
``imshow(interpolation="nearest")`` were read one value per pixel (NaN
under the text and lines) at a confidence of 0.86 to 1.0.
"""

from __future__ import annotations

import functools
import io

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from tests.figures.conftest import save
from truepix.figures._grid import cell_search


def _jpeg(png: bytes, quality: int = 75) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(out, format="JPEG", quality=quality)
    return out.getvalue()


def _oracle(picture: bytes, box: tuple[float, float, float, float], shape: tuple[int, int], cmap: str, norm) -> np.ndarray:
    """Each cell's value decoded with the true map and limits: the median of its pixels, off a fifth of a cell at its rim."""
    image = np.asarray(Image.open(io.BytesIO(picture)).convert("RGB"))
    kind = "log" if isinstance(norm, mcolors.LogNorm) else "linear"
    rows, columns = np.linspace(box[1], box[3], shape[0] + 1), np.linspace(box[0], box[2], shape[1] + 1)
    out = np.full(shape, np.nan)
    for i in range(shape[0]):
        for j in range(shape[1]):
            dy, dx = (rows[i + 1] - rows[i]) / 5, (columns[j + 1] - columns[j]) / 5
            cell = image[int(np.ceil(rows[i] + dy)) : int(rows[i + 1] - dy), int(np.ceil(columns[j] + dx)) : int(columns[j + 1] - dx)]
            values = tp.decolorize(cell, cmap=cmap, vmin=norm.vmin, vmax=norm.vmax, norm=kind)
            if np.isfinite(values).mean() >= 1 / 3:
                out[i, j] = np.nanmedian(values)
    return out


def _within_oracle(found: np.ndarray, truth: np.ndarray, oracle: np.ndarray, bound: float, range_error: float = 0.0) -> None:
    """The cells' largest error is at most the bound the reading states, or 1.2 times the oracle's (plus the range's error)."""
    error = np.nanmax(np.abs(found - truth))
    allowed = max(bound, 1.2 * np.nanmax(np.abs(oracle - truth))) + range_error
    assert error <= allowed, (error, allowed)


def test_hist2d_with_lognorm_saved_as_jpeg_keeps_its_bins_and_its_empty_bins_are_nan():
    # half the bins are empty (NaN under LogNorm, drawn as background): the grid was lost
    # on the JPEG (one value per pixel at confidence 1.0) while the PNG kept it
    rng = np.random.default_rng(0)
    x = rng.normal(size=20000)
    y = 0.5 * x + rng.normal(size=20000) * 0.8
    edges = np.linspace(-4, 4, 33)
    counts = np.histogram2d(x, y, bins=[edges, edges])[0].T  # rows along y, rising
    norm = mcolors.LogNorm(1, counts.max())
    fig, ax = plt.subplots(figsize=(6, 5), dpi=90)
    *_, image = ax.hist2d(x, y, bins=[edges, edges], cmap="viridis", norm=norm)
    bar = fig.colorbar(image)
    made = save(fig, [ax], [bar])
    picture = _jpeg(made.png)
    panel = tp.read_figure(picture).panels[0]
    assert panel.grid == counts.shape
    found = panel.data.values[::-1]  # rows from the top
    empty = counts < 1
    assert np.array_equal(np.isnan(found), empty)
    truth = np.log10(np.where(empty, np.nan, counts))
    oracle = np.log10(_oracle(picture, made.axes[0], counts.shape, "viridis", norm)[::-1])
    # the bound the reading states is in data units; in decades it is the same share of the span
    _within_oracle(np.log10(found), truth, oracle, 0.01 * np.log10(counts.max()))


@pytest.mark.parametrize(("cmap", "dpi", "jpeg"), [("rocket", 100, False), ("YlOrRd", 90, True)])
def test_numbers_written_in_a_seaborn_heatmap_neither_break_its_grid_nor_leave_a_cell_nan(
    seaborn, cmap, dpi, jpeg
):
    # the labels (white on dark cells, black on light ones; white blended into YlOrRd is
    # a color of the map) are as evenly spaced as the edges: one value per pixel came back,
    # 6% NaN under the text, at confidence 0.91
    sns = seaborn
    # above 5: on the JPEG, YlOrRd's lightest end fades into the paper and the bar is read from 5
    # (a doubt says so); cells lighter than that are another question than the grid's
    cells = np.random.default_rng(3).uniform(6, 38, (8, 12))
    fig, ax = plt.subplots(figsize=(8, 6), dpi=dpi)
    sns.heatmap(cells, cmap=cmap, vmin=0, vmax=40, annot=True, fmt=".1f", ax=ax)
    made = save(fig, [ax], [ax.collections[0].colorbar])
    picture = _jpeg(made.png) if jpeg else made.png
    panel = tp.read_figure(picture).panels[0]
    assert panel.grid == cells.shape
    assert not np.isnan(panel.data.values).any()
    assert "no color of the map" not in panel.data.attrs["doubts"]  # the text is not data lost
    oracle = _oracle(picture, made.axes[0], cells.shape, cmap, mcolors.Normalize(0, 40))
    # on the JPEG every cell reads about 0.25 high, the oracle's 0.1 low: the bar's range is read
    # 0.6% of the span off (a question of the colorbar's ends, not of the grid); let 1% through
    _within_oracle(panel.data.values, cells, oracle, panel.data.attrs["max_error"], 0.4 if jpeg else 0.0)


@pytest.fixture(scope="module")
def crowded(seaborn):
    """Trial 51's 30 x 40 seaborn heatmap (annot=True, linewidths=0.5), drawn once for its PNG and JPEG case."""
    rng = np.random.default_rng(11)
    y, x = np.mgrid[0:30, 0:40]
    cells = 10 + 8 * np.sin(x / 6) * np.cos(y / 5) + rng.normal(0, 1.5, (30, 40))
    fig, ax = plt.subplots(figsize=(12, 8), dpi=100)
    seaborn.heatmap(cells, annot=True, fmt=".1f", linewidths=0.5, ax=ax, annot_kws={"fontsize": 6})
    norm = ax.collections[0].norm
    made = save(fig, [ax], [ax.collections[0].colorbar])
    cells.setflags(write=False)
    return cells, (norm.vmin, norm.vmax), made


@pytest.mark.parametrize("jpeg", [False, True])
def test_a_crowded_seaborn_heatmap_is_read_cell_by_cell_with_its_index_labels(crowded, jpeg):
    # trial 51: a 30 x 40 heatmap, annot=True, linewidths=0.5 (seaborn's defaults otherwise),
    # JPEG q75: no grid (rocket; JPEG's ringing around the numbers spread each cell's colors
    # past the grid check's bound) or 60 x 40 (viridis: the text rows were taken for edges);
    # its y labels, rotated, were read glyph by glyph ("10" as a "1" and a "0"), its x labels
    # a cell apart run together ("101", "1"): the axes trusted 0.1
    cells, (vmin, vmax), made = crowded
    picture = _jpeg(made.png) if jpeg else made.png
    panel = tp.read_figure(picture).panels[0]
    assert panel.grid == cells.shape
    # seaborn labels each cell with its index, at its centre
    np.testing.assert_allclose(panel.data.coords["y"], np.arange(30), atol=0.1)
    np.testing.assert_allclose(panel.data.coords["x"], np.arange(40), atol=0.1)
    assert panel.confidence >= 0.5
    # the oracle: the plot area decoded at once with the true map and limits, each cell's median
    # off a fifth of a cell at its rim
    left, top, right, bottom = made.axes[0]
    image = np.asarray(Image.open(io.BytesIO(picture)).convert("RGB"))
    values = tp.decolorize(image, cmap="seaborn:rocket", vmin=vmin, vmax=vmax)
    rows, columns = np.linspace(top, bottom, 31), np.linspace(left, right, 41)
    oracle = np.array([[np.nanmedian(values[int(np.ceil(r0 + (r1 - r0) / 5)) : int(r1 - (r1 - r0) / 5),
                                            int(np.ceil(c0 + (c1 - c0) / 5)) : int(c1 - (c1 - c0) / 5)])
                        for c0, c1 in zip(columns, columns[1:])] for r0, r1 in zip(rows, rows[1:])])  # fmt: skip
    bin_ = (vmax - vmin) / 256
    _within_oracle(panel.data.values, cells, oracle, panel.data.attrs["max_error"], 2 * bin_ if jpeg else 0.0)


@functools.cache  # drawn once for its PNG and its JPEG case
def _ggplot_cells(shape: tuple[int, int]):
    cells = 250 + 50 * np.random.default_rng(sum(shape)).uniform(size=shape)
    with plt.style.context("ggplot"):
        fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
        image = ax.imshow(cells, extent=(0, 10, 0, 8), origin="lower", cmap="plasma", vmin=250, vmax=300, interpolation="nearest", aspect="auto")
        bar = fig.colorbar(image)
        made = save(fig, [ax], [bar])
    cells.setflags(write=False)
    return cells, made


@pytest.mark.parametrize("shape", [(16, 20), (17, 23)])
@pytest.mark.parametrize("jpeg", [False, True])
def test_grid_lines_drawn_over_the_cells_are_read_through(shape, jpeg):
    # ggplot's style draws white grid lines at the ticks over the data: on cell edges
    # (16 x 20 over 8 x 10) or through the cells (17 x 23); one value per pixel came back,
    # 10% NaN under the lines, at confidence 0.86
    cells, made = _ggplot_cells(shape)
    picture = _jpeg(made.png) if jpeg else made.png
    panel = tp.read_figure(picture).panels[0]
    assert panel.grid == shape
    assert not np.isnan(panel.data.values).any()
    oracle = _oracle(picture, made.axes[0], shape, "plasma", mcolors.Normalize(250, 300))
    _within_oracle(panel.data.values, cells[::-1], oracle, panel.data.attrs["max_error"])  # origin="lower"


def test_cells_seen_but_not_recovered_are_reported_with_their_size():
    # noise of 10 DN over 33-pixel cells: too much spread for a grid to be trusted, but the
    # lattice is plain to see -- the reading must say so rather than pass for per-pixel data
    cells = np.random.default_rng(5).uniform(0, 1, (9, 12))
    rows = (np.arange(300) + 0.5) * 9 // 300
    columns = (np.arange(400) + 0.5) * 12 // 400
    picture = plt.get_cmap("viridis")(cells)[..., :3][rows.astype(int)[:, None], columns.astype(int)[None, :]] * 255
    for sigma, recovered in ((4, True), (14, False)):
        noisy = np.clip(picture + np.random.default_rng(sigma).normal(0, sigma, picture.shape), 0, 255).astype(np.uint8)
        edges, seen = cell_search(noisy, np.ones((300, 400), dtype=bool))
        assert (edges is not None) == recovered
        if not recovered:
            np.testing.assert_allclose(seen, (300 / 9, 400 / 12), atol=0.5)
