"""JPEG XL: native lossless pictures any JXL reader shows, the record in a box it skips.

Every dtype's exact round trip is in test_roundtrip.py (FORMATS includes "jxl"); here:
what other readers (imagecodecs' libjxl, with no truepix code) see, foreign files, and
damaged or hostile ones.
"""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import imagecodecs
import numpy as np
import pytest

import truepix as tp
from truepix.errors import (
    CorruptFileError,
    DecompressionBombError,
    InputError,
    IntegrityError,
    TruepixError,
)

RNG = np.random.default_rng(17)


def _boxes(data: bytes) -> list[bytes]:
    kinds, position = [], 0
    while position < len(data):
        size, kind = struct.unpack_from(">I4s", data, position)
        kinds.append(kind)
        position += size
    return kinds


@pytest.mark.parametrize(
    ("dtype", "shape", "stored"),
    [
        ("uint8", (9, 11), "uint8"),
        ("uint16", (9, 11, 3), "uint16"),
        (">u2", (9, 11, 2), "uint16"),
        ("float32", (9, 11, 4), "float32"),
        ("float16", (9, 11), "float32"),
        ("bool", (9, 11), "uint8"),
    ],
)
def test_native_pictures_any_reader_decodes(
    tmp_path: Path, dtype: str, shape: tuple[int, ...], stored: str
) -> None:
    if dtype == "bool":
        array = RNG.random(shape) < 0.5
    elif dtype.startswith("float"):
        array = RNG.normal(size=shape).astype(dtype)
        array.flat[:3] = (np.nan, -0.0, np.inf)
    else:
        array = RNG.integers(0, np.iinfo(dtype).max, shape, endpoint=True).astype(dtype)
    path = tmp_path / "a.jxl"
    info = tp.save(path, array)
    assert info.format == "jxl" and info.layout in ("native", "bool255")
    assert info.stored_dtype == np.dtype(stored) and info.exact
    data = path.read_bytes()
    assert _boxes(data)[0] == b"JXL " and b"uuid" in _boxes(data)
    seen = imagecodecs.jpegxl_decode(data)  # libjxl alone: the box is skipped
    expected = (array.view(np.uint8) * np.uint8(255)) if dtype == "bool" else array
    assert seen.dtype == np.dtype(stored) and seen.shape == array.shape
    np.testing.assert_array_equal(seen, expected.astype(stored))
    loaded = tp.load(path)
    assert loaded.dtype == array.dtype and loaded.tobytes() == array.tobytes()


def test_other_dtypes_are_byte_planes(tmp_path: Path) -> None:
    array = RNG.normal(size=(6, 7))  # float64
    info = tp.save(tmp_path / "f8.jxl", array)
    assert info.layout == "planes" and info.stored_shape == (8 * 6, 7)
    assert tp.load(tmp_path / "f8.jxl").tobytes() == array.tobytes()


def test_foreign_jxl_loads_as_its_samples(tmp_path: Path) -> None:
    picture = RNG.integers(0, 65536, (10, 12, 3)).astype(np.uint16)
    path = tmp_path / "other.jxl"
    path.write_bytes(imagecodecs.jpegxl_encode(picture, lossless=True))
    loaded = tp.load(path)
    np.testing.assert_array_equal(loaded, picture)
    meta = tp.info(path)
    assert meta.foreign and meta.dtype == np.uint16 and meta.shape == (10, 12, 3)


def test_effort_is_the_compression_option(tmp_path: Path) -> None:
    field = np.cumsum(RNG.normal(size=(64, 64)), axis=1).astype(np.float32)
    for effort in (1, 3):
        tp.save(tmp_path / f"e{effort}.jxl", field, compression=effort)
        assert tp.load(tmp_path / f"e{effort}.jxl").tobytes() == field.tobytes()
    for bad in (0, 10, "zstd"):
        with pytest.raises(InputError, match="effort"):
            tp.save(tmp_path / "bad.jxl", field, compression=bad)


