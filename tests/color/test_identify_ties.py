"""identify_colormap names the map a user most likely used when a picture cannot tell.

Pictures as other tools make them -- shrunk by OpenCV, Pillow or scikit-image, drawn
by matplotlib's ``pcolormesh`` -- wear a field's extremes away or land between a
table's bytes. Before, the maps that lack what the picture lacks won: a gray field
shrunk 0.5x with INTER_AREA (6..238) was ``colorcet:CET_L2`` (gray 27..240), RdBu was
``tol:BuRd`` (RdBu without its darkest ends), a pcolormesh of viridis was
``opencv:viridis`` (viridis rounded to bytes, as Agg draws it).
"""

from __future__ import annotations

import io

import cv2
import matplotlib
import numpy as np
import pytest
from PIL import Image
from skimage.transform import rescale

import truepix as tp
from truepix.color._catalog import get

matplotlib.use("Agg")


def _terrain(n: int = 128, seed: int = 0) -> np.ndarray:
    """A rough 1/f field filling [0, 1]: its extremes are single-pixel peaks."""
    rng = np.random.default_rng(seed)
    k = np.hypot(*np.meshgrid(np.fft.fftfreq(n), np.fft.fftfreq(n)))
    k[0, 0] = 1.0
    t = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((n, n))) * k**-1.5))
    return (t - t.min()) / np.ptp(t)


def _drawn(name: str, seed: int = 0) -> np.ndarray:
    return matplotlib.colormaps[name](_terrain(seed=seed), bytes=True)[..., :3].copy()


def _area(rgb: np.ndarray, scale: float = 0.5) -> np.ndarray:
    size = (round(rgb.shape[1] * scale), round(rgb.shape[0] * scale))
    return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)


def _lanczos(rgb: np.ndarray) -> np.ndarray:
    half = (rgb.shape[1] // 2, rgb.shape[0] // 2)
    return np.asarray(Image.fromarray(rgb).resize(half, Image.LANCZOS))


def _rescaled(rgb: np.ndarray) -> np.ndarray:
    return np.clip(rescale(rgb / 255.0, 0.5, channel_axis=-1, anti_aliasing=True), 0, 1)


def _pcolormesh(name: str) -> np.ndarray:
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(2, 2), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.pcolormesh(_terrain()[::4, ::4], cmap=name)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return np.asarray(Image.open(buffer).convert("RGB"))[10:-10, 10:-10]


def _named(matches: list[tp.ColormapMatch], used: str) -> bool:
    """The top match is the map used or one with its table (or its reverse's)."""
    return used.removesuffix("_r") in (matches[0].name, *matches[0].aliases)


WORN = [
    ("gray", _area),  # 6..238: gray, not colorcet:CET_L2 or imagej:HiLo
    ("gray_r", _area),
    ("RdBu", _area),  # not tol:BuRd
    ("RdBu_r", lambda rgb: _area(rgb, 0.33)),
    ("gray", _lanczos),
    ("RdBu", _lanczos),
    ("gray", _rescaled),  # float pictures from scikit-image
    ("RdBu", _rescaled),
]


@pytest.mark.parametrize(("used", "tool"), WORN, ids=[f"{u}-{t.__name__}" for u, t in WORN])
def test_a_shrunk_picture_is_named_by_the_map_used(used: str, tool) -> None:
    matches = tp.identify_colormap(tool(_drawn(used)))
    assert _named(matches, used), matches
    # the maps lacking the ends the picture lacks are not ranked above it
    assert not matches[0].direction_known and not matches[0].reversed


def test_gray_r_is_gray_with_binary_among_its_aliases() -> None:
    # gray_r's bytes are binary's: the common name, gray, names the picture; the
    # direction a picture cannot tell
    assert np.array_equal(get("gray_r").lut_bytes, get("binary").lut_bytes)
    best = tp.identify_colormap(_area(_drawn("gray_r")))[0]
    assert best.name == "gray" and "binary" in best.aliases, best
    assert not best.direction_known


@pytest.mark.parametrize("used", ["viridis", "magma_r", "turbo"])
def test_a_pcolormesh_figure_is_named_by_the_matplotlib_map(used: str) -> None:
    # Agg rounds the table to bytes; opencv's copies of these maps are those bytes
    best = tp.identify_colormap(_pcolormesh(used))[0]
    assert best.name == used.removesuffix("_r"), best
    assert best.score >= 0.99  # cell edges blend neighbours


@pytest.mark.parametrize(
    "name", ["colorcet:CET_L2", "tol:BuRd", "Greys", "imagej:HiLo", "prism", "flag"]
)
def test_a_whole_exact_render_keeps_its_own_name(name: str) -> None:
    # a picture showing every color of a table and nothing else is that table's render
    # (no picture was shrunk): it is not taken for a wider map with the same middle, nor
    # a fast map (test_identify_fast_maps) for another
    picture = tp.colorize(_terrain(seed=3), cmap=name, vmin=0, vmax=1)
    best = tp.identify_colormap(picture)[0]
    assert best.name == name and best.score == 1.0, best
