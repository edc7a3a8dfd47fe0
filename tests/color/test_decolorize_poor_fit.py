"""A picture drawn with a map no catalog holds (``LinearSegmentedColormap.from_list(
["navy", "white", "darkred"])``), decoded with ``identify_colormap``'s best
(seaborn:vlag): its colors decode within the adaptive threshold to values off by up to
a tenth of the range, the rest NaN, and no catalog map is better to name. The decode
says the map fits poorly; the right map's exact renders decode quietly."""

from __future__ import annotations

import io
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import LinearSegmentedColormap
from PIL import Image
from scipy.ndimage import gaussian_filter

import truepix as tp
from truepix.errors import OffMapWarning


def _field() -> np.ndarray:
    return gaussian_filter(np.random.default_rng(0).standard_normal((128, 128)), 6)


def _imsave(data: np.ndarray, cmap) -> np.ndarray:
    buffer = io.BytesIO()
    plt.imsave(buffer, data, cmap=cmap, format="png")
    return np.asarray(Image.open(buffer).convert("RGB"))


def _messages(picture: np.ndarray, cmap, data: np.ndarray) -> tuple[np.ndarray, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = tp.decolorize(picture, cmap=cmap, vmin=data.min(), vmax=data.max())
    return values, [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]


def test_a_hand_built_map_decoded_as_its_nearest_catalog_map_is_named_poor() -> None:
    data = _field()
    custom = LinearSegmentedColormap.from_list("mine", ["navy", "white", "darkred"])
    picture = _imsave(data, custom)
    values, messages = _messages(picture, "seaborn:vlag", data)
    error = np.nanmean(np.abs(values - data)) / np.ptp(data)
    assert error > 0.01  # (what the warning is for: numbers off by percents)
    assert any("no catalog map fits" in message for message in messages), messages
    values, messages = _messages(picture, custom, data)  # its own map: quiet, right
    assert not messages
    assert np.nanmax(np.abs(values - data)) / np.ptp(data) < 0.01


@pytest.mark.parametrize("cmap", ["viridis", "jet", "RdBu_r", "gray", "twilight", "hot"])
def test_right_maps_exact_renders_are_not_named_poor(cmap) -> None:
    data = _field()
    _, messages = _messages(_imsave(data, cmap), cmap, data)
    assert not messages
