"""A map drawn with alpha and decoded without ``alpha=`` warns with the blend to pass,
also where the picture decodes within the threshold (``_screen.blend_explained``).

Diverging maps drawn translucent over white land near their own colors: coolwarm at
0.7 decoded to 0 % NaN and 8 % mean error, RdBu_r and PiYG to 2-5 % NaN, with no
warning, because the screen paired each color with its nearest *opaque* color. Opaque
pictures, degraded as pictures are, still warn of nothing, and a Display-P3
screenshot (a recoloring that no blend explains) is not advised a blend.
"""

from __future__ import annotations

import io
import re

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import fbm, pillow_jpeg, warning_messages

from truepix import Decolorizer
from truepix.color._decolorize import _screen as screen

mpl.use("Agg")


def _field(size: int = 256) -> np.ndarray:
    return fbm(size, 0)


def _savefig(cmap: str, alpha: float, face: str) -> np.ndarray:
    """``imshow(field, alpha=alpha)`` over ``face``, saved by Agg as PNG (RGB)."""
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(2.56, 2.56), dpi=100, facecolor=face)
    ax = fig.add_axes((0, 0, 1, 1), facecolor=face)
    ax.set_axis_off()
    ax.imshow(_field(), cmap=cmap, vmin=0, vmax=1, alpha=alpha, interpolation="nearest",
              aspect="auto")  # fmt: skip
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", facecolor=face)
    plt.close(fig)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _blend(cmap: str, alpha: float, face: int) -> np.ndarray:
    """``alpha * map + (1 - alpha) * face`` over the field, rounded to bytes."""
    rgb = mpl.colormaps[cmap](_field(), bytes=True)[..., :3].astype(np.float64)
    return np.clip(np.rint(alpha * rgb + (1 - alpha) * face), 0, 255).astype(np.uint8)


def _advised(message: str) -> tuple[float, list[int]]:
    alpha = float(re.search(r"pass alpha=([0-9.]+)", message).group(1))
    hex_face = re.search(r"facecolor='#(\w\w)(\w\w)(\w\w)'", message)
    return alpha, [int(c, 16) for c in hex_face.groups()] if hex_face else [255, 255, 255]


@pytest.mark.parametrize("cmap", ["coolwarm", "RdBu_r", "PiYG"])
def test_diverging_maps_drawn_translucent_over_white_are_advised_their_alpha(cmap) -> None:
    messages = warning_messages(_savefig(cmap, 0.7, "white"), cmap)
    assert len(messages) == 1, messages
    assert f"they look like {cmap!r} drawn at alpha=" in messages[0]
    alpha, face = _advised(messages[0])
    assert abs(alpha - 0.7) <= 0.02 and face == [255, 255, 255]


@pytest.mark.parametrize(
    ("cmap", "alpha", "face", "quality"),
    [
        ("coolwarm", 0.7, 128, None),
        ("RdBu_r", 0.85, 0, None),
        ("twilight", 0.7, 255, None),
        ("coolwarm", 0.7, 255, 75),
        ("viridis", 0.85, 128, 75),
        ("PiYG", 0.5, 192, 75),
    ],
)
def test_blends_over_gray_and_black_and_jpegd_are_advised(cmap, alpha, face, quality) -> None:
    picture = _blend(cmap, alpha, face)
    messages = warning_messages(picture if quality is None else pillow_jpeg(picture, quality), cmap)
    assert len(messages) == 1, messages
    assert f"they look like {cmap!r} drawn at alpha=" in messages[0]
    advised, under = _advised(messages[0])
    assert abs(advised - alpha) <= 0.06
    assert max(abs(c - face) for c in under) <= 16


def _resized(picture: np.ndarray, factor: float) -> np.ndarray:
    size = (round(picture.shape[1] * factor), round(picture.shape[0] * factor))
    return np.asarray(Image.fromarray(picture).resize(size, Image.BILINEAR))


def _noisy(picture: np.ndarray, sigma: float) -> np.ndarray:
    noise = np.random.default_rng(0).normal(0, sigma, picture.shape)
    return np.clip(np.rint(picture + noise), 0, 255).astype(np.uint8)


