"""Fast paths of the decode's helpers give exactly what the plain numpy they replace
gives: ``_shares.shown_pixels``' one-pass kernel for 8-bit pictures and
``_kernels.rgb_rows`` (the blend screen's kernels: ``test_decolorize_alpha_screen``)."""

from __future__ import annotations

import numpy as np
import pytest

from truepix._shares import LIGHT, NEUTRAL, off_shown, shown_pixels
from truepix.color._decolorize import _kernels as kernels


def _light_neutral(pixels: np.ndarray) -> np.ndarray:
    """The numpy oracle: every one of the first three channels at least LIGHT, and
    their spread at most NEUTRAL (DN)."""
    rgb = pixels[..., :3].astype(np.int64)
    return (rgb.min(axis=-1) >= LIGHT) & (rgb.max(axis=-1) - rgb.min(axis=-1) <= NEUTRAL)


def _picture(channels: int, seed: int) -> np.ndarray:
    """Random uint8 pixels, a third of them light and nearly neutral or just not."""
    rng = np.random.default_rng(seed)
    picture = rng.integers(0, 256, (37, 41, channels), dtype=np.uint8)
    light = rng.random((37, 41)) < 0.35
    base = rng.integers(LIGHT - 2, 256, (37, 41, 1))
    spread = rng.integers(-NEUTRAL - 2, NEUTRAL + 3, (37, 41, 3))
    picture[..., :3] = np.where(light[..., None], np.clip(base + spread, 0, 255), picture[..., :3])
    return picture


@pytest.mark.parametrize("channels", [3, 4])
def test_shown_pixels_hides_light_neutral_pixels_as_numpy_does(channels: int) -> None:
    picture = _picture(channels, 1)
    values = np.zeros(picture.shape[:2])
    want = _light_neutral(picture)
    if channels == 4:
        picture[5:9, 3:30, 3] = 0  # transparent: hidden too
        want |= picture[..., 3] == 0
        assert want[5:9, 3:30].all()
    assert 0.05 < _light_neutral(picture).mean() < 0.5  # both kinds present
    pixels, hidden, scale = shown_pixels(values, picture)
    assert np.array_equal(hidden, want) and hidden.dtype == bool
    assert scale == 1.0 and pixels.shape == picture.shape
    # the channel-by-channel path (a strided view) answers alike
    strided = np.ascontiguousarray(picture[:, ::-1])[:, ::-1]
    assert not strided.flags.c_contiguous
    assert np.array_equal(shown_pixels(values, strided)[1], want)


def test_shown_pixels_keeps_the_mask_of_a_masked_picture() -> None:
    picture = _picture(3, 2)
    mask = np.zeros(picture.shape, bool)
    mask[0, :, 1] = True  # one channel masked hides the pixel
    masked = np.ma.MaskedArray(picture, mask)
    hidden = shown_pixels(np.zeros(picture.shape[:2]), masked)[1]
    want = _light_neutral(picture)
    want[0] = True
    assert np.array_equal(hidden, want)


def test_off_shown_counts_hidden_nan_only_where_there_is_nan() -> None:
    values = np.zeros((4, 5))
    hidden = np.zeros((4, 5), bool)
    hidden[0] = True
    assert off_shown(values, hidden, 0) == (0, 20)
    values[0, :2] = np.nan  # hidden: not data
    values[3, 4] = np.nan  # shown, off the map
    assert off_shown(values, hidden, 3) == (1, 18)


@pytest.mark.parametrize("channels", [3, 4])
@pytest.mark.parametrize("dtype", [np.uint8, np.float32])
def test_rgb_rows_is_the_index_of_rows_and_a_slice(channels: int, dtype: type) -> None:
    rng = np.random.default_rng(4)
    flat = (rng.random((300, channels)) * 255).astype(dtype)
    rows = np.sort(rng.choice(300, 77, replace=False))
    got = kernels.rgb_rows(flat, rows)
    want = flat[rows, :3]
    assert np.array_equal(got, want) and got.dtype == want.dtype and got.shape == want.shape
    assert got.flags.c_contiguous
    assert kernels.rgb_rows(flat, rows[:0]).shape == (0, 3)
