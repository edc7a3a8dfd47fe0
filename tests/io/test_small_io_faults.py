"""The smaller faults of the new-user trial: names that lie, negative series, the order
of refusals, and .jxl/.webp everywhere a picture file is accepted (the CLI's: tests/cli)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
import tifffile
from PIL import Image

import truepix as tp
from tests._pngs import chunk
from truepix.errors import CorruptFileError

_RNG = np.random.default_rng(21)


def test_a_png_named_tif_is_refused_with_what_it_is(tmp_path: Path) -> None:
    picture = _RNG.integers(0, 256, (6, 7, 3), dtype=np.uint8)
    path = tmp_path / "photo.tif"
    Image.fromarray(picture).save(path, format="PNG")
    with pytest.raises(CorruptFileError, match="got a PNG file; rename it to end in .png"):
        tp.load(path)
    renamed = path.rename(tmp_path / "photo.png")
    assert np.array_equal(tp.load(renamed), picture)


def test_negative_series_count_from_the_end_as_in_tifffile(tmp_path: Path) -> None:
    path = tmp_path / "two.tif"
    with tifffile.TiffWriter(path) as tif:
        tif.write(np.zeros((4, 5), np.uint8))
        tif.write(np.ones((6, 7), np.uint16))
    last = tp.load(path, series=-1)
    assert last.dtype == np.uint16 and np.array_equal(last, tifffile.imread(path, series=-1))
    assert tp.info(path, series=-2).shape == (4, 5)


def test_a_damaged_palette_png_is_called_damaged_by_pixel_histogram(tmp_path: Path) -> None:
    path = tmp_path / "labels.png"
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 1, 8, 3, 0, 0, 0))
    palette = chunk(b"PLTE", bytes(6))  # two entries, index 3 used
    data = chunk(b"IDAT", zlib.compress(b"\0" + bytes([0, 1, 3, 0])))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + header + palette + data + chunk(b"IEND", b""))
    with pytest.raises(CorruptFileError, match="palette indices"):
        tp.pixel_histogram(path, bins=2, range=(0, 4))


def test_a_folder_of_jxl_and_webp_frames_is_a_stack(tmp_path: Path) -> None:
    frames = _RNG.integers(0, 256, (4, 6, 5), dtype=np.uint8)
    for index, frame in enumerate(frames):
        suffix = ".jxl" if index % 2 else ".webp"
        tp.save(tmp_path / f"frame{index}{suffix}", frame)
    counts = tp.pixel_histogram(tmp_path, bins=4, range=(0, 256))
    expected = np.apply_along_axis(lambda v: np.histogram(v, bins=4, range=(0, 256))[0], 0, frames)
    assert np.array_equal(counts, np.moveaxis(expected, 0, -1))