DEGRADED = {
    "exact": lambda p: p,
    "q95": lambda p: pillow_jpeg(p, 95),
    "q75": lambda p: pillow_jpeg(p, 75),
    "q50": lambda p: pillow_jpeg(p, 50),
    "half": lambda p: _resized(p, 0.5),
    "third": lambda p: _resized(p, 0.33),
    "double": lambda p: _resized(p, 2.0),
    "noise 2": lambda p: _noisy(p, 2.0),
}


@pytest.mark.parametrize("how", list(DEGRADED))
@pytest.mark.parametrize("cmap", ["coolwarm", "RdBu_r", "PiYG", "jet"])
def test_opaque_degraded_pictures_warn_of_nothing(cmap, how) -> None:
    picture = mpl.colormaps[cmap](_field(), bytes=True)[..., :3]
    assert warning_messages(np.ascontiguousarray(DEGRADED[how](picture)), cmap) == []


def _display_p3(picture: np.ndarray) -> np.ndarray:
    """An sRGB picture's bytes as a color-managed Display-P3 screen re-encodes them."""
    srgb = picture / 255.0
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    to_p3 = np.array([[0.8225, 0.1774, 0.0], [0.0332, 0.9669, 0.0], [0.0171, 0.0724, 0.9108]])
    p3 = np.clip(linear @ to_p3.T, 0, 1)
    coded = np.where(p3 <= 0.0031308, 12.92 * p3, 1.055 * p3 ** (1 / 2.4) - 0.055)
    return np.clip(np.rint(coded * 255), 0, 255).astype(np.uint8)


@pytest.mark.parametrize("cmap", ["viridis", "coolwarm"])
def test_a_display_p3_screenshot_is_not_advised_a_blend(cmap) -> None:
    picture = _display_p3(mpl.colormaps[cmap](_field(), bytes=True)[..., :3])
    assert not any("alpha=" in message for message in warning_messages(picture, cmap))


def test_blend_costs_and_nearest_entries_are_the_brute_force_ones() -> None:
    rng = np.random.default_rng(5)
    table = rng.integers(0, 256, (3, 64)).astype(np.float32)
    colors = rng.integers(0, 256, (3, 300)).astype(np.float32)
    colors[:, :50] = 0.6 * table[:, :50] + 0.4 * 128  # on a blend's colors
    alphas = np.array([1.0, 0.6, 0.6, 0.9])
    faces = np.array([[0.0] * 3, [128.0] * 3, [255.0] * 3, [10.0, 200.0, 30.0]])
    costs = np.empty(4)
    screen.blend_costs(colors, table, alphas, faces, 24.0, costs)
    for alpha, face, cost in zip(alphas, faces, costs, strict=True):
        blended = alpha * table.astype(np.float64) + (1 - alpha) * face[:, None]
        squared = ((colors.T[:, None, :] - blended.T[None]) ** 2).sum(-1)
        assert cost == pytest.approx(np.minimum(squared.min(1), 24.0**2).mean(), rel=1e-5)
    index = np.empty(300, np.int64)
    screen.nearest_entries(colors, table, index)
    squared = ((colors.T[:, None, :] - table.T[None]) ** 2).sum(-1)
    assert np.array_equal(index, np.argmin(squared, axis=1))


def test_the_screen_separates_a_blend_from_the_map_itself() -> None:
    decoder = Decolorizer("coolwarm", vmin=0, vmax=1)
    opaque = mpl.colormaps["coolwarm"](_field(), bytes=True)[..., :3]
    cases = ((pillow_jpeg(opaque, 75), 0.0, 0.2), (_blend("coolwarm", 0.7, 255), 0.8, 1.0))
    for picture, low, high in cases:
        shown = np.ones(picture.shape[0] * picture.shape[1], bool)
        assert low <= screen.blend_explained(decoder, picture, shown, 1.0) <= high
        assert low <= screen.blend_explained(decoder, picture, None, 1.0) <= high
