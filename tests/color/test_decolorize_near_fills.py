"""Figures of a custom map whose margin's color lies near the map's colors, off them.

``LinearSegmentedColormap.from_list(..., ["navy", "white", "firebrick"])`` passes
through white between its entries (254 and 252 the nearest): a figure's white margin
is 1.75 DN off the map, inside the map's box and nearer than ``_fills.FILL_FAR``. It
was half the pixels the noise is measured on (1.49 DN) and the exact plot was
smoothed (trial 47 t43a: 5.9x the nearest table color's error on a smooth field).
One color repeated over so many pixels is no noise: a fill (``_near_fills``).
"""

from __future__ import annotations

import io

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import LinearSegmentedColormap
from PIL import Image

from truepix import Decolorizer

mpl.use("Agg")

COLORS = {
    "navy-white-firebrick": ["navy", "white", "firebrick"],
    "teal-white-orange": ["teal", "white", "darkorange"],
    "black-white-red": ["black", "white", "red"],
}


def _field(shape: tuple[int, int]) -> np.ndarray:
    y, x = np.mgrid[0 : 1 : shape[0] * 1j, 0 : 1 : shape[1] * 1j]
    bumps = np.sin(5 * x) * np.cos(4 * y) + 0.4 * np.sin(11 * x * y)
    noise = np.random.default_rng(3).normal(0.0, 0.02, shape)
    field = bumps + noise
    return (field - field.min()) / (field.max() - field.min())


def _figure(field: np.ndarray, cmap) -> tuple[np.ndarray, tuple[slice, slice]]:
    """plt.subplots + imshow (nearest) + colorbar, savefig PNG read back by Pillow; the
    slice of the plot's interior pixels."""
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    art = ax.imshow(field, cmap=cmap, vmin=0.0, vmax=1.0, interpolation="nearest", aspect="auto")
    fig.colorbar(art, label="value")
    ax.set_title("a field")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    fig.canvas.draw()
    box = ax.get_window_extent()
    height = fig.canvas.get_width_height()[1]
    plt.close(fig)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    rows = slice(int(height - box.y1) + 3, int(height - box.y0) - 3)
    return picture, (rows, slice(int(box.x0) + 3, int(box.x1) - 3))


@pytest.mark.parametrize("name", list(COLORS))
def test_custom_map_figure_is_exact_and_unsmoothed(name: str) -> None:
    cmap = LinearSegmentedColormap.from_list(name, COLORS[name])
    picture, plot = _figure(_field((100, 130)), cmap)
    table = cmap(np.arange(cmap.N), bytes=True)[:, :3]
    inner = picture[plot].reshape(-1, 3)
    # the oracle: every plot pixel is a table color (matplotlib's), decoded as its entry
    keys = table.astype(np.int64) @ [65536, 256, 1]
    assert np.all(np.isin(inner.astype(np.int64) @ [65536, 256, 1], keys))
    result = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(picture)
    assert result.noise == 0.0 and not result.jpeg and not result.denoised
    plain = Decolorizer(cmap, vmin=0.0, vmax=1.0, denoise=False).decode(picture)
    assert np.array_equal(result.values[plot], plain.values[plot], equal_nan=True)
    assert not np.isnan(result.values[plot]).any()
    residual = np.abs(inner[:, None, :].astype(int) - table[None].astype(int)).sum(-1)
    entry = np.argmin(residual, axis=1)
    error = np.abs(result.values[plot].ravel() - (entry + 0.5) / cmap.N)
    assert np.max(error[~result.ambiguous[plot].ravel()]) <= 0.5 / cmap.N + 1e-9


def test_named_map_figure_unchanged() -> None:
    """A named map whose table holds no white (viridis): its margin was a fill already."""
    picture, plot = _figure(_field((100, 130)), "viridis")
    result = Decolorizer("viridis", vmin=0.0, vmax=1.0).decode(picture)
    assert result.noise == 0.0 and not result.denoised
    assert not np.isnan(result.values[plot]).any()


def test_noisy_picture_keeps_its_noise() -> None:
    """A noisy picture of the same map with a flat off-table color repeated: the rest
    reads noise, so nothing is taken for a fill and the picture is still smoothed."""
    cmap = LinearSegmentedColormap.from_list("nwf", COLORS["navy-white-firebrick"])
    field = _field((160, 160))
    picture = cmap(field, bytes=True)[..., :3].astype(np.float64)
    picture += np.random.default_rng(5).normal(0.0, 2.0, picture.shape)
    picture[:40] = 255.0
    picture = np.clip(np.round(picture), 0, 255).astype(np.uint8)
    result = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(picture)
    assert result.noise > 1.0 and result.denoised
    assert not np.isnan(result.values[:40]).all()


@pytest.mark.parametrize("cmap", ["navy-white-firebrick", "RdBu"])
def test_palette_cells_are_no_fills(cmap: str) -> None:
    """Pillow's quantize(16) of an exact render: its colors are cells' means, some on the
    table, some each repeated off it; none is a fill (were 86-88 % NaN with a rule that
    took them for near fills)."""
    if cmap in COLORS:
        cmap = LinearSegmentedColormap.from_list(cmap, COLORS[cmap])
    field = _field((200, 200))
    rgb = (mpl.colormaps[cmap] if isinstance(cmap, str) else cmap)(field, bytes=True)
    picture = np.asarray(Image.fromarray(rgb[..., :3]).quantize(16).convert("RGB"))
    result = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(picture)
    assert np.isnan(result.values).mean() < 0.05  # (1.2 %, 2.9 %: as before)
    assert np.nanmean(np.abs(result.values - field)) < 0.03


def test_repeated_colors_match_unique_oracle() -> None:
    """``_repeated`` (hashed buckets of the colors or of their codes, then an exact
    count) finds the same first pixel of each often repeated color as ``np.unique``
    over all the pixels asked about, on Pillow JPEG'd and quantized pictures and on
    drawn palettes with alpha."""
    from truepix.color._decolorize._near_fills import _repeated

    rng = np.random.default_rng(11)
    rgb = mpl.colormaps["RdBu"](_field((120, 150)), bytes=True)[..., :3]
    pictures = []
    for quality in (50, 95):
        buffer = io.BytesIO()
        Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality)
        pictures.append(np.asarray(Image.open(buffer).convert("RGB")).reshape(-1, 3))
    pictures.append(np.asarray(Image.fromarray(rgb).quantize(24).convert("RGB")).reshape(-1, 3))
    for n_colors in (3, 300, 5000):
        palette = rng.integers(0, 256, (n_colors, 4), dtype=np.uint8)
        weights = rng.random(n_colors) ** 6
        pictures.append(palette[rng.choice(n_colors, 20_000, p=weights / weights.sum())])
    for flat in pictures:
        off = rng.random(len(flat)) < 0.8
        for least in (64.0, 0.01 * len(flat), 0.2 * len(flat)):
            wide = flat[off, :3].astype(np.int64)
            _, first, counts = np.unique(
                wide @ [65536, 256, 1], return_index=True, return_counts=True
            )  # fmt: skip
            expected = np.flatnonzero(off)[first[counts >= least]]
            assert np.array_equal(_repeated(flat, off, least), expected)
            # (3 channels: counted by each color's code, any one a color, even shared)
            key = (flat[:, :3].astype(np.int64) @ [65536, 256, 1]) % 7919
            codes = rng.integers(0, 2**32, 7919, dtype=np.uint32)[key]
            assert np.array_equal(_repeated(flat, off, least, codes), expected)
