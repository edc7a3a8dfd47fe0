"""A whole figure decoded with ``decolorize``: its flat background, black where a
``savefig(..., transparent=True)`` PNG's transparent pixels store black (PNG optimizers,
browsers) and ``Image.convert("RGB")`` drops the alpha, white otherwise, decodes to a
real number where the map holds that color (magma's, inferno's, gray's low end). A
black one is named in a warning (white, every opaque figure's paper, is not); the
field alone, and the RGBA picture as saved, decode quietly, the latter with its
transparent pixels NaN (inferno's were filled at vmin beside its colorbar)."""

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


def _decoded(picture, cmap: str) -> tuple[np.ndarray, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = tp.decolorize(picture, cmap=cmap, vmin=-2, vmax=2)
    return values, [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]


@pytest.mark.parametrize("cmap", ["magma", "inferno", "gray"])
def test_a_transparent_figure_converted_to_rgb_names_its_background(cmap) -> None:
    png = _transparent_black(_figure_png(cmap))
    saved = np.asarray(Image.open(io.BytesIO(png)))
    background = saved[..., 3] == 0
    values, messages = _decoded(np.asarray(Image.open(io.BytesIO(png)).convert("RGB")), cmap)
    assert np.count_nonzero(~np.isnan(values[background])) > 0.9 * background.sum()
    named = [m for m in messages if "background" in m]
    assert len(named) == 1, messages
    assert "#000000" in named[0]
    # the RGBA picture as saved: its transparent pixels are not data, and no warning
    values, messages = _decoded(saved, cmap)
    assert np.isnan(values[background]).all()
    assert not [m for m in messages if "background" in m]


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
