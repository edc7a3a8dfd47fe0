"""decolorize() in a loop reuses its decoder (_decolorize._reuse), with the same answers."""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import ListedColormap, TwoSlopeNorm

from tests.color._photographs import pillow_jpeg
import truepix as tp
from truepix.color._decolorize import _reuse as reuse
from truepix.errors import InputError, OffMapWarning


def _field(seed: int, n: int = 96) -> np.ndarray:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:n, 0:n] / n
    phase = rng.uniform(0, 6, size=2)
    return 0.5 + 0.4 * np.sin(5 * x + phase[0]) * np.cos(4 * y + phase[1])


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    reuse.clear()
    yield
    reuse.clear()


def test_a_second_call_reuses_the_decoder_and_gives_what_a_new_one_gives() -> None:
    # pictures drawn by matplotlib, JPEG'd by Pillow: each decoded through the cache
    # (which has seen the pictures before it) and by a new Decolorizer
    pictures = [
        pillow_jpeg(matplotlib.colormaps["viridis"](_field(seed), bytes=True)) for seed in range(3)
    ]
    pictures.append(matplotlib.colormaps["viridis"](_field(3), bytes=True))  # exact
    for n, picture in enumerate(pictures):
        values = tp.decolorize(picture, cmap="viridis", vmin=1500, vmax=4500)
        fresh = tp.Decolorizer("viridis", vmin=1500, vmax=4500).values(picture)
        assert np.array_equal(values, fresh, equal_nan=True) and values.dtype == fresh.dtype
        assert reuse.cache_info() == reuse.CacheInfo(n, 1, reuse.MAX_DECODERS, 1)


def test_what_defines_a_decoder_keys_it() -> None:
    picture = matplotlib.colormaps["magma"](_field(4), bytes=True)
    tp.decolorize(picture, cmap="magma", vmin=0, vmax=1)
    for options in ({"vmax": 2}, {"step": 0.5}, {"threshold": 9.0}, {"denoise": False}):
        tp.decolorize(picture, cmap="magma", **{"vmin": 0, "vmax": 1, **options})
    with pytest.warns(OffMapWarning, match="the colors fit 'magma' far better"):  # and says so
        tp.decolorize(picture, cmap="inferno", vmin=0, vmax=1)
    tp.decolorize(picture, cmap="magma", vmin=1, vmax=10, norm="log")
    assert reuse.cache_info()[:2] == (0, 7)
    tp.decolorize(picture, cmap="magma", vmin=0, vmax=1)
    assert reuse.cache_info()[:2] == (1, 7)


def test_two_colormaps_of_one_name_and_other_colors_get_their_own_decoders() -> None:
    ramp = np.linspace(0, 1, 256)[:, None]
    red = ListedColormap(np.hstack([ramp, 0 * ramp, 0 * ramp]), name="mine")
    green = ListedColormap(np.hstack([0 * ramp, ramp, 0 * ramp]), name="mine")
    data = _field(5)
    for cmap in (red, green, red):
        values = tp.decolorize(cmap(data, bytes=True), cmap=cmap, vmin=0, vmax=1)
        assert np.nanmax(np.abs(values - data)) <= 1 / 256
    assert reuse.cache_info()[:2] == (1, 2)


def test_the_cache_stays_bounded() -> None:
    picture = matplotlib.colormaps["viridis"](_field(6), bytes=True)
    for vmax in range(2, 2 + 3 * reuse.MAX_DECODERS):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=vmax)
    assert reuse.cache_info() == reuse.CacheInfo(0, 3 * reuse.MAX_DECODERS, reuse.MAX_DECODERS,
                                                 reuse.MAX_DECODERS)  # fmt: skip


def test_norm_objects_and_colorbars_are_not_cached_and_bad_options_still_raise() -> None:
    norm = TwoSlopeNorm(0, -100, 10)
    data = np.linspace(-100, 10, 96 * 4).reshape(4, 96)
    picture = matplotlib.colormaps["RdBu"](norm(data), bytes=True)
    for _ in range(2):
        values = tp.decolorize(picture, cmap="RdBu", norm=norm)
        assert np.nanmax(np.abs(values - data)) <= 110 / 256
    bar = tp.Colorbar((0, 0, 10, 256), "vertical", tp.color.catalog["viridis"].lut_bytes[:, :3],
                      vmin=0.0, vmax=1.0)  # fmt: skip
    tp.decolorize(matplotlib.colormaps["viridis"](_field(7), bytes=True), cmap=bar)
    assert reuse.cache_info()[:2] == (0, 0)
    for _ in range(2):
        with pytest.raises(InputError):
            tp.decolorize(picture, cmap="RdBu", vmin=5, vmax=1)
    assert reuse.cache_info().size == 0
