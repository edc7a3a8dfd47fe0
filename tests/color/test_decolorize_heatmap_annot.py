"""Numbers written in a JPEG'd heatmap's cells are NaN; un-annotated heatmaps keep all data.

seaborn's ``heatmap(counts, annot=True)``: 7 pt digits, black or white by cell, which on
rocket are the map's own end colors. The cells find them (``_cellmarks``): a regular grid
of flat cells, and pixels far from their cell's median color away from its edges.

Digit pixels are those the digits moved 40 DN or more (PNG, with against without); data
pixels away from them lie 3 px or more from any.
"""

from __future__ import annotations

import functools
import io

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from tests.color._photographs import annotated_figure, encoded, seaborn_heatmap
import truepix as tp
from truepix.color._decolorize._cellmarks import cell_marks, plot_box
from truepix.color._decolorize._fills import color_box, fill_boxes, fill_colors

matplotlib.use("Agg")


pytestmark = pytest.mark.usefixtures("seaborn")  # its maps (rocket) for this module


@functools.cache
def _heatmap_png(cells: int, annotated: bool, cmap: str) -> np.ndarray:
    """:func:`seaborn_heatmap`'s PNG, drawn once a module (read-only)."""
    picture = seaborn_heatmap(cells, annotated, None, cmap)
    picture.setflags(write=False)
    return picture


def _heatmap(cells: int, annotated: bool, quality: int | None, cmap: str) -> np.ndarray:
    """``seaborn_heatmap(cells, annotated, quality, cmap)``: its JPEG is Pillow's of the
    PNG's RGB at ``quality``, as ``savefig`` writes it (the same pixels, checked), so the
    figure is drawn once for every quality."""
    png = _heatmap_png(cells, annotated, cmap)
    return png if quality is None else encoded(png, "JPEG", quality)


@functools.cache
def _figure_png(
    recipe: str, cmap: str, fmt: str, shape: tuple[int, int], annotated: bool,
    size: tuple[float, float], frame: bool,
) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """:func:`annotated_figure`'s PNG and cells' box, drawn once a module (read-only)."""
    picture, box = annotated_figure(recipe, cmap, fmt, shape, annotated, None, size, frame)
    picture.setflags(write=False)
    return picture, box


def _annotated_figure(
    recipe: str, cmap: str, fmt: str, shape: tuple[int, int], annotated: bool,
    quality: int | None, size: tuple[float, float] = (4.0, 3.0), frame: bool = True,
) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """``annotated_figure(...)``, its JPEG Pillow's of the PNG's RGB (as ``savefig``
    writes it: the same pixels, checked) so that each figure is drawn once."""
    png, box = _figure_png(recipe, cmap, fmt, shape, annotated, size, frame)
    return (png if quality is None else encoded(png, "JPEG", quality)), box


@pytest.mark.parametrize(
    ("cmap", "quality", "flagged"),
    [("coolwarm", 75, 0.95), ("rocket", 75, 0.95), ("viridis", 50, 0.93), ("YlGnBu", 50, 0.93)],
)
def test_heatmap_digits_are_flagged(cmap: str, quality: int, flagged: float) -> None:
    # measured: coolwarm q75 0.7 -> 98.2 %, rocket q75 67.4 -> 98.4 %, viridis q50
    # 94.0 -> 98.2 %, YlGnBu q50 41.5 -> 97.9 %; data away from the digits 0.00-0.39 %
    # NaN (viridis q50's 0.39 % the other rules' as before)
    plain, annotated = _heatmap(16, False, None, cmap), _heatmap(16, True, None, cmap)
    digits = np.abs(annotated.astype(int) - plain.astype(int)).max(axis=-1) >= 40
    away = ~ndimage.binary_dilation(digits, iterations=3)
    values = tp.decolorize(_heatmap(16, True, quality, cmap), cmap=cmap, vmin=0, vmax=100)
    assert np.isnan(values[digits]).mean() >= flagged
    # (viridis q50: 0.37 % before _fringes, 1.26 % when it took along the cell edges
    # beside the digits' flagged ringing -- JPEG q50 smears 7 pt digits 3-4 px --,
    # 0.96 % since a color 3 field pixels around hold is data, not a fringe)
    assert np.isnan(values[away]).mean() <= 0.011


