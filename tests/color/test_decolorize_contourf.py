"""contourf figures with ``extend="both"``, saved as users save them, decoded two ways:
``norm=BoundaryNorm(levels, 256, extend="both")`` (the docs' advice for maps drawn in
levels) and ``cmap=find_colorbar(figure)``. Each band comes back in its band, and the
extension regions (the under / over colors the colorbar's triangles show) at the outer
levels, marked ``under`` / ``over`` (trial 46 item 5: they came back inside the range
unmarked, or 72-78 % NaN with the BoundaryNorm on jet).
"""

from __future__ import annotations

import functools
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import BoundaryNorm
from PIL import Image
from scipy.ndimage import binary_erosion, map_coordinates

import truepix as tp
from tests.color._photographs import encoded
from truepix.color._decolorize._contoured import ContourNorm

LEVELS = [0.2, 0.4, 0.6, 0.8]


def _field() -> np.ndarray:
    y, x = np.mgrid[0:120, 0:160] / np.array([120.0, 160.0])[:, None, None]
    return 0.5 + 0.45 * np.sin(5 * x + 1) * np.cos(4 * y) + 0.1 * x


def _figure(cmap: str, quality: int | None) -> tuple[np.ndarray, np.ndarray, tuple[slice, slice]]:
    """The saved figure's pixels, the band of each plot pixel (-1 under, 3 over; -9 within
    3 px of a band's edge) and the plot's slice. The JPEG is Pillow's of the PNG's RGB at
    ``quality``, as ``savefig`` writes it (the same pixels, checked): each map's figure is
    drawn once."""
    png, band, plot = _drawn(cmap)
    return (png if quality is None else encoded(png, "JPEG", quality)), band, plot


@functools.cache
def _drawn(cmap: str) -> tuple[np.ndarray, np.ndarray, tuple[slice, slice]]:
    """:func:`_figure`'s PNG, bands and plot slice (read-only arrays)."""
    field = _field()
    figure = plt.figure(figsize=(5, 4), dpi=100)
    axes = figure.add_axes([0.1, 0.1, 0.65, 0.8])
    figure.colorbar(axes.contourf(field, levels=LEVELS, cmap=cmap, extend="both"))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    figure.canvas.draw()
    height = figure.canvas.get_width_height()[1]
    box = axes.get_window_extent()
    plot = (slice(int(np.ceil(height - box.y1)) + 3, int(np.floor(height - box.y0)) - 3),
            slice(int(np.ceil(box.x0)) + 3, int(np.floor(box.x1)) - 3))  # fmt: skip
    rows, cols = np.mgrid[plot]
    points = axes.transData.inverted().transform(
        np.c_[cols.ravel() + 0.5, height - (rows.ravel() + 0.5)])  # fmt: skip
    plt.close(figure)
    truth = map_coordinates(field, [points[:, 1], points[:, 0]], order=1, mode="nearest")
    band = np.searchsorted(LEVELS, truth.reshape(rows.shape), side="right") - 1
    deep = np.ones(band.shape, bool)
    for value in np.unique(band):
        deep &= binary_erosion(band == value, iterations=3, border_value=1) | (band != value)
    pixels = np.asarray(Image.open(buffer).convert("RGB"))
    band = np.where(deep, band, -9)
    pixels.setflags(write=False)
    band.setflags(write=False)
    return pixels, band, plot


def _scores(result: tp.DecolorizeResult, band: np.ndarray, plot: tuple[slice, slice]) -> tuple:
    """Shares of inner pixels in their band (unmarked), of extension pixels marked and
    at their limit, and of plot pixels NaN."""
    values, under, over = result.values[plot], result.under[plot], result.over[plot]
    found = np.searchsorted(LEVELS, values, side="right") - 1
    found = np.where(np.isclose(values, LEVELS[-1]), len(LEVELS) - 2, found)
    inner = (band >= 0) & (band <= len(LEVELS) - 2)
    inner_right = (found == band) & ~under & ~over & ~np.isnan(values)
    low, high = band == -1, band == len(LEVELS) - 1
    ends = np.concatenate([under[low] & (values[low] == LEVELS[0]),
                           over[high] & (values[high] == LEVELS[-1])])  # fmt: skip
    assert low.sum() > 500 and high.sum() > 500  # the figure holds both extensions
    return inner_right[inner].mean(), ends.mean(), np.isnan(values[band != -9]).mean()


@pytest.mark.parametrize("cmap", ["jet", "viridis", "RdBu_r"])
@pytest.mark.parametrize("quality", [None, 75])
def test_contourf_extend_decodes_with_its_boundary_norm(cmap: str, quality: int | None) -> None:
    pixels, band, plot = _figure(cmap, quality)
    norm = BoundaryNorm(LEVELS, 256, extend="both")
    inner, ends, holes = _scores(tp.Decolorizer(cmap, norm=norm).decode(pixels), band, plot)
    least = 0.999 if quality is None else 0.995
    assert inner >= least and ends >= least and holes <= 0.002, (inner, ends, holes)


