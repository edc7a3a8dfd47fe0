"""Pictures of a few levels of a continuous map (trial41 item 8): ``plt.imsave`` with
``plt.get_cmap(name, N)`` holds the map's colors at ``k / (N - 1)``; decoded with the
plain name each comes back at that place, up to a whole level from the level's middle.
Integer data 0..N-1 drawn with the whole map paints the same colors (and there the
plain name is right), so the decode stays and the warning gives the exact fix."""

from __future__ import annotations

import io
import warnings

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from truepix.errors import OffMapWarning


@pytest.fixture(scope="module")
def camera() -> np.ndarray:
    """trial41's camera field: scikit-image's camera at 256^2 (antialiased), 0-100."""
    from skimage import data
    from skimage.transform import resize

    return resize(data.camera().astype(float) / 255, (256, 256), anti_aliasing=True) * 100.0


def _imsave(data: np.ndarray, cmap, vmin: float, vmax: float) -> np.ndarray:
    buffer = io.BytesIO()
    plt.imsave(buffer, data, cmap=cmap, vmin=vmin, vmax=vmax, format="png")
    return np.asarray(Image.open(buffer).convert("RGB"))


def _decoded(picture: np.ndarray, cmap, **limits) -> tuple[np.ndarray, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = tp.decolorize(picture, cmap=cmap, **limits)
    return values, [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]


@pytest.mark.parametrize("levels", [5, 8, 12])
@pytest.mark.parametrize("name", ["viridis", "jet", "RdBu_r"])
def test_a_resampled_map_is_named_with_its_levels(camera, name, levels) -> None:
    picture = _imsave(camera, plt.get_cmap(name, levels), 0.0, 100.0)
    plain, messages = _decoded(picture, name, vmin=0.0, vmax=100.0)
    assert len(messages) == 1, messages
    assert f"cmap=plt.get_cmap({name!r}, {levels}) (each level's middle)" in messages[0]
    assert f"only {levels} colors of {name!r}, those of a field drawn in" in messages[0]
    # the advice followed: every pixel at its level's middle, quietly
    followed, again = _decoded(picture, plt.get_cmap(name, levels), vmin=0.0, vmax=100.0)
    assert again == []
    width = 100.0 / levels
    middles = (np.clip(np.floor(camera / width), 0, levels - 1) + 0.5) * width
    assert np.max(np.abs(followed - middles)) < 1e-3
    assert np.mean(np.abs(followed - camera)) < np.mean(np.abs(plain - camera))


@pytest.mark.parametrize("drawn", ["bands", "cells"])
def test_integer_data_drawn_with_the_whole_map_decode_as_asked(drawn) -> None:
    """The same colors from integers 0..7 and the whole map: the plain name's values
    are right, and quiet -- bands of rows, or counts in 8-pixel cells (a heatmap), are
    no field drawn in levels (their changes lie on a few rows and columns)."""
    if drawn == "bands":
        data = np.arange(64 * 64).reshape(64, 64) // 512  # 0..7
    else:
        data = np.random.default_rng(8).integers(0, 8, (16, 16)).repeat(8, 0).repeat(8, 1)
    picture = _imsave(data.astype(float), "viridis", 0.0, 7.0)
    values, messages = _decoded(picture, "viridis", vmin=0.0, vmax=7.0)
    assert np.max(np.abs(values - data)) <= 7.0 / 256
    assert messages == []


def test_a_boundary_norm_decodes_quietly_with_its_norm(camera) -> None:
    levels = [0, 5, 10, 20, 40, 60, 80, 90, 100]  # trial41's uneven levels
    norm = mcolors.BoundaryNorm(levels, ncolors=256)
    picture = plt.get_cmap("viridis")(norm(camera), bytes=True)[..., :3]
    values, messages = _decoded(picture, "viridis", norm=norm)
    assert messages == []
    level = np.clip(np.searchsorted(levels, camera, side="right") - 1, 0, len(levels) - 2)
    assert np.all((values >= np.take(levels, level)) & (values <= np.take(levels, level + 1)))
    # given only the limits, the warning names the norm too
    _, messages = _decoded(picture, "viridis", vmin=0.0, vmax=100.0)
    assert len(messages) == 1
    assert "pass norm=BoundaryNorm(edges, ncolors=256) with the edges it was drawn with, or" \
        in messages[0]  # (first: get_cmap(name, 8) leaves uneven levels off, trial42 9a)


def test_pictures_of_part_of_the_levels(camera) -> None:
    """A field that reaches 6 of the 8 levels: still the 8-level map."""
    picture = _imsave(np.clip(camera, 20.0, 100.0), plt.get_cmap("viridis", 8), 0.0, 100.0)
    _, messages = _decoded(picture, "viridis", vmin=0.0, vmax=100.0)
    assert len(messages) == 1 and "cmap=plt.get_cmap('viridis', 8) (each" in messages[0]


def _jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(buffer))