def test_changed_pixels_are_caught(tmp_path: Path) -> None:
    array = RNG.integers(0, 256, (8, 8)).astype(np.uint8)
    path = tmp_path / "a.jxl"
    tp.save(path, array)
    data = path.read_bytes()
    box = data.index(b"uuid") - 4
    tampered = array.copy()
    tampered[2, 2] ^= 1
    other = imagecodecs.jpegxl_encode(tampered, lossless=True, usecontainer=True)
    path.write_bytes(bytes(other) + data[box:])  # the record of the old pixels
    with pytest.raises(IntegrityError, match="CRC-32"):
        tp.load(path)


def _codestream_of_size(height_minus_1: int) -> bytes:
    """A bare codestream whose SizeHeader declares a square of side height_minus_1 + 1."""
    bits = 0  # small = 0 (bit 0), U32 selector 3 (bits 1-2), 30 bits, ratio 1 (3 bits)
    bits |= 3 << 1
    bits |= height_minus_1 << 3
    bits |= 1 << 33
    return b"\xff\x0a" + bits.to_bytes(8, "little") + b"\0" * 8


def test_a_huge_declared_size_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jxl"
    path.write_bytes(_codestream_of_size(2**30 - 1))
    for read in (tp.load, tp.info):
        with pytest.raises(DecompressionBombError, match="JPEG XL"):
            read(path)