@pytest.mark.parametrize("cmap", ["jet", "viridis", "RdBu_r"])
def test_contourf_extend_decodes_with_its_colorbar(cmap: str) -> None:
    """The bar found carries its triangles' colors (``under`` / ``over``); its thin end
    steps (the triangles' first rows) are no levels."""
    pixels, band, plot = _figure(cmap, None)
    bar = tp.find_colorbar(pixels)
    colormap = matplotlib.colormaps[cmap]
    for end, color in (("under", colormap.get_under()), ("over", colormap.get_over())):
        expected = np.array(color[:3]) * 255
        assert np.abs(getattr(bar, end).astype(float) - expected).max() <= 2, end
    assert len(bar.inner().colors) == len(LEVELS) - 1
    decoder = tp.Decolorizer(bar, vmin=LEVELS[0], vmax=LEVELS[-1])
    inner, ends, holes = _scores(decoder.decode(pixels), band, plot)
    assert inner >= 0.999 and ends >= 0.999 and holes <= 0.002, (inner, ends, holes)


def test_contour_norm_paints_what_contourf_paints() -> None:
    """ContourNorm's entries are the colors matplotlib's contourf fills its bands with
    (the oracle: the filled bands' colors in a drawn figure)."""
    levels = [0.0, 0.05, 0.3, 0.9, 1.0]  # uneven: contourf's middles, not even regions
    field = np.linspace(-0.1, 1.1, 240)[None, :].repeat(40, axis=0)
    figure = plt.figure(figsize=(4, 1), dpi=100)
    axes = figure.add_axes([0, 0, 1, 1])
    axes.contourf(field, levels=levels, cmap="turbo", extend="both")
    axes.set_axis_off()
    figure.canvas.draw()
    drawn = np.asarray(figure.canvas.buffer_rgba())[50, :, :3]
    plt.close(figure)
    colormap = matplotlib.colormaps["turbo"]
    norm = ContourNorm(levels, colormap.N, extend="both")
    middles = np.array([-0.05, 0.02, 0.2, 0.6, 0.95, 1.05])
    painted = np.floor(colormap(norm(middles).filled(0)) * 255 + 0.5)[:, :3]  # Agg rounds
    colors = {tuple(color) for color in drawn.tolist()}
    assert all(tuple(color) in colors for color in painted.astype(int).tolist())


@pytest.mark.parametrize("cmap", ["jet", "viridis", "RdBu_r", "magma"])
@pytest.mark.parametrize("quality", [90, 75])
def test_a_jpegd_colorbar_carries_its_triangles_colors(cmap: str, quality: int) -> None:
    """JPEG moves a small triangle's edges a pixel or two either way row by row, and
    blends its base with the bar's end and its tip with the outline (stop 47: ``under``
    or ``over`` None on 11 of 24 ends at q75): the fill is still read."""
    pixels, band, plot = _figure(cmap, quality)
    bar = tp.find_colorbar(pixels)
    colormap = matplotlib.colormaps[cmap]
    for end, color in (("under", colormap.get_under()), ("over", colormap.get_over())):
        found = getattr(bar, end)
        assert found is not None, end
        assert np.abs(found.astype(float) - np.array(color[:3]) * 255).max() <= 40, (end, found)


def _saved(figure: plt.Figure, quality: int) -> np.ndarray:
    """The figure as its JPEG at ``quality`` decodes (Pillow), RGB uint8."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    buffer.seek(0)
    pixels = np.asarray(Image.open(buffer).convert("RGB"))
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize("cmap", ["jet", "viridis", "RdBu_r", "magma"])
@pytest.mark.parametrize("extend", ["min", "max"])
@pytest.mark.parametrize("quality", [75, 50])
def test_a_jpegd_one_sided_contourf_bar_is_found_with_its_one_triangle(cmap, extend, quality):
    """A three-step contourf bar with one triangle, JPEG'd: its steps ring a few DN past the
    outline, which a plain 12 DN test beside the bar took for a plot's cells changing with
    them (stop 48: no bar at all on 5 of 120 such figures at q50/q75)."""
    figure = plt.figure(figsize=(5, 4), dpi=100)
    axes = figure.add_axes([0.1, 0.1, 0.65, 0.8])
    figure.colorbar(axes.contourf(_field(), levels=LEVELS, cmap=cmap, extend=extend))
    bar = tp.find_colorbar(_saved(figure, quality))
    assert bar is not None
    assert bar.orientation == "vertical" and bar.bbox[2] - bar.bbox[0] >= 10
    assert (bar.under is not None, bar.over is not None) == (extend == "min", extend == "max")


@pytest.mark.parametrize("cmap", ["jet", "magma", "RdBu_r"])
def test_a_jpegd_horizontal_bar_keeps_a_triangle_its_box_took_the_base_of(cmap):
    """At JPEG q50 a horizontal imshow bar's box may take the first columns of a triangle
    whose fill is near the bar's end color (jet's dark blue): its widest run lies a few
    columns past the box, and the triangle is still read."""
    y, x = np.mgrid[0:120, 0:160] / 120
    figure = plt.figure(figsize=(5, 4), dpi=100)
    axes = figure.add_axes([0.1, 0.1, 0.65, 0.8])
    image = axes.imshow(0.5 + 0.5 * np.sin(3 * x + 1) * np.cos(2 * y), cmap=cmap)
    figure.colorbar(image, extend="both", orientation="horizontal")
    bar = tp.find_colorbar(_saved(figure, 50))
    assert bar.orientation == "horizontal"
    colormap = matplotlib.colormaps[cmap]
    for end, color in (("under", colormap.get_under()), ("over", colormap.get_over())):
        found = getattr(bar, end)
        assert found is not None, end
        # q50 blurs a 16 px triangle's fill with its black outline (jet's dark blue: 46 DN)
        assert np.abs(found.astype(float) - np.array(color[:3]) * 255).max() <= 56, (end, found)
