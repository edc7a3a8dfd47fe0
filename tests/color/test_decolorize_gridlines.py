"""Coastlines under dashed translucent gridlines, as cartopy-style maps draw them.

A smooth field shown by ``imshow`` (nearest: upsampled 4x and more) with wiggly
polylines (lw 0.5) in a color the map lacks and dashed gray gridlines at alpha 0.5
(cartopy's ``gridlines``), saved by ``savefig`` as PNG at dpi 100 and 150. A
stroke's pixels are those the coastlines alone change by more than 10 DN (the same
figure drawn without them gives it); the figure without any lines gets no holes.

At dpi 150 the picture (900 x 510) is planned on bands of rows
(``_chroma_test.sample_rows``): a horizontal gridline's faint side row (1-3 DN off
the map) fell on a band's edge, beside its core outside the sample, and was counted
as an off-table color away from any drawing; the figure passed for a resampled one
and its coastlines' antialiased edges for blends (``_exact.seen_rows``). Before ->
after, coastline pixels flagged at dpi 150: viridis 92.4 -> 100 %, magma 91.8 -> 100 %
(dpi 100: 100 % both; trial 46's pcolormesh figure, t29: 55.8 -> 100 %).
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest

from tests.color._annotate import bumps, coastlines
from tests.color._photographs import saved_rgb
from truepix.color._decolorize._api import decolorize
from truepix.color._decolorize._exact import seen_rows

matplotlib.use("Agg")

#: a color each map lacks (as far from its table as the candidates go)
_FAR = {"viridis": "magenta", "magma": "cyan"}


def _field() -> np.ndarray:
    return bumps(60, 120, top=0.5)


def _figure(name: str, dpi: int, coasts: bool, grid: bool) -> tuple[np.ndarray, tuple]:
    """The figure saved as PNG, and the rows and columns inside its axes (3 px in)."""
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(6, 3.4), dpi=dpi)
    axes = figure.add_axes((0.06, 0.08, 0.8, 0.84))
    shown = axes.imshow(_field(), cmap=name, vmin=0, vmax=1, extent=(-180, 180, -90, 90),
                        aspect="auto", interpolation="nearest")  # fmt: skip
    figure.colorbar(shown)
    if coasts:
        for x, y in coastlines(10, 300):
            axes.plot(x, y, color=_FAR[name], lw=0.5)
    if grid:
        for at in range(-150, 180, 30):
            axes.axvline(at, color="0.5", ls="--", lw=0.5, alpha=0.5)
        for at in range(-60, 90, 30):
            axes.axhline(at, color="0.5", ls="--", lw=0.5, alpha=0.5)
    axes.set_xlim(-180, 180)
    axes.set_ylim(-90, 90)
    figure.canvas.draw()
    box = axes.get_window_extent()
    height = figure.canvas.get_width_height()[1]
    inside = (slice(int(np.ceil(height - box.y1)) + 3, int(height - box.y0) - 3),
              slice(int(np.ceil(box.x0)) + 3, int(box.x1) - 3))  # fmt: skip
    return saved_rgb(figure, dpi=dpi), inside


@functools.cache
def _pictures(name: str, dpi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple]:
    """(figure with coastlines and gridlines, figure without lines, coastline pixels,
    the axes' inside)."""
    clean, inside = _figure(name, dpi, False, False)
    drawn, _ = _figure(name, dpi, True, True)
    grid, _ = _figure(name, dpi, False, True)
    coasts = np.abs(drawn.astype(int) - grid).max(axis=-1) > 10
    coasts &= np.abs(drawn.astype(int) - clean).max(axis=-1) > 10
    return drawn, clean, coasts, inside


@pytest.mark.slow
@pytest.mark.parametrize("dpi", [100, 150])
@pytest.mark.parametrize("name", ["viridis", "magma"])
def test_coastlines_under_gridlines_are_flagged(name: str, dpi: int) -> None:
    drawn, _, coasts, inside = _pictures(name, dpi)
    assert coasts[inside].sum() > 2000  # (the strokes are there)
    lost = np.isnan(decolorize(drawn, cmap=name, vmin=0, vmax=1))
    assert lost[inside][coasts[inside]].mean() >= 0.99


@pytest.mark.slow
@pytest.mark.parametrize("dpi", [100, 150])
@pytest.mark.parametrize("name", ["viridis", "magma"])
def test_the_figure_without_lines_keeps_its_data(name: str, dpi: int) -> None:
    _, clean, _, inside = _pictures(name, dpi)
    values = decolorize(clean, cmap=name, vmin=0, vmax=1)
    assert np.isnan(values[inside]).mean() <= 0.002


def test_a_banded_sample_counts_the_rows_inside_its_bands() -> None:
    # a sample of two bands of six rows: each band's first and last row lie beside
    # rows outside the sample
    seen = seen_rows(12, 6)
    assert seen is not None
    assert np.flatnonzero(~seen).tolist() == [0, 5, 6, 11]
    assert seen_rows(12, 0) is None  # a whole picture: every row's neighbours in it