@pytest.mark.parametrize("cmap", ["coolwarm", "rocket", "viridis", "YlGnBu"])
@pytest.mark.parametrize("cells", [16, 40])
@pytest.mark.parametrize("quality", [50, 75, 90])
def test_heatmaps_without_numbers_keep_their_data(cmap: str, cells: int, quality: int) -> None:
    # measured 0.000 % NaN on all 24; 40 x 40 cells (6.4 px) are no grid the rule reads
    values = tp.decolorize(_heatmap(cells, False, quality, cmap), cmap=cmap, vmin=0, vmax=100)
    assert np.isnan(values).mean() <= 0.002


@pytest.mark.parametrize("cells", [16, 40])
def test_heatmap_without_numbers_has_no_marks(cells: int) -> None:
    # the grid of 16 x 16 cells is found and holds no mark; 40 x 40's is refused
    # (JPEG's 8x8 blocks at q50 line up with 8 of its cells a side: MARK_SHARE)
    for quality in (50, 75, 90):
        assert cell_marks(_heatmap(cells, False, quality, "viridis")) is None


def test_smooth_field_and_noise_have_no_cells() -> None:
    rng = np.random.default_rng(1)
    field = ndimage.gaussian_filter(rng.normal(size=(256, 256)), 12)
    smooth = tp.colorize(field, cmap="viridis")
    noisy = np.clip(smooth[..., :3] + rng.normal(0, 3, (256, 256, 3)), 0, 255).astype(np.uint8)
    assert cell_marks(smooth) is None
    assert cell_marks(noisy) is None


@pytest.mark.parametrize("cmap", ["magma", "inferno"])
@pytest.mark.parametrize("quality", [90, 95])
def test_a_noisy_array_drawn_small_cells_has_no_marks(cmap: str, quality: int) -> None:
    """imshow (nearest) of a 150 x 150 noisy array in a default figure: cells of 3 x 2.5 px,
    read as a grid of 46 x 80 px "cells" whose marks left them no field between
    (``_flatcells.VACUOUS_FLAT``): 26-28 % of the plot area flagged as digits at q90, 12 %
    at q95 (benchmarks/spectro, cells2); 0 % after."""
    import matplotlib.pyplot as plt

    field = np.random.default_rng(7).normal(size=(150, 150)) + np.linspace(0, 3, 150)
    figure, axes = plt.subplots()
    image = axes.imshow(field, cmap=cmap, interpolation="nearest", aspect="auto")
    figure.colorbar(image, ax=axes)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="jpeg", pil_kwargs={"quality": quality})
    box = axes.get_window_extent()
    plt.close(figure)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    top, bottom = picture.shape[0] - int(box.y1) + 3, picture.shape[0] - int(box.y0) - 3
    low, high = image.get_clim()
    values = tp.decolorize(picture, cmap=cmap, vmin=low, vmax=high)
    assert np.isnan(values[top:bottom, int(box.x0) + 3 : int(box.x1) - 3]).mean() <= 0.002


def _blown_up(cells: int, pixels: int, cmap: str, quality: int, subsampling: int) -> np.ndarray:
    """A random matrix of ``cells`` x ``cells`` blown up to ``pixels`` a cell, JPEG'd."""
    data = np.kron(np.random.default_rng(0).random((cells, cells)), np.ones((pixels, pixels)))
    buffer = io.BytesIO()
    picture = tp.colorize(data, cmap=cmap, vmin=0, vmax=1)[..., :3]
    Image.fromarray(picture).save(buffer, format="JPEG", quality=quality, subsampling=subsampling)
    return np.asarray(Image.open(buffer))


@pytest.mark.parametrize(
    ("cells", "pixels", "cmap", "subsampling"),
    [(16, 16, "jet", 0), (12, 21, "jet", 0), (12, 21, "turbo", 0), (14, 18, "viridis", 2),
     (10, 25, "jet", 2), (18, 14, "jet", 0), (24, 11, "turbo", 2), (20, 13, "coolwarm", 0)],
)  # fmt: skip
def test_blown_up_matrices_have_no_marks(
    cells: int, pixels: int, cmap: str, subsampling: int
) -> None:
    # q50, the worst measured of 16-25 px cells: 0.14 % of the pixels flagged (ringing
    # 60 DN and more inside cells JPEG's blocks straddle); cells of 11-14 px are not
    # judged (CELL_PIXELS: jet's 14 px at q50 4:4:4 had 0.25 %)
    marks = cell_marks(_blown_up(cells, pixels, cmap, 50, subsampling))
    assert marks is None or marks.mean() <= 0.002