@pytest.mark.parametrize("quality", [90, 75])
@pytest.mark.parametrize(("name", "levels"), [("viridis", 5), ("jet", 5), ("RdBu_r", 8)])
def test_jpegd_levels_are_named(camera, name, levels, quality) -> None:
    """trial42 item 9c: a JPEG'd picture of a few levels, decoded with the plain name,
    gets the levels' advice too (beside what is said of its NaN)."""
    picture = _jpeg(_imsave(camera, plt.get_cmap(name, levels), 0.0, 100.0), quality)
    _, messages = _decoded(picture, name, vmin=0.0, vmax=100.0)
    assert any(f"cmap=plt.get_cmap({name!r}, {levels}) (each" in m for m in messages), messages


@pytest.mark.parametrize("name", ["viridis", "jet", "gray"])
def test_jpegd_continuous_pictures_get_no_levels_advice(camera, name) -> None:
    picture = _jpeg(_imsave(camera, name, 0.0, 100.0), 75)
    _, messages = _decoded(picture, name, vmin=0.0, vmax=100.0)
    assert not any("levels" in m for m in messages), messages


def _nearest_of(picture: np.ndarray, colors: np.ndarray, middles: np.ndarray) -> np.ndarray:
    """The k-d tree baseline: each pixel the middle of the level of its nearest color (RGB)."""
    rgb = picture.reshape(-1, 1, 3).astype(float)
    far = ((rgb - colors[None].astype(float)) ** 2).sum(-1)
    return middles[np.argmin(far, axis=1)].reshape(picture.shape[:-1])


@pytest.mark.parametrize(
    ("name", "levels", "quality"),
    [("RdBu_r", 5, 90), ("jet", 6, 90), ("magma", 10, 90), ("viridis", 5, 75), ("turbo", 8, 75)],
)
def test_jpegd_levels_decode_to_the_levels_with_the_object(camera, name, levels, quality) -> None:
    """trial43 item 4: decoded with the N-color object (the advice), a JPEG'd picture of
    N levels came back between them (RdBu_r / 5, q90: mean error 0.509 where the nearest
    of the 5 colors makes 0.083): every value is now a level's middle, no worse than that
    baseline."""
    cmap = plt.get_cmap(name, levels)
    picture = _jpeg(cmap(camera / 100.0, bytes=True)[..., :3], quality)
    values, messages = _decoded(picture, cmap, vmin=0.0, vmax=100.0)
    middles = (np.arange(levels) + 0.5) / levels * 100.0
    truth = middles[np.clip(np.floor(camera / 100.0 * levels), 0, levels - 1).astype(int)]
    baseline = _nearest_of(picture, cmap(np.arange(levels), bytes=True)[:, :3], middles)
    assert not messages and not np.isnan(values).any()
    assert np.all(np.isclose(values[..., None], middles).any(-1))
    assert np.mean(np.abs(values - truth)) <= 1.05 * np.mean(np.abs(baseline - truth))


