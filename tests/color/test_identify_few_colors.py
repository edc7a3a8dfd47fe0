"""identify_colormap warns when a picture of one or two colors cannot name a map.

Trial 50: an all-white picture was named ``colorcet:CET_D10`` with score 0.85 and no
word that any map with white in it fits as well. Pictures made the way users make
them (a blank PNG, a JPEG'd uniform frame, a two-level mask through ``plt.imsave``)
get a :class:`~truepix.errors.FewColorsWarning` naming their colors; pictures of a
map's range (an exact render, a JPEG, a narrow data range) get none.
"""

from __future__ import annotations

import io
import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import pillow_jpeg
import truepix as tp
from truepix.errors import FewColorsWarning

matplotlib.use("Agg")


def _imsave(data: np.ndarray, cmap: str) -> np.ndarray:
    buffer = io.BytesIO()
    plt.imsave(buffer, data, cmap=cmap, format="png")
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())))


def _field(seed: int = 0, n: int = 96) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.cumsum(np.cumsum(rng.normal(size=(n, n)), 0), 1)
    return (t - t.min()) / np.ptp(t)


@pytest.mark.parametrize(
    ("make", "named"),
    [
        (lambda: np.full((40, 60, 3), 255, np.uint8), "#ffffff"),
        (lambda: np.zeros((40, 60), np.uint8), "#000000"),
        (lambda: pillow_jpeg(np.full((64, 64, 3), (68, 1, 84), np.uint8), 50), "#"),
        (lambda: _imsave((_field() > 0.5).astype(float), "viridis"), "#440154 and #fde72"),
    ],
    ids=["white", "black-gray", "jpeg-viridis-end", "mask-imsave"],
)
def test_one_or_two_colors_are_told_they_name_no_map(make, named: str) -> None:
    with pytest.warns(FewColorsWarning, match="names found are guesses") as caught:
        matches = tp.identify_colormap(make())
    assert len(matches) == 5  # still ranked: the warning says how much that is worth
    message = str(caught[0].message)
    assert named in message and "\n" not in message
    assert caught[0].filename == __file__  # points at the user's call


@pytest.mark.parametrize(
    "make",
    [
        lambda: tp.colorize(_field(), cmap="viridis", vmin=0, vmax=1),
        lambda: pillow_jpeg(tp.colorize(_field(), cmap="jet", vmin=0, vmax=1)[..., :3], 50),
        lambda: _imsave(_field() * 0.3, "magma"),  # 0..0.3 of the range drawn over 0..1
        lambda: tp.colorize(0.3 + 0.2 * _field(1), cmap="gray", vmin=0, vmax=1),  # 52 levels
    ],
    ids=["exact", "jpeg", "narrow-imsave", "gray-tenth"],
)
def test_pictures_of_a_range_of_colors_are_not_warned(make) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", FewColorsWarning)
        tp.identify_colormap(make())


def test_decolorize_of_a_flat_picture_stays_quiet() -> None:
    # the warning is identify_colormap's; decolorize's own checks ask it about samples
    flat = np.full((32, 32, 3), (33, 145, 140), np.uint8)  # viridis' middle
    with warnings.catch_warnings():
        warnings.simplefilter("error", FewColorsWarning)
        values = tp.decolorize(flat, cmap="viridis", vmin=0, vmax=1)
    assert np.allclose(values, 0.5, atol=1 / 256)