def _cells(shape: tuple[int, ...], box: tuple[int, int, int, int]) -> np.ndarray:
    """The pixels of the cells' box, its outer pixel (a spine, antialiasing) left out."""
    top, bottom, left, right = box
    cells = np.zeros(shape, dtype=bool)
    cells[top + 1 : bottom - 1, left + 1 : right - 1] = True
    return cells


@pytest.mark.parametrize(
    ("recipe", "cmap", "fmt", "shape"),
    [("seaborn", "rocket", "d", (6, 8)), ("seaborn", "mako", ".1f", (6, 8)),
     ("seaborn", "YlGnBu", ".1f", (6, 8)), ("imshow", "rocket", "d", (6, 8)),
     ("imshow", "viridis", ".1f", (6, 8))],
)  # fmt: skip
def test_figure_digits_are_flagged(
    recipe: str, cmap: str, fmt: str, shape: tuple[int, int]
) -> None:
    # a figure as saved by default: margins, tick labels and a colorbar around the
    # cells (``plot_box``); digit pixels = moved 40 DN or more by the digits (PNG),
    # data = cells 2 px or more from any pixel the digits or imshow's spines moved;
    # JPEG q75. Measured (before plot_box and _cell_filled / now), digits flagged and
    # data NaN, %: seaborn rocket 68.1 / 99.8 and 0.45 / 0.14, mako 51.4 / 99.4 and
    # 0.05 / 0.01, YlGnBu 37.7 / 99.8 and 0.07 / 0.06; imshow rocket 37.6 / 99.7 and
    # 0.28 / 0.15, viridis 92.0 / 99.6 and 0.01 / 0.01
    plain, box = _annotated_figure(recipe, cmap, fmt, shape, False, None)
    bare, _ = _annotated_figure(recipe, cmap, fmt, shape, False, None, frame=False)
    drawn, _ = _annotated_figure(recipe, cmap, fmt, shape, True, None)
    moved = np.abs(drawn.astype(int) - plain.astype(int)).max(axis=-1)
    cells = _cells(moved.shape, box)
    digits = cells & (moved >= 40)
    moved = np.maximum(moved, np.abs(drawn.astype(int) - bare.astype(int)).max(axis=-1))
    data = cells & ~ndimage.binary_dilation(moved > 0, iterations=2)
    picture, _ = _annotated_figure(recipe, cmap, fmt, shape, True, 75)
    holes = np.isnan(tp.decolorize(picture, cmap=cmap, vmin=0, vmax=1))
    assert holes[digits].mean() >= 0.95
    assert holes[data].mean() <= 0.002


@pytest.mark.parametrize("recipe", ["seaborn", "imshow"])
def test_figure_without_numbers_keeps_its_cells(recipe: str) -> None:
    # cells 2 px or more from imshow's spines (the pixel next to a spine at q75 is
    # JPEG's ringing of it, off the map: 1 % of the cells, as on main)
    plain, box = _annotated_figure(recipe, "viridis", "d", (6, 8), False, None)
    bare, _ = _annotated_figure(recipe, "viridis", "d", (6, 8), False, None, frame=False)
    spines = np.abs(plain.astype(int) - bare.astype(int)).max(axis=-1) > 0
    data = _cells(spines.shape, box) & ~ndimage.binary_dilation(spines, iterations=2)
    picture, _ = _annotated_figure(recipe, "viridis", "d", (6, 8), False, 75)
    holes = np.isnan(tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1))
    assert holes[data].mean() <= 0.002


