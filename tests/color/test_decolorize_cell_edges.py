"""Antialiased edges between a sharp render's cells (trial 55 failure 3): ``hexbin(x, y,
gridsize=25 / 60, cmap="jet")`` saved as PNG. Agg blends two or three hexagons' colors
where they meet, off jet's table; decoded by name with the colorbar's limits, those
pixels are data (at most 0.2 % NaN; 2.2 / 6.9 % before), and the values are no worse
than the nearest table color's (scipy's k-d tree) -- the truth from the same figure
drawn in gray over a red face. Black and white text over it stays flagged."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

import truepix as tp
from truepix.color._decolorize._cell_edges import fill_cell_edges


def _hexbin(gridsize: int, cmap: str, face=None, text: bool = False):
    """The figure as an 8-bit RGB picture, its plot area's slice and the norm."""
    rng = np.random.default_rng(55)
    x, y = rng.normal(size=20000), rng.normal(size=20000)
    fig, ax = plt.subplots()
    if face is not None:
        ax.set_facecolor(face)
    hb = ax.hexbin(x, y, gridsize=gridsize, cmap=cmap)
    fig.colorbar(hb)
    if text:
        ax.text(-2.5, 1.2, "Counts 42", fontsize=22, color="k")
        ax.text(-2.5, -1.8, "Counts 17", fontsize=22, color="w")
        ax.plot([-3, 3], [0.3, -0.6], color="k", lw=1.0)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    box = ax.get_window_extent()
    plt.close(fig)
    rgb = np.asarray(Image.open(buf).convert("RGB"))
    top = rgb.shape[0]
    area = (slice(int(top - box.y1) + 2, int(top - box.y0) - 2),
            slice(int(box.x0) + 2, int(box.x1) - 2))  # fmt: skip
    return rgb, area, hb.norm


def _truth(gridsize: int) -> np.ndarray:
    """Each pixel's datum (0-1) from the gray redraw; NaN off the hexagons (the red face
    and its blends)."""
    gray, _, _ = _hexbin(gridsize, "gray", face=(1, 0, 0))
    g = gray.astype(float)
    truth = (g[..., 0] + 0.5) / 256
    truth[(gray[..., 0] != gray[..., 1]) | (gray[..., 1] != gray[..., 2])] = np.nan
    return truth


@pytest.mark.parametrize("gridsize", [25, 60])
def test_hexbin_jet_edges_are_data(gridsize):
    rgb, area, norm = _hexbin(gridsize, "jet")
    truth = _truth(gridsize)[area]
    values = tp.decolorize(rgb, cmap="jet", vmin=norm.vmin, vmax=norm.vmax)[area]
    found = (values - norm.vmin) / (norm.vmax - norm.vmin)
    data = np.isfinite(truth)
    assert np.isnan(found[data]).mean() <= 0.002
    table = plt.get_cmap("jet")(np.linspace(0, 1, 256))[:, :3] * 255
    _, index = cKDTree(table).query(rgb[area][data].astype(float))
    tree = np.abs((index + 0.5) / 256 - truth[data])
    ok = np.isfinite(found[data])
    error = np.abs(found[data][ok] - truth[data][ok])
    assert error.mean() <= tree.mean()
    assert np.percentile(error, 99) <= np.percentile(tree, 99) + 1e-9


def test_text_over_hexbin_stays_flagged():
    plain, area, norm = _hexbin(25, "jet")
    inked, _, _ = _hexbin(25, "jet", text=True)
    ink = (np.abs(inked.astype(int) - plain.astype(int)).max(axis=-1) > 10)[area]
    values = tp.decolorize(inked, cmap="jet", vmin=norm.vmin, vmax=norm.vmax)[area]
    assert np.isnan(values[ink]).mean() >= 0.99


def test_one_color_beside_another_is_no_blend():
    """A stroke's edge blends its ink with ONE field color: left NaN."""
    rgb = np.zeros((7, 7, 3), np.uint8)
    rgb[:] = (0, 0, 200)
    rgb[3] = (0, 0, 0)  # a black line
    rgb[2] = rgb[4] = (0, 0, 100)  # its edges, half ink
    values = np.where(rgb[..., 2] == 200, 0.1, np.nan)
    assert fill_cell_edges(values, rgb, 3.0) == 0
    assert np.isnan(values[2:5]).all()