@pytest.mark.parametrize("quality", [90, 75])
def test_jpegd_boundary_norm_decodes_to_its_intervals(camera, quality) -> None:
    """trial43 item 4: a BoundaryNorm picture of jet, JPEG'd, with its norm: each value
    is an interval's middle."""
    edges = [0, 10, 20, 35, 50, 70, 100]
    norm = mcolors.BoundaryNorm(edges, ncolors=256)
    picture = _jpeg(plt.get_cmap("jet")(norm(camera), bytes=True)[..., :3], quality)
    values, messages = _decoded(picture, "jet", norm=norm)
    middles = (np.array(edges[:-1]) + np.array(edges[1:])) / 2.0
    assert not messages
    assert np.all(np.isclose(values[..., None], middles).any(-1))


@pytest.mark.parametrize("quality", [90, 75])
def test_jpegd_magma_in_ten_levels_is_named(camera, quality) -> None:
    """trial43 item 4: magma in 10 levels, JPEG'd and decoded with the plain name, got no
    levels' advice (its top level holds 0.2 % of the camera's pixels)."""
    picture = _jpeg(plt.get_cmap("magma", 10)(camera / 100.0, bytes=True)[..., :3], quality)
    _, messages = _decoded(picture, "magma", vmin=0.0, vmax=100.0)
    assert any("cmap=plt.get_cmap('magma', 10) (each" in m for m in messages), messages


def _fbm(seed: int) -> np.ndarray:
    """trial 52's DEM-like field: fBm (power ~ k^-3.2), 256^2 to 0..1 (0.5 / 99.5 %), its
    first 160 rows."""
    rng = np.random.default_rng(seed)
    ky, kx = np.meshgrid(np.fft.fftfreq(256), np.fft.fftfreq(256), indexing="ij")
    k = np.hypot(kx, ky)
    k[0, 0] = 1.0
    spectrum = (rng.normal(size=k.shape) + 1j * rng.normal(size=k.shape)) * k**-1.6
    spectrum[0, 0] = 0.0
    field = np.fft.ifft2(spectrum).real
    low, high = np.percentile(field, [0.5, 99.5])
    return np.clip((field[:160] - low) / (high - low), 0.0, 1.0)


def _figure(field: np.ndarray, cmap, bar: str | None, quality: int) -> np.ndarray:
    """An imshow figure of ``field`` in metres (0..2500), with a colorbar or none,
    saved as PNG and JPEG'd (Pillow, 4:2:0)."""
    figure, axes = plt.subplots()
    drawn = axes.imshow(field * 2500.0, origin="lower", aspect="auto", cmap=cmap, vmin=0,
                        vmax=2500)  # fmt: skip
    if bar is not None:
        figure.colorbar(drawn, ax=axes, orientation=bar)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return _jpeg(np.asarray(Image.open(buffer).convert("RGB")), quality)


@pytest.mark.parametrize(
    ("name", "bar", "quality", "seed"),
    [("terrain", "horizontal", 75, 5), ("terrain", "vertical", 90, 5),
     ("gist_ncar", "vertical", 75, 5), ("ocean", "vertical", 75, 5), ("ocean", None, 75, 6)],
)  # fmt: skip
def test_jpegd_continuous_figures_of_maps_ending_in_white_get_no_levels_advice(
    name, bar, quality, seed
) -> None:
    """trial 52 failure 1: a continuous field's figure in a map whose top is white,
    JPEG'd, was named "drawn in 12-16 levels" (its white margin, decoded at vmax, is a
    place of every level count), and the advice cost 1.5-7.5 % NaN, 3-26x."""
    picture = _figure(_fbm(seed), name, bar, quality)
    _, messages = _decoded(picture, name, vmin=0.0, vmax=2500.0)
    assert not any("levels" in m for m in messages), messages


@pytest.mark.parametrize("quality", [90, 75])
def test_jpegd_figure_of_terrain_in_twelve_levels_is_named(quality) -> None:
    """The same figure drawn with ``get_cmap('terrain', 12)``: its levels, off the map's
    white end, still name it."""
    picture = _figure(_fbm(5), plt.get_cmap("terrain", 12), "vertical", quality)
    _, messages = _decoded(picture, "terrain", vmin=0.0, vmax=2500.0)
    assert any("cmap=plt.get_cmap('terrain', 12) (each" in m for m in messages), messages
