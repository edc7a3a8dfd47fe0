"""Lossless WebP for uint8 pictures: exact, readable by Pillow, the record in a skipped chunk."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import truepix as tp
from truepix.errors import CorruptFileError, TruepixError, UnsupportedDtypeError

RNG = np.random.default_rng(31)


@pytest.mark.parametrize("shape", [(17, 23), (17, 23, 3), (17, 23, 4)])
def test_uint8_pictures_round_trip_and_pillow_sees_them(
    tmp_path: Path, shape: tuple[int, ...]
) -> None:
    picture = RNG.integers(0, 256, shape).astype(np.uint8)
    if len(shape) == 3 and shape[2] == 4:
        picture[::3, :, 3] = 0  # colors under transparent pixels are kept too
    path = tmp_path / "p.webp"
    info = tp.save(path, picture)
    assert info.format == "webp" and info.exact
    loaded = tp.load(path)
    assert loaded.dtype == np.uint8 and loaded.shape == picture.shape
    np.testing.assert_array_equal(loaded, picture)
    assert tp.info(path) == info
    with Image.open(path) as image:
        seen = np.asarray(image)
    expected = np.repeat(picture[..., None], 3, axis=2) if len(shape) == 2 else picture
    np.testing.assert_array_equal(seen, expected)


def test_opaque_rgba_keeps_its_alpha(tmp_path: Path) -> None:
    picture = RNG.integers(0, 256, (8, 9, 4)).astype(np.uint8)
    picture[..., 3] = 255  # libwebp drops such an alpha channel
    tp.save(tmp_path / "o.webp", picture)
    loaded = tp.load(tmp_path / "o.webp")
    assert loaded.shape == (8, 9, 4)
    np.testing.assert_array_equal(loaded, picture)


def test_terrain_rgb_tiles_as_webp(tmp_path: Path) -> None:
    heights = np.array([[-10000.0, 0.0], [8848.9, 123.4]])
    info = tp.save(tmp_path / "tile.webp", heights, encoding="terrain-rgb")
    np.testing.assert_allclose(tp.load(tmp_path / "tile.webp"), heights, atol=info.max_error)


@pytest.mark.parametrize("array", [np.zeros((4, 4), np.uint16), np.zeros((4, 4), np.float32)])
def test_other_dtypes_are_refused_with_the_formats_that_take_them(
    tmp_path: Path, array: np.ndarray
) -> None:
    with pytest.raises(UnsupportedDtypeError, match=r"expected uint8 .*\.png, \.tif or \.jxl"):
        tp.save(tmp_path / "x.webp", array)
    assert not (tmp_path / "x.webp").exists()


def test_foreign_webp_loads_as_decoded(tmp_path: Path) -> None:
    picture = RNG.integers(0, 256, (10, 12, 3)).astype(np.uint8)
    Image.fromarray(picture).save(tmp_path / "pil.webp", lossless=True)
    np.testing.assert_array_equal(tp.load(tmp_path / "pil.webp"), picture)
    meta = tp.info(tmp_path / "pil.webp")
    assert meta.foreign and meta.shape == (10, 12, 3)


@pytest.mark.parametrize("cut", [5, 30, -3])
def test_damaged_webp_is_refused_in_words(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "a.webp"
    tp.save(path, RNG.integers(0, 256, (16, 16, 3)).astype(np.uint8))
    path.write_bytes(path.read_bytes()[:cut])
    with pytest.raises(TruepixError) as caught:
        tp.load(path)
    assert isinstance(caught.value, CorruptFileError)
    message = str(caught.value)
    assert message.startswith("expected ") and "Error" not in message
