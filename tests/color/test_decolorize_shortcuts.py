"""Fast paths of the decode's helpers give exactly what the plain numpy they replace
gives: ``_shares.shown_pixels``' one-pass kernel for 8-bit pictures (``_light``) and
``_kernels.rgb_rows`` (the blend screen's kernels: ``test_decolorize_alpha_screen``);
shortcuts that skip work give what the work gave (``_strokes.stroke_pixels``)."""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

from truepix._shares import LIGHT, NEUTRAL, off_shown, shown_pixels
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._light import hide_light
from truepix.color._decolorize._strokes import STROKE_MIN_PIXELS, STROKE_RESIDUAL, stroke_pixels


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


def _jpeg_figure(seed: int) -> np.ndarray:
    """A viridis field inside a white margin, saved as JPEG q75 with Pillow and read
    back: light, nearly neutral ripples around the margin's edge, data inside."""
    rng = np.random.default_rng(seed)
    field = np.cumsum(np.cumsum(rng.normal(size=(48, 56)), 0), 1)
    field = (field - field.min()) / np.ptp(field)
    rgb = np.full((64, 80, 3), 255, dtype=np.uint8)
    rgb[8:56, 12:68] = mpl.colormaps["viridis"](field, bytes=True)[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=75)
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize("channels", [3, 4, 5])
def test_hide_light_over_a_jpeg_figures_bytes_is_numpys_test(channels: int) -> None:
    """Over the bytes (RGB and RGBA at a literal stride, others alike): the pixels set
    are numpy's light and neutral ones, and what was hidden before stays hidden."""
    rgb = _jpeg_figure(7)
    extra = np.random.default_rng(8).integers(0, 256, (*rgb.shape[:2], channels - 3))
    picture = np.ascontiguousarray(np.concatenate([rgb, extra.astype(np.uint8)], axis=-1))
    before = np.random.default_rng(9).random(picture.shape[:2]) < 0.1
    hidden = before.copy()
    hide_light(picture.reshape(-1), channels, hidden.reshape(-1), LIGHT, NEUTRAL)
    want = before | _light_neutral(picture)
    assert 0.1 < _light_neutral(picture).mean() < 0.9  # the margin and the field
    assert np.array_equal(hidden, want)


def test_stroke_pixels_with_too_few_flagged_for_a_stroke_color_changes_nothing() -> None:
    """Fewer than STROKE_MIN_PIXELS flagged pixels hold no stroke color: nothing is
    asked, however many pixels are past STROKE_RESIDUAL (an all-data JPEG'd picture)."""
    flat = _jpeg_figure(3).reshape(-1, 3)
    width = 80
    residual = np.full(len(flat), 2.0 * STROKE_RESIDUAL, dtype=np.float32)
    off_map = np.zeros(len(flat), dtype=bool)
    off_map[: STROKE_MIN_PIXELS - 1] = True  # (all of them one color: the margin's white)
    kept = off_map.copy()
    stroke_pixels(kernels.readonly(flat), 1.0, width, residual, off_map)
    assert np.array_equal(off_map, kept)
