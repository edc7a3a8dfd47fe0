"""read_figure names the catalog map of a resized figure's colorbar.

A figure resized by Pillow (bicubic, 0.8x or 1.25x: a HiDPI screenshot, a
picture scaled for a slide) keeps its colorbar's rows of one color each, so
the bar reads as exact; but its colors are blends of neighbouring entries and
no catalog table holds them: jet's bar was decoded with its own colors and
named "colorbar" (9 of 12 resized jet figures; on a rough field 0.17-0.72 %
MAE, where jet's table gives 0.10-0.51 %). A hand-drawn map whose bar is exact keeps its own
colors: no catalog map is near enough.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import LinearSegmentedColormap
from PIL import Image

import truepix as tp


def _field() -> np.ndarray:
    y, x = np.mgrid[0:120, 0:160]
    return 270.0 + 18.0 * np.sin(x / 13.0 + np.cos(y / 17.0)) * np.cos(y / 11.0)


def _figure(cmap, dpi: int, scale: float) -> bytes:
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=dpi)
    fig.colorbar(ax.imshow(_field(), cmap=cmap, aspect="auto", vmin=250, vmax=290), label="K")
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=dpi)
    plt.close(fig)
    picture = Image.open(png).convert("RGB")
    if scale != 1.0:
        size = (round(picture.width * scale), round(picture.height * scale))
        picture = picture.resize(size, Image.BICUBIC)
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def _error(panel: tp.Panel) -> float:
    """Mean |value - truth| over the plot's inside, share of the 40 K range."""
    values = panel.data.values
    rows = np.clip(np.rint(panel.data.y.values).astype(int), 0, 119)
    columns = np.clip(np.rint(panel.data.x.values).astype(int), 0, 159)
    error = np.abs(values - _field()[np.ix_(rows, columns)])[3:-3, 3:-3] / 40.0
    return float(np.nanmean(error))


@pytest.mark.parametrize(("dpi", "scale"), [(100, 0.8), (100, 1.25), (200, 0.8), (200, 0.5)])
def test_a_resized_jet_figure_names_jet(dpi: int, scale: float) -> None:
    panel = tp.read_figure(_figure("jet", dpi, scale)).panels[0]
    assert panel.cmap == "jet"
    assert _error(panel) <= 0.008


def test_a_hand_drawn_map_keeps_its_own_colors() -> None:
    cmap = LinearSegmentedColormap.from_list("mine", ["navy", "white", "darkred"])
    panel = tp.read_figure(_figure(cmap, 100, 1.0)).panels[0]
    assert panel.cmap == "colorbar"
    assert _error(panel) <= 0.008
