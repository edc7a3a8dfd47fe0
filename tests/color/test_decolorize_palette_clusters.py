"""Palette pictures whose colors are means of clusters off a curved map: Pillow's
``quantize(64)`` (median cut) of smooth fields. A box spanning coolwarm's or turbo's
end bend has its mean 23-44 DN off the map, yet every pixel painted with it is data."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image
from tests.color._photographs import bumps

from truepix import Decolorizer


def _smooth(n: int = 192) -> dict[str, np.ndarray]:
    """A field of six seeded Gaussian bumps, and a diagonal ramp, both over [0, 1]."""
    y, x = np.mgrid[0:n, 0:n] / n
    field = bumps(n, 0)
    return {"bumps": field, "ramp": (x + y) / 2}


def _nearest(name: str, picture: np.ndarray) -> np.ndarray:
    """The k-d tree's answer: the bin center of the nearest table color."""
    from scipy.spatial import cKDTree

    cmap = mpl.colormaps[name]
    table = cmap(np.linspace(0.0, 1.0, cmap.N), bytes=True)[:, :3].astype(np.float64)
    _, index = cKDTree(table).query(picture.reshape(-1, 3).astype(np.float64))
    return ((index + 0.5) / cmap.N).reshape(picture.shape[:2])


@pytest.mark.parametrize("name", ["coolwarm", "turbo", "viridis"])
@pytest.mark.parametrize("kind", ["bumps", "ramp"])
def test_quantize64_cluster_means_off_the_map_are_data(name: str, kind: str) -> None:
    field = _smooth()[kind]
    exact = np.ascontiguousarray(mpl.colormaps[name](field, bytes=True)[..., :3])
    picture = np.asarray(Image.fromarray(exact).quantize(64).convert("RGB"))
    values = Decolorizer(name, vmin=0.0, vmax=1.0).values(picture)
    assert np.isnan(values).mean() <= 0.002
    error = np.abs(np.nan_to_num(values, nan=1.0) - field).mean()
    assert error <= 1.15 * np.abs(_nearest(name, picture) - field).mean()


def test_black_text_on_a_quantized_picture_stays_flagged() -> None:
    """Black text on coolwarm, then ``quantize(64)``: its cores and the palette's dark
    blends of text and map stay NaN (no stretch of the map near them). (0.8 % of the
    untouched pixels are NaN, as before the clusters were answered: the text's colors
    took palette entries from the field's.)"""
    from ._annotate import annotated

    field = _smooth()["bumps"]
    exact = np.ascontiguousarray(mpl.colormaps["coolwarm"](field, bytes=True)[..., :3])
    drawn, touched, covered = annotated(exact, ["black", "black"], ["black"])
    picture = np.asarray(Image.fromarray(drawn).quantize(64).convert("RGB"))
    flagged = np.isnan(Decolorizer("coolwarm", vmin=0.0, vmax=1.0).values(picture))
    assert flagged[covered].mean() >= 0.9
    assert flagged[~touched].mean() <= 0.01


def test_web_dither_of_jet_not_taken_for_dithered_has_no_holes() -> None:
    """Pillow's ``convert("P")`` (web palette, Floyd-Steinberg) of jet on a terrain its
    checkerboard test leaves to the pixels' own decode: the web colors error diffusion
    mixed around jet's bend, 42 DN off it and 51 DN from the palette's next color,
    are data (1.6 % holes before), answered within the k-d tree's error."""
    from ._photographs import fbm

    field = fbm(256, seed=7)
    exact = np.ascontiguousarray(mpl.colormaps["jet"](field, bytes=True)[..., :3])
    picture = np.asarray(Image.fromarray(exact).convert("P").convert("RGB"))
    result = Decolorizer("jet", vmin=0.0, vmax=1.0).decode(picture)
    assert not result.dithered  # (the case: decoded pixel by pixel)
    assert np.isnan(result.values).mean() <= 0.002
    error = np.abs(np.nan_to_num(result.values, nan=1.0) - field).mean()
    assert error <= 1.05 * np.abs(_nearest("jet", picture) - field).mean()
