"""JPEG'd text over flat fields: a contourf band, a seaborn heatmap's cells (``_jpeg._blobs``).

A core far from any clearly foreign one is taken for JPEG's miss on texture
(``_jpeg._alone``). Text in colors within the map's luma range and near JPEG's 4:2:0
model of it (gray, red, magenta, light gray on magma) keeps no such core, and its
glyphs string into structures of several inks (``_jpeg._strung`` finds none): every
glyph came back as data at JPEG q75, the whole picture without a NaN. A glyph over a
flat field keeps a blob of one ink, 60+ core pixels whose luma spreads by 15 DN or
less; JPEG's misses on texture never do (``_jpeg.JPEG_BLOB_PIXELS``).

Text pixels are those the text moved 40 DN or more (PNG, with against without); data
pixels away from it lie 3 px or more from any.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from scipy import ndimage

from tests.color._photographs import saved_rgb, seaborn_heatmap
import truepix as tp

matplotlib.use("Agg")


pytestmark = pytest.mark.usefixtures("seaborn")  # its maps (rocket) for this module

_COLORS = ("black", "white", "0.5", "0.85", "red", "magenta")


def _field() -> np.ndarray:
    rng = np.random.default_rng(3)
    rng.normal(size=(64, 64))  # (the new-user trial's field: this draw first)
    field = ndimage.gaussian_filter(rng.normal(size=(256, 256)), 12)
    return (field - field.min()) / np.ptp(field)


def _saved(figure: plt.Figure, quality: int | None) -> np.ndarray:
    return saved_rgb(figure, jpeg=quality is not None, dpi=100, quality=quality or 75)


def _contourf(colors: tuple[str, ...], quality: int | None, cmap: str = "magma") -> np.ndarray:
    """A 256 px contourf of 10 bands, "A8g%" at 14 pt in each of ``colors``."""
    figure = plt.figure(figsize=(2.56, 2.56), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    levels = np.linspace(0, 1, 11)
    axes.contourf(np.arange(256), np.arange(256), _field(), levels=levels, cmap=cmap)
    for i, color in enumerate(_COLORS):
        if color in colors:
            axes.text(0.05 + 0.15 * i, 0.1 + 0.14 * i, "A8g%", color=color, fontsize=14,
                      transform=axes.transAxes)  # fmt: skip
    axes.set_xlim(-0.5, 255.5)
    axes.set_ylim(255.5, -0.5)
    return _saved(figure, quality)


def _heatmap(annotated: bool, quality: int | None, cmap: str) -> np.ndarray:
    """seaborn's heatmap of 16 x 16 counts at 256 px, each cell annotated at 7 pt."""
    return seaborn_heatmap(16, annotated, quality, cmap)


def _moved(annotated: np.ndarray, plain: np.ndarray) -> np.ndarray:
    return np.abs(annotated.astype(int) - plain.astype(int)).max(axis=-1) >= 40


def _away(text: np.ndarray) -> np.ndarray:
    return ~ndimage.binary_dilation(text, iterations=3)


@pytest.mark.parametrize(("quality", "flagged"), [(90, 0.65), (75, 0.50)])
def test_text_over_contourf_bands_is_flagged(quality: int, flagged: float) -> None:
    # measured (magma, the six colors): q90 53.0 -> 72.5 %, q75 0.0 -> 58.3 %; black is
    # magma's own darkest color and comes back as data (0 %)
    text = _moved(_contourf(_COLORS, None), _contourf((), None))
    values = tp.decolorize(_contourf(_COLORS, quality), cmap="magma", vmin=0, vmax=1)
    assert np.isnan(values[text]).mean() >= flagged
    assert np.isnan(values[_away(text)]).mean() <= 0.002  # measured 0.00 %


@pytest.mark.parametrize("color", ["0.5", "red", "magenta"])
def test_text_of_one_ink_inside_the_map_luma_is_flagged_at_q75(color: str) -> None:
    # measured 0 -> 99 / 99 / 98 %: the glyphs' cores hold no foreign pixel
    text = _moved(_contourf((color,), None), _contourf((), None))
    values = tp.decolorize(_contourf(_COLORS, 75), cmap="magma", vmin=0, vmax=1)
    assert np.isnan(values[text]).mean() >= 0.9


@pytest.mark.parametrize("quality", [90, 75])
def test_contourf_without_text_keeps_its_data(quality: int) -> None:
    values = tp.decolorize(_contourf((), quality), cmap="magma", vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002


@pytest.mark.parametrize(
    ("cmap", "quality", "flagged"),
    [("coolwarm", 90, 0.95), ("coolwarm", 75, 0.95), ("rocket", 90, 0.95), ("rocket", 75, 0.95)],
)
def test_heatmap_annotations_keep_the_cells_data(cmap: str, quality: int, flagged: float) -> None:
    # seaborn's 7 pt digits (black or white by cell) were flagged 2.1 / 0.7 / 48.5 / 67.4 %
    # by the rules on colors and strokes; the heatmap's cells flag them (``_cellmarks``):
    # measured 99.0 / 98.2 / 99.3 / 98.4 %. The cells' data away from the digits keeps
    # its values.
    text = _moved(_heatmap(True, None, cmap), _heatmap(False, None, cmap))
    values = tp.decolorize(_heatmap(True, quality, cmap), cmap=cmap, vmin=0, vmax=100)
    assert np.isnan(values[text]).mean() >= flagged
    assert np.isnan(values[_away(text)]).mean() <= 0.002  # measured 0.00 %
