"""Files truepix did not write load as their stored samples, never rescaled."""

from __future__ import annotations

import io
from pathlib import Path

import imagecodecs
import matplotlib
import numpy as np
import pytest
import tifffile
from PIL import Image

import truepix as tp
from tests._needs import need_module

matplotlib.use("Agg")

RNG = np.random.default_rng(42)


def _ramp(dtype: str, shape: tuple[int, ...]) -> np.ndarray:
    top = np.iinfo(dtype).max
    return RNG.integers(0, top, size=shape, endpoint=True).astype(dtype)


@pytest.mark.parametrize("dtype", ["uint8", "uint16"])
@pytest.mark.parametrize("channels", [None, 2, 3, 4])
def test_imagecodecs_png(tmp_path: Path, dtype: str, channels: int | None) -> None:
    shape = (6, 7) if channels is None else (6, 7, channels)
    array = _ramp(dtype, shape)
    path = tmp_path / "ic.png"
    path.write_bytes(imagecodecs.png_encode(array))
    loaded = tp.load(path)
    assert loaded.dtype == array.dtype and loaded.shape == array.shape
    np.testing.assert_array_equal(loaded, array)
    meta = tp.info(path)
    assert meta.foreign and meta.encoding is None and meta.exact
    assert meta.dtype == array.dtype and meta.shape == array.shape


@pytest.mark.parametrize(
    ("mode", "dtype", "shape"),
    [("L", "uint8", (5, 9)), ("LA", "uint8", (5, 9, 2)), ("RGB", "uint8", (5, 9, 3)),
     ("RGBA", "uint8", (5, 9, 4)), ("I;16", "uint16", (5, 9))],
)  # fmt: skip
def test_pillow_png(tmp_path: Path, mode: str, dtype: str, shape: tuple[int, ...]) -> None:
    array = _ramp(dtype, shape)
    path = tmp_path / "pil.png"
    image = Image.fromarray(array)
    assert image.mode == mode
    image.save(path)
    np.testing.assert_array_equal(tp.load(path), array)
    assert tp.load(path).dtype == array.dtype


@pytest.mark.parametrize("bits", [1, 2, 4])
def test_low_bit_depth_gray_keeps_stored_values(tmp_path: Path, bits: int) -> None:
    """libpng scales 1/2/4-bit gray to 0..255; the stored samples are 0..2**bits-1."""
    values = RNG.integers(0, 2**bits, size=(4, 16)).astype(np.uint8)
    path = tmp_path / "low.png"
    if bits == 1:
        Image.fromarray(values.astype(bool)).save(path)
    else:
        Image.fromarray(values * np.uint8(255 // (2**bits - 1))).save(path, bits=bits)
        assert _ihdr_depth(path) == bits
    np.testing.assert_array_equal(tp.load(path), values)


def _ihdr_depth(path: Path) -> int:
    return path.read_bytes()[24]


def test_gray_with_trns_keeps_one_channel(tmp_path: Path) -> None:
    array = _ramp("uint8", (4, 5))
    path = tmp_path / "t.png"
    Image.fromarray(array).save(path, transparency=int(array[0, 0]))
    np.testing.assert_array_equal(tp.load(path), array)


def test_palette_png_loads_as_colors(tmp_path: Path) -> None:
    indices = RNG.integers(0, 3, size=(4, 5)).astype(np.uint8)
    palette = np.array([[255, 0, 0], [0, 255, 0], [0, 0, 255]], dtype=np.uint8)
    image = Image.fromarray(indices, mode="P")
    image.putpalette(palette.ravel().tolist())
    path = tmp_path / "p.png"
    image.save(path)
    np.testing.assert_array_equal(tp.load(path), palette[indices])


def test_opencv_png(tmp_path: Path) -> None:
    cv2 = need_module("cv2")
    array = _ramp("uint16", (8, 9, 3))
    path = tmp_path / "cv.png"
    assert cv2.imwrite(str(path), array)
    # OpenCV arrays are BGR; the file (and so the stored samples) is RGB
    np.testing.assert_array_equal(tp.load(path), array[..., ::-1])


def test_plt_imsave_png(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    data = np.linspace(-1, 1, 30).reshape(5, 6)
    path = tmp_path / "plt.png"
    plt.imsave(path, data, cmap="rainbow")
    expected = matplotlib.colormaps["rainbow"](matplotlib.colors.Normalize(-1, 1)(data), bytes=True)
    loaded = tp.load(path)
    assert loaded.dtype == np.uint8 and loaded.shape == (5, 6, 4)
    np.testing.assert_array_equal(loaded, expected)
    assert tp.info(path).foreign


@pytest.mark.parametrize(
    "dtype", ["uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "float64"]
)
def test_tifffile_tiff(tmp_path: Path, dtype: str) -> None:
    array = np.random.default_rng(1).integers(0, 100, size=(5, 6, 3)).astype(dtype)
    path = tmp_path / "t.tif"
    tifffile.imwrite(path, array, photometric="minisblack", planarconfig="contig")
    loaded = tp.load(path)
    assert loaded.dtype == array.dtype
    np.testing.assert_array_equal(loaded, array)
    assert tp.info(path).foreign


def test_multipage_tiff_loads_the_stack(tmp_path: Path) -> None:
    stack = np.random.default_rng(2).random((4, 6, 7)).astype(np.float32)
    path = tmp_path / "stack.tif"
    tifffile.imwrite(path, stack, photometric="minisblack")
    np.testing.assert_array_equal(tp.load(path), stack)
    assert tp.info(path).shape == (4, 6, 7)


def test_pillow_tiff(tmp_path: Path) -> None:
    array = np.random.default_rng(3).random((5, 6)).astype(np.float32)
    path = tmp_path / "pil.tif"
    Image.fromarray(array).save(path)
    np.testing.assert_array_equal(tp.load(path), array)


def test_pillow_reads_truepix_png_text_chunk(tmp_path: Path) -> None:
    """The record is a standard iTXt chunk other readers can see."""
    path = tmp_path / "x.png"
    tp.save(path, np.zeros((3, 3), np.uint8))
    with Image.open(path) as image:
        assert '"encoding":"exact"' in image.info["truepix"]


def test_png_bytes_in_memory_are_not_accepted_silently(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.fromarray(_ramp("uint8", (3, 3))).save(buffer, format="PNG")
    path = tmp_path / "copy.png"
    path.write_bytes(buffer.getvalue())
    assert tp.load(path).shape == (3, 3)
