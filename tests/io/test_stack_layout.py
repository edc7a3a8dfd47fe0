"""Stacks keep their frames and their depth as other readers see them; any view and
any float width saves.

A uint16 stack must never reach another reader as an 8-bit picture: PNG and JPEG XL
store (N, H, W) as a gray picture of N * H rows in the dtype's depth, TIFF as N pages
(what ``tifffile.imwrite`` writes). Oracles: Pillow, pypng, tifffile, imagecodecs.
"""

from __future__ import annotations

from pathlib import Path

import imagecodecs
import numpy as np
import png
import pytest
import tifffile
from PIL import Image

import truepix as tp

_RNG = np.random.default_rng(5)
_DEPTH = _RNG.integers(0, 4000, (10, 48, 64), dtype=np.uint16)


def test_a_uint16_stack_is_a_16_bit_png_of_stacked_frames(tmp_path: Path) -> None:
    path = tmp_path / "depth.png"
    info = tp.save(path, _DEPTH)
    assert info.layout == "native" and info.stored_dtype == np.uint16
    with Image.open(path) as image:
        assert image.mode == "I;16" and image.size == (64, 480)
        assert np.array_equal(np.asarray(image), _DEPTH.reshape(480, 64))
    assert png.Reader(bytes=path.read_bytes()).read()[3]["bitdepth"] == 16
    loaded = tp.load(path)
    assert loaded.dtype == _DEPTH.dtype and np.array_equal(loaded, _DEPTH)


def test_a_uint16_stack_is_a_16_bit_jxl_of_stacked_frames(tmp_path: Path) -> None:
    path = tmp_path / "depth.jxl"
    tp.save(path, _DEPTH)
    decoded = imagecodecs.jpegxl_decode(path.read_bytes())
    assert decoded.dtype == np.uint16 and np.array_equal(decoded, _DEPTH.reshape(480, 64))
    assert np.array_equal(tp.load(path), _DEPTH)


@pytest.mark.parametrize(
    "array",
    [_DEPTH, _RNG.random((2, 3, 8, 9), dtype=np.float32), _RNG.integers(0, 255, (3, 8, 9, 3), dtype=np.uint8)],
    ids=["uint16 ZYX", "float32 TZYX", "uint8 RGB stack"],
)
def test_a_tiff_stack_is_pages_as_tifffile_writes_them(tmp_path: Path, array: np.ndarray) -> None:
    path, reference = tmp_path / "stack.tif", tmp_path / "reference.tif"
    tp.save(path, array)
    rgb = array.shape[-1] == 3
    photometric = "rgb" if rgb else "minisblack"
    tifffile.imwrite(reference, array, metadata=None, photometric=photometric)
    with tifffile.TiffFile(path) as ours, tifffile.TiffFile(reference) as theirs:
        assert len(ours.pages) == len(theirs.pages)
        assert ours.pages.first.shape == theirs.pages.first.shape
    assert np.array_equal(tifffile.imread(path), array.reshape(tifffile.imread(reference).shape))
    loaded = tp.load(path)
    assert loaded.dtype == array.dtype and np.array_equal(loaded, array)


def test_pixel_histogram_counts_every_frame_of_a_saved_stack(tmp_path: Path) -> None:
    path = tmp_path / "depth.png"
    tp.save(path, _DEPTH)
    counts = tp.pixel_histogram(path, bins=8, range=(0, 4000))
    expected = np.stack(
        [np.histogram(_DEPTH[:, y, x], bins=8, range=(0, 4000))[0] for y, x in [(0, 0), (47, 63)]]
    )
    assert np.array_equal(counts[[0, 47], [0, 63]], expected)


@pytest.mark.parametrize("dtype", [np.longdouble, np.clongdouble])
def test_extended_precision_round_trips_through_tiff(tmp_path: Path, dtype: type) -> None:
    array = (_RNG.standard_normal((2, 3)) / 3).astype(dtype)
    path = tmp_path / "x.tif"
    assert tp.save(path, array).layout == "planes"
    loaded = tp.load(path)
    assert loaded.dtype == array.dtype and loaded.tobytes() == array.tobytes()


@pytest.mark.parametrize("suffix", [".png", ".tif", ".jxl", ".webp"])
def test_views_with_length_one_axes_save(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"x{suffix}"
    column = np.arange(6, dtype=np.uint8)[:, None]  # strides (1, 0)
    row = np.arange(12, dtype=np.uint8).reshape(2, 6)[:1, ::2]
    for array in (column, row):
        tp.save(path, array)
        loaded = tp.load(path)
        assert loaded.shape == array.shape and np.array_equal(loaded, array)
