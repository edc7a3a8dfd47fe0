"""A whole figure decoded with ``decolorize``, its background transparent: the RGBA picture
as ``savefig(..., transparent=True)`` wrote it decodes its transparent pixels NaN, whatever
color they store (PNG optimizers and browsers store black; inferno's were filled at vmin
beside its colorbar by the step that fills colors near the map's ends). Converted to RGB,
its black background is the map's own low end and decodes as such: a picture of black sky
around stars (an astronomer's ``plt.imsave`` with gray, magma or inferno) is that too, so
no warning says "background" (one that did named 93-94 % of such a sky). What tells a
figure is its colorbar: there, the flat background that touches the border, outside the
field and the bar, is NaN (``_backdrop``)."""

from __future__ import annotations

import io
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from truepix.errors import OffMapWarning


def _figure_png(cmap: str) -> bytes:
    rows, cols = np.mgrid[0:40, 0:50]
    data = np.sin(cols / 7.0) + np.cos(rows / 5.0)
    fig, ax = plt.subplots(figsize=(3, 2.4), dpi=80)
    image = ax.imshow(data, cmap=cmap, vmin=-2, vmax=2)
    fig.colorbar(image)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", transparent=True)
    plt.close(fig)
    return buffer.getvalue()


def _transparent_black(png: bytes) -> bytes:
    """The PNG with its transparent pixels' colors set to black, as optimizers store them."""
    rgba = np.array(Image.open(io.BytesIO(png)).convert("RGBA"))
    rgba[rgba[..., 3] == 0] = 0
    buffer = io.BytesIO()
    Image.fromarray(rgba).save(buffer, format="png")
    return buffer.getvalue()


def _decoded(picture, cmap: str, vmin: float = -2, vmax: float = 2) -> tuple[np.ndarray, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = tp.decolorize(picture, cmap=cmap, vmin=vmin, vmax=vmax)
    return values, [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]


@pytest.mark.parametrize("cmap", ["magma", "inferno", "gray"])
def test_a_transparent_figure_as_saved_leaves_its_transparent_pixels_nan(cmap) -> None:
    png = _transparent_black(_figure_png(cmap))
    saved = np.asarray(Image.open(io.BytesIO(png)))
    background = saved[..., 3] == 0
    values, _ = _decoded(saved, cmap)
    assert background.mean() > 0.2 and np.isnan(values[background]).all()
    assert np.isfinite(values[~background]).mean() > 0.3


@pytest.mark.parametrize("cmap", ["gray", "magma", "inferno"])
def test_black_sky_around_stars_decodes_quietly(cmap) -> None:
    rows, cols = np.mgrid[0:128, 0:128]
    rng = np.random.default_rng(1)
    sky = 1000 * np.exp(-(((cols - 64) / 15.0) ** 2 + ((rows - 64) / 6.0) ** 2))
    for a, b in rng.uniform(5, 123, (15, 2)):
        sky += 300 * np.exp(-((cols - a) ** 2 + (rows - b) ** 2) / 4.0)
    sky += rng.normal(0, 3, sky.shape)
    buffer = io.BytesIO()
    plt.imsave(buffer, sky, cmap=cmap, vmin=20, vmax=800, format="png")
    buffer.seek(0)
    values, messages = _decoded(plt.imread(buffer), cmap, 20, 800)
    assert messages == []
    truth = np.clip(sky, 20, 800)
    assert np.isfinite(values).all() and np.abs(values - truth).max() <= 2 * 780 / 256


@pytest.mark.parametrize("cmap", ["magma", "gray"])
def test_a_field_with_its_low_values_at_the_border_is_not_a_background(cmap) -> None:
    # a field whose lowest values reach the border in places (not all around) decodes quietly
    rows, cols = np.mgrid[0:64, 0:64]
    data = np.clip(np.hypot(rows - 20, cols - 24) / 30.0 - 0.4, 0, 1)
    picture = tp.colorize(data, cmap=cmap, vmin=0, vmax=1)[..., :3]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = tp.decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    assert np.nanmax(np.abs(values - data)) < 0.01


@pytest.mark.parametrize("paper", ["black", "white"])
@pytest.mark.parametrize("cmap", ["gray", "Greys"])
def test_a_transparent_figure_flattened_to_rgb_leaves_its_background_nan(cmap, paper) -> None:
    # savefig(transparent=True) composited over black or white (Image.alpha_composite,
    # or convert("RGB") of transparent pixels that store the color): the background is
    # gray's or Greys' end color, decoded as vmin / vmax where no data was drawn
    saved = Image.open(io.BytesIO(_figure_png(cmap))).convert("RGBA")
    background = np.asarray(saved)[..., 3] == 0
    flat = Image.alpha_composite(Image.new("RGBA", saved.size, paper), saved).convert("RGB")
    values, messages = _decoded(np.asarray(flat), cmap)
    assert background.mean() > 0.3 and np.isnan(values[background]).mean() > 0.99
    assert messages == []  # (not "gray drawn at alpha=0.07 over #000000")
    rows, cols = np.mgrid[0:40, 0:50]
    data = np.sin(cols / 7.0) + np.cos(rows / 5.0)
    field = values[np.isfinite(values) & ~background]
    # (the field and the colorbar keep their values, whatever their colors)
    assert field.size > 0.3 * values.size and field.min() < data.min() + 0.1
    assert field.max() > data.max() - 0.1


@pytest.mark.parametrize("cmap", ["gray", "magma"])
def test_a_dark_background_figure_reads_its_field_and_leaves_its_background_nan(cmap) -> None:
    # plt.style.use("dark_background"): black figure and axes, white ticks and labels
    rows, cols = np.mgrid[0:40, 0:50]
    data = np.sin(cols / 7.0) + np.cos(rows / 5.0)
    with plt.style.context("dark_background"):
        fig, ax = plt.subplots(figsize=(4, 3), dpi=100)  # (5 px cells: read one by one)
        fig.colorbar(ax.imshow(data, cmap=cmap, vmin=-2, vmax=2))
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        panel = tp.read_figure(picture).panels[0]
        values, messages = _decoded(picture, cmap)
    assert panel.data.shape == data.shape and np.abs(panel.data.values - data).max() < 0.05
    black = (picture.max(axis=-1) == 0) & (np.arange(picture.shape[1]) < 20)  # (left margin)
    assert black.sum() > 1000 and np.isnan(values[black]).all() and messages == []