@pytest.mark.parametrize("recipe", ["seaborn", "imshow"])
@pytest.mark.parametrize("quality", [None, 75])
def test_plot_box_is_the_cells_box(recipe: str, quality: int | None) -> None:
    picture, box = _annotated_figure(recipe, "rocket", "d", (10, 12), True, quality)
    lut = tp.colorize(np.arange(256), cmap="rocket", vmin=0, vmax=255)
    bounds = color_box(lut)
    fills = fill_boxes(fill_colors(picture.reshape(-1, 3), 1.0, bounds), 1.0, bounds)
    found = plot_box(picture, fills)
    assert found is not None
    assert np.abs(np.subtract(found, box)).max() <= 1


@pytest.mark.parametrize("fmt", ["d", ".1f"])
@pytest.mark.parametrize("quality", [90, 75])
def test_imshow_recipe_on_ylgnbu_keeps_its_cells(fmt: str, quality: int) -> None:
    # matplotlib's annotated-heatmap recipe at its default size (640x480), YlGnBu, 6x8:
    # the white margin, 38 DN from YlGnBu's light end, decoded onto the map and its
    # chroma error swamped JPEG's 4:2:0 test (ratio 0.964-0.971: read as no JPEG), so
    # the cells' edges, whose chroma 4:2:0 mixed with the next cell's, came back NaN:
    # data 0.34 / 0.31 % ("d", q90 / q75), 0.21 / 0.23 % (".1f"). The margin left out
    # of the test (``_chroma_test.FILLS_LEFT_OUT``): 0.00-0.01 %
    size = (6.4, 4.8)
    plain, box = _annotated_figure("imshow", "YlGnBu", fmt, (6, 8), False, None, size)
    bare, _ = _annotated_figure("imshow", "YlGnBu", fmt, (6, 8), False, None, size, frame=False)
    drawn, _ = _annotated_figure("imshow", "YlGnBu", fmt, (6, 8), True, None, size)
    moved = np.maximum(np.abs(drawn.astype(int) - plain.astype(int)).max(axis=-1),
                       np.abs(drawn.astype(int) - bare.astype(int)).max(axis=-1))  # fmt: skip
    data = _cells(moved.shape, box) & ~ndimage.binary_dilation(moved > 0, iterations=2)
    picture, _ = _annotated_figure("imshow", "YlGnBu", fmt, (6, 8), True, quality, size)
    holes = np.isnan(tp.decolorize(picture, cmap="YlGnBu", vmin=0, vmax=1))
    assert holes[data].mean() <= 0.002


def _seaborn_png(data: np.ndarray, cmap: str, annotated: bool) -> np.ndarray:
    import matplotlib.pyplot as plt
    import seaborn as sns

    figure, axes = plt.subplots(figsize=(6, 4.5), dpi=100)
    sns.heatmap(data, annot=annotated, fmt=".1f", cmap=cmap, vmin=0, vmax=10, ax=axes)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize("cmap", ["magma", "mako"])
def test_an_annotated_cell_at_the_maps_dark_end_is_data(cmap: str) -> None:
    """trial 53: seaborn's annotated heatmap, exact PNG: the cells at vmin are magma's and
    mako's near-black first color with a white number in them, a "label's box" to
    ``_ink_entries``' box rule: 7-100 % of each came back NaN (the same cells without
    the numbers: 0 %). Their grid of marked cells says they are data."""
    data = np.round(np.random.default_rng(3).uniform(0, 10, (8, 10)), 1)
    data[2, 3] = data[6, 8] = data[5, 1] = data[0, 9] = 0.0
    plain, annotated = _seaborn_png(data, cmap, False), _seaborn_png(data, cmap, True)
    digits = np.abs(annotated.astype(int) - plain.astype(int)).max(axis=-1) > 0
    cells = ~np.isnan(tp.decolorize(plain, cmap=cmap, vmin=0, vmax=10))
    data_pixels = cells & ~ndimage.binary_dilation(digits, iterations=2)
    lowest = np.all(plain == plain[data_pixels].min(axis=0), axis=-1) & data_pixels
    values = tp.decolorize(annotated, cmap=cmap, vmin=0, vmax=10)
    assert lowest.sum() > 1000  # the four cells at 0 (all but their digits)
    np.testing.assert_allclose(values[lowest], 0.0, atol=10 / 256)
    assert np.isnan(values[data_pixels]).mean() == 0.0
    assert np.isnan(values[digits & (np.abs(annotated.astype(int) - plain).max(axis=-1) > 100)]).mean() > 0.9
