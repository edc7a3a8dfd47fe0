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


def _sky(seed: int) -> np.ndarray:
    """A 400^2 star field: noise (sigma 5) on 100, 150 point sources, a bright galaxy."""
    rng = np.random.default_rng(seed)
    rows, cols = np.mgrid[0:400, 0:400]
    sky = 100 + rng.normal(0, 5, (400, 400))
    for x, y, flux in zip(rng.uniform(5, 395, 150), rng.uniform(5, 395, 150),
                          50 * (rng.pareto(1.5, 150) + 1), strict=True):  # fmt: skip
        sky += flux * np.exp(-((cols - x) ** 2 + (rows - y) ** 2) / (2 * 1.8**2))
    radius = np.hypot(cols - 220, (rows - 180) / 0.6)
    return sky + 400 * np.exp(-((radius / 30) ** 0.6))


@pytest.mark.parametrize(("name", "seed"), [("inferno", 7), ("magma", 7), ("viridis", 3)])
def test_downsampled_noise_rows_are_no_gridlines(name: str, seed: int) -> None:
    # trial 50: imshow drew a noisy 400^2 sky into a 369 px plot; some of its resampled rows
    # fit a translucent line one by one, 7 and 15 px apart, and were taken for a family of
    # gridlines: 4 whole rows of the plot NaN (1.1 %). Lines that close are no even spacing.
    import matplotlib.pyplot as plt
    from matplotlib.colors import PowerNorm

    sky = _sky(seed)
    norm = PowerNorm(0.5, vmin=np.percentile(sky, 0.5), vmax=np.percentile(sky, 99.5))
    figure, axes = plt.subplots(dpi=100)
    figure.colorbar(axes.imshow(sky, cmap=name, norm=norm, origin="lower"), ax=axes)
    figure.canvas.draw()
    box = axes.get_window_extent()
    height = figure.canvas.get_width_height()[1]
    inside = (slice(int(np.ceil(height - box.y1)) + 2, int(height - box.y0) - 2),
              slice(int(np.ceil(box.x0)) + 2, int(box.x1) - 2))  # fmt: skip
    values = decolorize(saved_rgb(figure, dpi=100), cmap=name, norm=norm)
    assert np.isnan(values[inside]).mean() <= 0.002
