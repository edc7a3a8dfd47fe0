"""Thin JPEG'd colorbars: the catalog map the plot was drawn with, not the bar's washed-out read.

Trial 50: a 2x2 ``tight_layout`` grid with a colorbar per panel, JPEG q75.
The ``RdBu_r`` bar, 10 pixels wide, lost its chroma to 4:2:0 subsampling and
scored 0.77 for ``RdBu_r``; its own colors were taken as the table and the
panel decoded 2.5x worse than the k-d tree with the right map, at
confidence 1.0. The truth is the same figure drawn with ``gray``.
"""

from __future__ import annotations

import io

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import LinearSegmentedColormap
from PIL import Image

import truepix as tp
from tests.figures.conftest import smooth_field

_SPEC = [("viridis", 0, 50), ("jet", -10, 10), ("magma", 100, 300), ("RdBu_r", -1, 1)]


def _jpeg(fig, quality: int = 75) -> bytes:
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=100)
    out = io.BytesIO()
    Image.open(io.BytesIO(png.getvalue())).convert("RGB").save(out, format="JPEG", quality=quality)
    return out.getvalue()


def _grid(maps, seed: int):
    """The 2x2 grid (a bar per panel, tight_layout) as JPEG q75, and its gray redraw."""
    fig, axes = plt.subplots(2, 2, figsize=(6.4, 4.8))
    images = []
    for k, (ax, (cmap, low, high)) in enumerate(zip(axes.flat, maps, strict=True)):
        field = smooth_field(200, 200, seed + k)
        field = (field - field.min()) / np.ptp(field)
        images.append(ax.imshow(low + (high - low) * field, cmap=cmap, vmin=low, vmax=high))
        fig.colorbar(images[-1], ax=ax)
    fig.tight_layout()
    data = _jpeg(fig)
    for image in images:
        image.set_cmap("gray")
    gray = io.BytesIO()
    fig.savefig(gray, format="png", dpi=100)
    plt.close(fig)
    truth = np.asarray(Image.open(io.BytesIO(gray.getvalue())).convert("RGB")).astype(np.float64)
    return data, truth


def _truth_fraction(truth: np.ndarray, interior) -> np.ndarray:
    top, bottom, left, right = interior
    crop = truth[top + 3 : bottom - 3, left + 3 : right - 3]
    fraction = (crop[..., 0] + 0.5) / 256.0
    neutral = (np.ptp(crop, axis=2) == 0) & (crop[..., 0] > 0) & (crop[..., 0] < 255)
    return np.where(neutral, fraction, np.nan)


def _nearest(picture: np.ndarray, cmap: str) -> np.ndarray:
    """The k-d tree baseline: the nearest table color's bin centre."""
    table = (mpl.colormaps[cmap](np.linspace(0, 1, 256))[:, :3] * 255).astype(np.float64)
    flat = picture.reshape(-1, 3).astype(np.float64)
    nearest = np.empty(len(flat), dtype=np.int64)
    for start in range(0, len(flat), 4096):
        chunk = flat[start : start + 4096]
        squared = ((chunk[:, None] - table[None]) ** 2).sum(axis=2)
        nearest[start : start + 4096] = squared.argmin(axis=1)
    return ((nearest + 0.5) / 256.0).reshape(picture.shape[:2])


def test_thin_jpeg_bars_read_their_catalog_map():
    data, truth = _grid(_SPEC, seed=3)
    picture = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
    reading = tp.read_figure(data)
    assert len(reading.panels) == 4
    panels = sorted(reading.panels, key=lambda p: (p.bbox[1] // 100, p.bbox[0]))
    for panel, (cmap, low, high) in zip(panels, _SPEC, strict=True):
        assert panel.cmap == cmap
        assert panel.vmin == pytest.approx(low, abs=0.01 * (high - low))
        assert panel.vmax == pytest.approx(high, abs=0.01 * (high - low))
        top, bottom, left, right = panel.interior
        fraction = _truth_fraction(truth, panel.interior)
        ours = (panel.pixel_values[3:-3, 3:-3] - low) / (high - low)
        base = _nearest(picture[top + 3 : bottom - 3, left + 3 : right - 3], cmap)
        known = np.isfinite(fraction)
        error = np.abs(np.where(np.isnan(ours), 1.0, ours) - fraction)[known].mean()
        # RdBu_r was 2.5x the k-d tree's error
        assert error <= np.abs(base - fraction)[known].mean(), cmap


def test_thin_jpeg_bar_of_a_map_outside_the_catalog_stays_its_own():
    own = LinearSegmentedColormap.from_list("own", ["#3b0f4f", "#e07b39", "#d8f0a0", "#1a6e8e"])
    spec = [("viridis", 0, 50), (own, 0, 1), ("magma", 100, 300), ("RdBu_r", -1, 1)]
    data, _ = _grid(spec, seed=5)
    panels = sorted(tp.read_figure(data).panels, key=lambda p: (p.bbox[1] // 100, p.bbox[0]))
    assert [p.cmap for p in panels] == ["viridis", "colorbar", "magma", "RdBu_r"]
