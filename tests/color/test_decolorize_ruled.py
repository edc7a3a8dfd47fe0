"""See-through gridlines ruled across a JPEG'd map figure (``_gridlines``).

cartopy's gridlines (dashed gray, lw 0.5, alpha 0.5) over a ``pcolormesh`` map, saved
as PNG and JPEG'd by Pillow at q75 (trial 46's t29): each line pixel is one blend of
the gray over the field under it, often near another map color; JPEG'd, 0.2-37 % of
the lines' pixels were flagged and the rest answered up to 30 % of the range off.
With the DEM stretched min-max (most of it dark, textured), the lines were read as a
heatmap's cell boundaries (``_cellmarks``) and 16-17 % of jet's data came back NaN.

Line pixels are those the gridlines moved by more than 10 DN (the same figure drawn
without them); data pixels lie 3 px or more from any.
"""

from __future__ import annotations

import io

import cv2
import matplotlib
import numpy as np
import pytest
from matplotlib import cbook
from PIL import Image
from scipy import ndimage

import truepix as tp
from tests.color._photographs import pillow_jpeg, seaborn_heatmap
from tests.color.test_decolorize_pulled import _map, _smooth
from truepix.color._decolorize._gridlines import ruled_lines, unruled

matplotlib.use("Agg")


def _minmax_dem() -> np.ndarray:
    """matplotlib's sample DEM stretched min-max to [0, 1], shrunk by area to 180 x 90."""
    with np.load(cbook.get_sample_data("jacksboro_fault_dem.npz", asfileobj=False)) as file:
        elevation = np.asarray(file["elevation"], dtype=np.float64)
    elevation = (elevation - elevation.min()) / np.ptp(elevation)
    return cv2.resize(elevation.astype(np.float32), (180, 90), interpolation=cv2.INTER_AREA
                      ).astype(np.float64)  # fmt: skip


def _lines_and_data(field: np.ndarray, cmap: str, dpi: int) -> tuple[np.ndarray, ...]:
    """(the figure with gridlines, JPEG'd at q75; its values in the plot area; the line
    pixels there; the data pixels there)."""
    clean, area = _map(field, cmap, "magenta", coasts=False, grid=False, dpi=dpi)
    drawn, _ = _map(field, cmap, "magenta", coasts=False, dpi=dpi)
    moved = np.abs(drawn.astype(int) - clean.astype(int)).max(axis=-1)[area]
    picture = pillow_jpeg(drawn, 75)
    values = tp.decolorize(picture, cmap=cmap, vmin=0, vmax=1)[area]
    return picture, values, moved > 10, ~ndimage.binary_dilation(moved > 0, iterations=3)


@pytest.mark.slow
@pytest.mark.parametrize("dpi", [100, 150])
@pytest.mark.parametrize("cmap", ["jet", "viridis", "magma"])
def test_gridlines_over_a_jpegd_map_are_flagged(cmap: str, dpi: int) -> None:
    # min-max DEM, q75, before -> after: lines flagged 0-35 -> 100 %, data NaN
    # jet 16.5 / 17.4 % (dpi 100 / 150) -> 0.01 / 0.00 %, the others 0.00-0.13 %
    _, values, line, data = _lines_and_data(_minmax_dem(), cmap, dpi)
    assert line.sum() > 1000
    assert np.isnan(values[line]).mean() >= 0.95
    assert np.isnan(values[data]).mean() <= 0.002


@pytest.mark.slow
def test_gridlines_over_a_smooth_map_are_flagged() -> None:
    # t29's smooth field, jet at dpi 100: 5.2 % of the lines' pixels flagged before
    _, values, line, data = _lines_and_data(_smooth(90, 180, seed=4), "jet", 100)
    assert np.isnan(values[line]).mean() >= 0.95
    assert np.isnan(values[data]).mean() <= 0.002


