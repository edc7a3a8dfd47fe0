"""Damaged files that used to load as a smaller or different array: each kind is refused.

Inputs are made the way other tools make them (tifffile's ImageJ/OME/shaped writers,
Pillow) and then damaged the way files get damaged (an interrupted copy, one flipped
byte). The undamaged file is checked against ``tifffile.imread`` first, so each test
fails for the damage and not for the input.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
import tifffile
from PIL import Image

import truepix as tp
from truepix.errors import CorruptFileError, MetadataError

_RNG = np.random.default_rng(9)
_STACK = _RNG.integers(0, 65535, (5, 30, 40), dtype=np.uint16)

# name -> writer of a stack file that promises more than one frame
_STACKS = {
    "imagej pages": lambda p: tifffile.imwrite(p, _STACK, imagej=True),
    "imagej one directory": lambda p: tifffile.imwrite(
        p, _STACK, imagej=True, contiguous=True, metadata={"axes": "ZYX"}
    ),
    "imagej TZC": lambda p: tifffile.imwrite(
        p, _RNG.random((2, 3, 2, 20, 24), dtype=np.float32), imagej=True,
        metadata={"axes": "TZCYX"},
    ),
    "imagej rgb": lambda p: tifffile.imwrite(
        p, _RNG.integers(0, 255, (4, 20, 24, 3), dtype=np.uint8), imagej=True,
        photometric="rgb",
    ),
    "ome TZ": lambda p: tifffile.imwrite(p, _STACK[:4].reshape(2, 2, 30, 40), ome=True),
    "tifffile shaped": lambda p: tifffile.imwrite(p, _STACK),
    "plain pages": lambda p: tifffile.imwrite(p, _STACK, metadata=None),
}  # fmt: skip


def _cut(path: Path, keep: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


@pytest.mark.parametrize("writer", sorted(_STACKS))
@pytest.mark.parametrize("keep", [0.3, 0.5, 0.8])
def test_a_truncated_stack_is_refused_not_shortened(tmp_path: Path, writer: str, keep: float) -> None:
    path = tmp_path / "stack.tif"
    _STACKS[writer](path)
    assert np.array_equal(tp.load(path), tifffile.imread(path))
    _cut(path, keep)
    with pytest.raises(CorruptFileError, match="^expected "):
        tp.load(path)
    with pytest.raises(CorruptFileError):
        tp.info(path)


def test_a_truncated_stack_is_refused_by_pixel_histogram(tmp_path: Path) -> None:
    path = tmp_path / "stack.tif"
    _STACKS["imagej pages"](path)
    assert tp.pixel_histogram(path, bins=4, range=(0, 65536)).sum(-1).max() == 5
    _cut(path, 0.5)
    with pytest.raises(CorruptFileError):
        tp.pixel_histogram(path, bins=4, range=(0, 65536))


@pytest.mark.parametrize(("old", "new"), [(b"slices=3", b"slices=4"), (b"frames=2", b"frames=3")])
def test_an_imagej_count_changed_by_one_byte_is_refused(tmp_path: Path, old: bytes, new: bytes) -> None:
    path = tmp_path / "hyper.tif"
    hyper = _RNG.integers(0, 255, (2, 3, 20, 24), dtype=np.uint8)
    tifffile.imwrite(path, hyper, imagej=True, contiguous=True, metadata={"axes": "TZYX"})
    assert np.array_equal(tp.load(path), tifffile.imread(path))
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))
    with pytest.raises(CorruptFileError):
        tp.load(path)


def test_a_shaped_description_changed_by_one_byte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "shaped.tif"
    hyper = _RNG.integers(0, 255, (2, 5, 20, 24), dtype=np.uint8)
    tifffile.imwrite(path, hyper, photometric="minisblack")
    assert np.array_equal(tp.load(path), hyper)
    data = path.read_bytes()
    assert data.count(b"[2, 5, 20, 24]") == 1
    path.write_bytes(data.replace(b"[2, 5, 20, 24]", b"[2, 9, 20, 24]"))
    with pytest.raises(CorruptFileError):
        tp.load(path)


def test_a_tag_value_cut_off_is_not_taken_for_absent(tmp_path: Path) -> None:
    """Pillow writes BitsPerSample last: losing it must not give 1-bit (bool) samples."""
    path = tmp_path / "rgb.tif"
    rgb = _RNG.integers(0, 256, (37, 53, 3), dtype=np.uint8)
    Image.fromarray(rgb).save(path, compression="tiff_lzw")
    assert np.array_equal(tp.load(path), rgb)
    path.write_bytes(path.read_bytes()[:-4])
    with pytest.raises(CorruptFileError, match="BitsPerSample"):
        tp.load(path)


def test_a_tag_value_offset_past_the_end_is_refused(tmp_path: Path) -> None:
    """A SampleFormat pointing past the file must not turn float32 into uint32."""
    path = tmp_path / "float.tif"
    rgb = _RNG.random((20, 30, 3), dtype=np.float32)
    tifffile.imwrite(path, rgb, photometric="rgb")
    assert np.array_equal(tp.load(path), rgb)
    with tifffile.TiffFile(path) as tif:
        offset = tif.pages.first.offset
    data = bytearray(path.read_bytes())
    (count,) = struct.unpack_from("<H", data, offset)
    entries = [offset + 2 + 12 * i for i in range(count)]
    entry = next(e for e in entries if struct.unpack_from("<H", data, e)[0] == 339)
    data[entry + 11] = 0x7F
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptFileError, match="SampleFormat"):
        tp.load(path)


def _tag_entry(path: Path, code: int) -> int:
    with tifffile.TiffFile(path) as tif:
        offset = tif.pages.first.offset
    data = path.read_bytes()
    (count,) = struct.unpack_from("<H", data, offset)
    return next(
        offset + 2 + 12 * i
        for i in range(count)
        if struct.unpack_from("<H", data, offset + 2 + 12 * i)[0] == code
    )


def _flip(path: Path, position: int, value: int) -> None:
    data = bytearray(path.read_bytes())
    data[position] ^= value
    path.write_bytes(bytes(data))


# (suffix, array, how to damage the marker of the saved file)
_MARKERS = {
    "tif record text": (".tif", np.eye(5, 7, dtype=bool), lambda p: _replace(p, b'"truepix":1', b'"truepiY":1')),
    "tif tag number": (".tif", np.arange(35, dtype=">i8").reshape(5, 7), lambda p: _flip(p, _tag_entry(p, 269), 0x04)),
    "tif value offset": (".tif", np.arange(35, dtype=">i8").reshape(5, 7), lambda p: _flip(p, _tag_entry(p, 269) + 8, 0x02)),
    "jxl uuid": (".jxl", np.linspace(-1, 1, 35).reshape(5, 7), lambda p: _replace(p, b"uuid\x6b\x1e", b"uuid\x6b\x1f")),
    "jxl box type": (".jxl", np.linspace(-1, 1, 35).reshape(5, 7), lambda p: _replace(p, b"uuid\x6b\x1e", b"uuie\x6b\x1e")),
    "webp chunk": (".webp", np.arange(36, dtype=np.uint8).reshape(3, 4, 3), lambda p: _replace(p, b"TPIX", b"TPIY")),
}  # fmt: skip


def _replace(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))


@pytest.mark.parametrize("case", sorted(_MARKERS))
def test_a_damaged_record_marker_is_refused_not_read_as_foreign(tmp_path: Path, case: str) -> None:
    suffix, array, damage = _MARKERS[case]
    path = tmp_path / f"own{suffix}"
    tp.save(path, array)
    damage(path)
    with pytest.raises(MetadataError, match="^expected "):
        tp.load(path)
    with pytest.raises(MetadataError):
        tp.info(path)


def test_a_foreign_document_name_stays_foreign(tmp_path: Path) -> None:
    path = tmp_path / "scan.tif"
    picture = _RNG.integers(0, 255, (6, 7), dtype=np.uint8)
    tifffile.imwrite(path, picture, extratags=[(269, "s", 0, '{"scan": 1, "writer": "scanner 2"}', True)])
    assert tp.info(path).foreign
    assert np.array_equal(tp.load(path), picture)
