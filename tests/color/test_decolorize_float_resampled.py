"""Float pictures that are no exact render (resampled, noisy) decode as their 8-bit rounding."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest

from truepix.color._decolorize._api import Decolorizer


def _terrain(size: int = 256) -> np.ndarray:
    """Seeded fBm terrain in [0, 1] (spectrum ~ k^-1.5), as trial16's repro."""
    rng = np.random.default_rng(0)
    k = np.fft.fftfreq(size)
    kk = np.hypot(*np.meshgrid(k, k))
    kk[0, 0] = 1.0
    noise = np.fft.fft2(rng.standard_normal((size, size)))
    field = np.real(np.fft.ifft2(noise * kk**-1.5))
    return (field - field.min()) / (field.max() - field.min())


@pytest.mark.parametrize("cmap", ["magma", "viridis"])
def test_skimage_rescaled_floats_decode_as_well_as_their_uint8_rounding(cmap: str) -> None:
    from skimage import transform
    field = _terrain()
    picture = mpl.colormaps[cmap](field, bytes=True)[..., :3]
    # what skimage returns: float64 in [0, 1], off the 8-bit grid
    floats = transform.rescale(picture / 255.0, 0.5, channel_axis=-1, anti_aliasing=True)
    truth = transform.rescale(field, 0.5, anti_aliasing=True)
    rounded = np.floor(floats * 255.0 + 0.5).astype(np.uint8)
    decoder = Decolorizer(cmap, vmin=0.0, vmax=1.0)

    def error(values: np.ndarray) -> float:  # holes count as the full range
        return float(np.where(np.isnan(values), 1.0, np.abs(values - truth)).mean())

    # main: magma 1.50x the k-d tree's error (rounded: 0.65x), viridis 1.04x (0.84x)
    assert error(decoder.values(floats)) <= 1.02 * error(decoder.values(rounded))


def test_exact_float_renders_stay_on_the_float_table() -> None:
    # cmap(x) floats are the float table's own colors: each pixel at its bin's center
    # (their 8-bit rounding merges entries: jet's blue run is one entry longer)
    field = _terrain(64)
    floats = mpl.colormaps["jet"](field)
    values = Decolorizer("jet", vmin=0.0, vmax=1.0).values(floats)
    centers = (np.minimum(np.floor(field * 256), 255) + 0.5) / 256
    on_run = (field * 256 >= 29) & (field * 256 < 32)  # entries 29-31 share one color
    # (positions are kept to 22 bits)
    assert np.all(np.abs(values - centers)[~on_run] <= 1e-6)
    assert np.all(np.abs(values - field)[on_run] <= 2.0 / 256)