@pytest.mark.parametrize("cut", [3, 20, 60, -5])
def test_truncated_files_are_refused_in_words(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "a.jxl"
    tp.save(path, RNG.integers(0, 65536, (32, 32)).astype(np.uint16))
    data = path.read_bytes()
    path.write_bytes(data[:cut])
    with pytest.raises(TruepixError) as caught:
        tp.load(path)
    message = str(caught.value)
    assert isinstance(caught.value, (CorruptFileError, DecompressionBombError)), message
    assert message.startswith("expected ") and "Error" not in message and "\n" not in message


def test_split_codestream_and_other_uuid_boxes(tmp_path: Path) -> None:
    """A codestream in jxlp parts and someone else's uuid box: the record is still found."""
    array = RNG.integers(0, 65536, (20, 30)).astype(np.uint16)
    path = tmp_path / "a.jxl"
    tp.save(path, array)
    data = path.read_bytes()
    boxes, position = {}, 0
    while position < len(data):
        size, kind = struct.unpack_from(">I4s", data, position)
        boxes[kind] = data[position + 8 : position + size]
        position += size
    stream, half = boxes[b"jxlc"], len(boxes[b"jxlc"]) // 2
    parts = [struct.pack(">I", 0) + stream[:half], struct.pack(">I", 0x80000001) + stream[half:]]

    def box(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", 8 + len(body)) + kind + body

    foreign_uuid = bytes(range(16)) + b"someone else's metadata"
    rebuilt = data[:12] + box(b"ftyp", boxes[b"ftyp"]) + box(b"uuid", foreign_uuid)
    rebuilt += box(b"jxlp", parts[0]) + box(b"jxlp", parts[1]) + box(b"uuid", boxes[b"uuid"])
    path.write_bytes(rebuilt)
    np.testing.assert_array_equal(imagecodecs.jpegxl_decode(rebuilt), array)  # a valid file
    assert not tp.info(path).foreign
    loaded = tp.load(path)
    assert loaded.dtype == array.dtype and loaded.tobytes() == array.tobytes()


def test_noisy_16_bit_pictures_of_one_group_save(tmp_path: Path) -> None:
    """libjxl 0.11's effort-1 fast path writes past a heap buffer on these and aborts.

    Run in a child process, so that a regression fails this test instead of killing
    the test session.
    """
    code = (
        "import sys, numpy as np, truepix as tp\n"
        "rng = np.random.default_rng(5)\n"
        "for shape in [(200, 200), (128, 128), (64, 256), (256, 256, 4), (256, 256)]:\n"
        "    array = rng.integers(0, 65536, shape).astype(np.uint16)\n"
        "    tp.save(sys.argv[1], array)\n"
        "    assert tp.load(sys.argv[1]).tobytes() == array.tobytes(), shape\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "noise.jxl")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-800:]


# --- the decode cap is on what load decodes, never on describing a file ------------------


def test_info_describes_a_truepix_jxl_over_the_decode_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    array = RNG.integers(0, 65536, (40, 50)).astype(np.uint16)  # 4000 bytes, 32000 at most
    path = tmp_path / "big.jxl"
    tp.save(path, array)
    monkeypatch.setenv("TRUEPIX_MAX_DECODED_BYTES", "3000")  # read at each check
    meta = tp.info(path)
    assert meta.shape == (40, 50) and meta.dtype == np.uint16 and not meta.foreign
    with pytest.raises(DecompressionBombError, match="raise TRUEPIX_MAX_DECODED_BYTES"):
        tp.load(path)
    monkeypatch.setenv("TRUEPIX_MAX_DECODED_BYTES", "lots")
    with pytest.raises(InputError, match="TRUEPIX_MAX_DECODED_BYTES"):
        tp.load(path)


def test_multi_frame_foreign_jxl_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """imagecodecs writes a (frames, H, W) stack as an animation; load gives it back.

    A frame's bound (H x W x (3 + extra channels) x bytes per sample, from the
    ImageMetadata) is checked before decoding; the frame count is not known before
    decoding, so the total is checked on what libjxl returned.
    """
    frames = RNG.integers(0, 256, (20, 16, 16)).astype(np.uint8)  # 5120 bytes
    path = tmp_path / "anim.jxl"
    path.write_bytes(imagecodecs.jpegxl_encode(frames, lossless=True, photometric="gray"))
    np.testing.assert_array_equal(tp.load(path), frames)
    monkeypatch.setenv("TRUEPIX_MAX_DECODED_BYTES", "700")  # under one frame's bound: 768
    with pytest.raises(DecompressionBombError, match="768 bytes declared"):
        tp.load(path)
    monkeypatch.setenv("TRUEPIX_MAX_DECODED_BYTES", "5000")  # a frame fits, the 20 do not
    with pytest.raises(DecompressionBombError, match="5120 bytes declared"):
        tp.load(path)


@pytest.mark.parametrize(
    ("dtype", "channels", "bound"),
    [("uint8", 3, 3), ("uint16", 4, 2 * 4), ("float32", 1, 4 * 3)],
)
def test_a_still_jxl_is_bounded_by_its_header_before_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dtype: str, channels: int, bound: int
) -> None:
    """3 colour channels + extra ones (alpha) at the header's sample width: a still
    image's decoded size is known before decoding, so the cap refuses it first."""
    shape = (24, 40, channels) if channels > 1 else (24, 40)
    if dtype == "float32":
        picture = RNG.random(shape, dtype=np.float32)
    else:
        picture = RNG.integers(0, np.iinfo(dtype).max, shape).astype(dtype)
    path = tmp_path / "still.jxl"
    path.write_bytes(imagecodecs.jpegxl_encode(picture, lossless=True))
    declared = 24 * 40 * bound
    assert picture.nbytes <= declared
    monkeypatch.setenv("TRUEPIX_MAX_DECODED_BYTES", str(declared - 1))
    calls = []
    monkeypatch.setattr(imagecodecs, "jpegxl_decode", lambda *a, **k: calls.append(a))
    with pytest.raises(DecompressionBombError, match=f"{declared} bytes declared"):
        tp.load(path)
    assert not calls  # refused before the decoder ran


def test_foreign_jxl_lossless_from_its_header(tmp_path: Path) -> None:
    """XYB-coded samples (libjxl's lossy default) are reported lossy; samples in their
    own colour space may be either, so None (see docs/io.md)."""
    picture = RNG.integers(0, 256, (32, 48, 3)).astype(np.uint8)
    lossy, exact = tmp_path / "lossy.jxl", tmp_path / "exact.jxl"
    lossy.write_bytes(imagecodecs.jpegxl_encode(picture, distance=1.0))
    exact.write_bytes(imagecodecs.jpegxl_encode(picture, lossless=True))
    assert not np.array_equal(imagecodecs.jpegxl_decode(lossy.read_bytes()), picture)
    meta = tp.info(lossy)
    assert meta.lossless is False and not meta.exact and np.isnan(meta.max_error)
    meta = tp.info(exact)
    assert meta.lossless is None and not meta.exact
    np.testing.assert_array_equal(tp.load(exact), picture)
