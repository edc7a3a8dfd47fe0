"""Dithered palette pictures: Pillow's ``Image.convert("P")`` as users call it.

Its default is the 216-color web palette with Floyd-Steinberg error diffusion: each
pixel a palette color, their local means the map's. Pictures are camera (scikit-image,
256^2) and fBm terrain drawn with ``cmap(x, bytes=True)``; the oracle is a k-d tree over
the map's bytes (the nearest table color), on the pixels and on their 3x3 binomial means.
"""

from __future__ import annotations

import warnings

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

from truepix import Decolorizer, decolorize
from truepix.errors import OffMapWarning

from ._annotate import annotated
from ._photographs import camera_256, fbm

mpl.use("Agg")


def _render(name: str, field: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(mpl.colormaps[name](field, bytes=True)[..., :3])


def _web(picture: np.ndarray, *, dither: bool = True) -> np.ndarray:
    """``Image.convert("P")`` (with its defaults, or without dither), back to RGB."""
    image = Image.fromarray(picture)
    paletted = image.convert("P") if dither else image.convert("P", dither=Image.Dither.NONE)
    return np.asarray(paletted.convert("RGB"))


def _means(picture: np.ndarray) -> np.ndarray:
    """3x3 binomial means ([1, 2, 1] / 4 both ways, edges mirrored), rounded to bytes."""
    from scipy.ndimage import correlate1d

    means = picture.astype(np.float64)
    for axis in (0, 1):
        means = correlate1d(means, [0.25, 0.5, 0.25], axis=axis, mode="mirror")
    return np.clip(np.rint(means), 0, 255).astype(np.uint8)


def _nearest(name: str, picture: np.ndarray) -> np.ndarray:
    """The k-d tree's answer: the bin center of the nearest table color."""
    from scipy.spatial import cKDTree

    cmap = mpl.colormaps[name]
    table = cmap(np.linspace(0.0, 1.0, cmap.N), bytes=True)[:, :3].astype(np.float64)
    _, index = cKDTree(table).query(picture.reshape(-1, 3).astype(np.float64))
    return ((index + 0.5) / cmap.N).reshape(picture.shape[:2])


@pytest.fixture(scope="module")
def fields() -> dict[str, np.ndarray]:
    return {"camera": camera_256() / 255.0, "terrain": fbm(256, seed=5)}


@pytest.mark.parametrize("name", ["viridis", "magma", "gray", "coolwarm", "turbo"])
def test_web_palette_dither_decodes_from_local_means(
    fields: dict[str, np.ndarray], name: str
) -> None:
    """viridis came back 100 % NaN (no web color is one of its colors), gray as its 6
    web levels (5.6-12.7 % off); read from the local means: no holes, and about the
    error of the nearest table color to those means (1.00-1.06x on these textured
    fields, 0.4-0.6x on smooth ones), far below its error per pixel."""
    errors, nearest, per_pixel = [], [], []
    for field in fields.values():
        picture = _web(_render(name, field))
        result = Decolorizer(name, vmin=0.0, vmax=1.0).decode(picture)
        assert result.dithered
        assert np.isnan(result.values).mean() <= 0.002
        errors.append(np.nanmean(np.abs(result.values - field)))
        nearest.append(np.mean(np.abs(_nearest(name, _means(picture)) - field)))
        per_pixel.append(np.mean(np.abs(_nearest(name, picture) - field)))
    assert np.mean(errors) <= 1.1 * np.mean(nearest)
    assert np.mean(errors) <= 0.8 * np.mean(per_pixel)


@pytest.mark.parametrize("name", ["viridis", "jet", "gray"])
def test_undithered_and_exact_pictures_are_not_dithered(
    fields: dict[str, np.ndarray], name: str
) -> None:
    """The web palette without dither, an adaptive 256-color palette (dithered, fine
    enough to decode pixel by pixel) and exact renders decode as before."""
    field = fields["camera"]
    picture = _render(name, field)
    adaptive = Image.fromarray(picture).quantize(256)
    fine = Image.fromarray(picture).quantize(palette=adaptive, dither=Image.Dither.FLOYDSTEINBERG)
    decoder = Decolorizer(name, vmin=0.0, vmax=1.0)
    for other in (_web(picture, dither=False), np.asarray(fine.convert("RGB")), picture):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", OffMapWarning)  # (gray's 6 web levels)
            assert not decoder.decode(other).dithered


@pytest.mark.parametrize("name", ["viridis", "gray", "tab10"])
def test_exact_renders_of_random_data_are_not_dithered(name: str) -> None:
    """Random data alternates between far-apart colors as a dither does, but every
    pixel is a table color: decoded exactly, whatever is drawn over it."""
    rng = np.random.default_rng(7)
    data = rng.integers(0, 6, (200, 200)) / 5.0 if name == "tab10" else rng.random((200, 200))
    picture = _render(name, data)
    picture[90:100, 20:180] = (255, 0, 0)  # a red bar: no table color
    result = Decolorizer(name, vmin=0.0, vmax=1.0).decode(picture)
    assert not result.dithered
    cmap = mpl.colormaps[name]
    clear = np.ones(data.shape, bool)
    clear[90:100, 20:180] = False
    # (viridis repeats two colors: their middles are a bin from each entry's)
    assert np.nanmax(np.abs(result.values - data)[clear]) <= 1.0 / cmap.N + 1e-6
    assert np.isnan(result.values[~clear]).all()


def _annotated(picture: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``picture`` with antialiased matplotlib text and lines drawn over it pixel for
    pixel, and the pixels they cover at least half (drawn over black and over white)."""
    drawn, _, covered = annotated(picture, ["black", "white"] * 2, ["black", "white", "black"])
    return drawn, covered


@pytest.mark.parametrize(("name", "share"), [("viridis", 0.95), ("turbo", 0.9), ("coolwarm", 0.75)])
def test_annotations_on_dithered_palette_stay_flagged(
    fields: dict[str, np.ndarray], name: str, share: float
) -> None:
    """Black and white text and lines drawn, then ``convert("P")``: a stroke's local
    mean is a blend of ink and map colors, off the map (99.6, 95.3 and 81.1 % of the
    covered pixels; coolwarm's light middle and dark blue end make blends of white and
    black ink that lie near it); the data around stays data."""
    drawn, covered = _annotated(_render(name, fields["terrain"]))
    result = Decolorizer(name, vmin=0.0, vmax=1.0).decode(_web(drawn))
    assert result.dithered
    flagged = np.isnan(result.values)
    assert flagged[covered].mean() >= share
    away = ~covered
    for _ in range(3):  # (3 pixels from any stroke)
        away[1:-1, 1:-1] &= away[:-2, 1:-1] & away[2:, 1:-1] & away[1:-1, :-2] & away[1:-1, 2:]
    assert flagged[away].mean() <= 0.005


def test_wrong_map_on_dithered_picture_names_the_dither(fields: dict[str, np.ndarray]) -> None:
    """Mostly NaN, the warning says the picture is a dithered palette's, not only "is
    cmap right?"."""
    picture = _web(_render("viridis", fields["terrain"]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = decolorize(picture, cmap="jet", vmin=0.0, vmax=1.0)
    assert np.isnan(values).mean() > 0.5
    messages = [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]
    assert messages and "dithered palette" in messages[0]