def _ruled_field(dpi: int = 100) -> tuple[np.ndarray, list[int], list[int]]:
    """A smooth viridis field with dashed gray lines (alpha 0.5, lw 0.5) every 40 px
    across it, drawn by matplotlib on a figure of its size; and the lines' columns and
    rows (those they moved most)."""
    import matplotlib.pyplot as plt

    field = _smooth(60, 90, seed=2)
    figure = plt.figure(figsize=(3.6, 2.4), dpi=dpi)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.imshow(field, cmap="viridis", vmin=0, vmax=1, aspect="auto", extent=(0, 360, 0, 240))
    figure.canvas.draw()
    plain = np.asarray(figure.canvas.buffer_rgba())[..., :3].copy()
    for at in range(40, 360, 40):
        axes.axvline(at, color="0.5", ls="--", lw=0.5, alpha=0.5)
    for at in range(40, 240, 40):
        axes.axhline(at, color="0.5", ls="--", lw=0.5, alpha=0.5)
    figure.canvas.draw()
    drawn = np.asarray(figure.canvas.buffer_rgba())[..., :3].copy()
    plt.close(figure)
    moved = np.abs(drawn.astype(int) - plain).max(axis=-1)
    columns = np.flatnonzero(moved.mean(axis=0) > 5).tolist()
    rows = np.flatnonzero(moved.mean(axis=1) > 5).tolist()
    return drawn, columns, rows


def _jpeg_444(rgb: np.ndarray, quality: int, subsampling: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, "JPEG", quality=quality, subsampling=subsampling)
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))


@pytest.mark.parametrize("quality", [None, 90, 75, 50])
def test_ruled_lines_are_found_where_they_were_drawn(quality: int | None) -> None:
    drawn, columns, rows = _ruled_field()
    assert len(columns) == 8 and len(rows) == 5  # (the lines, each one pixel wide)
    picture = drawn if quality is None else _jpeg_444(drawn, quality, 2)
    found_columns, found_rows = ruled_lines(picture)
    assert np.flatnonzero(found_columns).tolist() == columns
    assert np.flatnonzero(found_rows).tolist() == rows


def test_unruled_takes_the_lines_out() -> None:
    drawn, columns, rows = _ruled_field()
    found_columns, found_rows = ruled_lines(drawn)
    out = unruled(drawn, found_columns, found_rows)
    away = np.ones(drawn.shape[:2], dtype=bool)
    away[:, [c + k for c in columns for k in (-1, 0, 1)]] = False
    away[[r + k for r in rows for k in (-1, 0, 1)], :] = False
    assert np.array_equal(out[away], drawn[away])  # (the rest untouched)
    assert not any(ruled_lines(out)[0]) and not any(ruled_lines(out)[1])


@pytest.mark.usefixtures("seaborn")  # (rocket: the seaborn fixture puts it back)
@pytest.mark.parametrize("quality", [None, 50, 75, 90])
@pytest.mark.parametrize("cmap", ["rocket", "YlGnBu", "viridis", "jet"])
def test_a_heatmaps_cells_and_digits_are_no_lines(cmap: str, quality: int | None) -> None:
    # rows of digits fit a line too (black text on light cells, white on dark), of
    # many grays: no one gray along them (``GRAY_SPREAD``)
    for cells, annotated in ((16, True), (40, False)):
        columns, rows = ruled_lines(seaborn_heatmap(cells, annotated, quality, cmap))
        assert not columns.any() and not rows.any()


@pytest.mark.parametrize(("subsampling", "quality"), [(2, 50), (0, 50), (2, 75)])
@pytest.mark.parametrize("cmap", ["viridis", "coolwarm", "jet"])
def test_graded_cells_ringing_is_no_line(cmap: str, subsampling: int, quality: int) -> None:
    # cells whose values grow across the picture, JPEG'd: the ringing beside each
    # boundary lies outside its sides, in a line of one slope, but its sides differ
    # by the step (``LINE_TILT``)
    for cells, size in ((12, 21), (20, 13), (8, 32)):
        y, x = np.mgrid[0:cells, 0:cells] / cells
        field = np.kron(0.7 * x + 0.3 * y, np.ones((size, size)))
        rgb = (matplotlib.colormaps[cmap](field)[..., :3] * 255).astype(np.uint8)
        columns, rows = ruled_lines(_jpeg_444(rgb, quality, subsampling))
        assert not columns.any() and not rows.any()
