"""Files other tools write with other codecs and shapes: loaded as their reference
decoder gives them, described honestly (``exact`` only for lossless codecs), and
their faults refused -- each test made from a small file the tool itself writes."""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

import imagecodecs
import numpy as np
import png  # pypng: the strict reference for PNG chunk rules
import pytest
import tifffile
from click.testing import CliRunner
from PIL import Image

import truepix as tp
from tests._pngs import chunk
from truepix.cli.main import cli
from truepix.errors import CorruptFileError, DecompressionBombError

_RNG = np.random.default_rng(11)
_RGB = _RNG.integers(0, 256, (32, 48, 3), dtype=np.uint8)


# --- JPEG XL of the shapes imagecodecs writes ---------------------------------------

_JXL = {
    "gray frames": lambda: imagecodecs.jpegxl_encode(
        _RNG.integers(0, 256, (3, 20, 24), dtype=np.uint8), lossless=True, photometric="gray"
    ),
    "five channels": lambda: imagecodecs.jpegxl_encode(
        _RNG.integers(0, 256, (20, 24, 5), dtype=np.uint8), lossless=True
    ),
    "rgb frames": lambda: imagecodecs.jpegxl_encode(
        _RNG.integers(0, 256, (2, 20, 24, 3), dtype=np.uint8), lossless=True
    ),
}


@pytest.mark.parametrize("case", sorted(_JXL))
def test_jxl_of_other_shapes_loads_as_imagecodecs_decodes_it(tmp_path: Path, case: str) -> None:
    path = tmp_path / "x.jxl"
    path.write_bytes(_JXL[case]())
    expected = imagecodecs.jpegxl_decode(path.read_bytes())
    loaded = tp.load(path)
    assert loaded.dtype == expected.dtype and loaded.shape == expected.shape
    assert np.array_equal(loaded, expected)
    meta = tp.info(path)
    assert meta.foreign and meta.shape == expected.shape


# --- exact only when the codec is lossless -----------------------------------------

_LOSSY = {
    "webp, Pillow quality 80": (".webp", lambda p: Image.fromarray(_RGB).save(p, quality=80), False),
    "jpeg in tiff, tifffile": (
        ".tif", lambda p: tifffile.imwrite(p, _RGB, compression="jpeg", photometric="rgb"), False,
    ),
    "jpeg in tiff, Pillow": (".tif", lambda p: Image.fromarray(_RGB).save(p, compression="jpeg"), False),
    "jxl, imagecodecs level 80": (  # coded in XYB: lossy (see docs/io.md)
        ".jxl", lambda p: Path(p).write_bytes(imagecodecs.jpegxl_encode(_RGB, level=80)), False,
    ),
}  # fmt: skip

_LOSSLESS = {
    "webp, Pillow lossless": (".webp", lambda p: Image.fromarray(_RGB).save(p, lossless=True)),
    "deflate tiff, tifffile": (
        ".tif", lambda p: tifffile.imwrite(p, _RGB, compression="zlib", photometric="rgb"),
    ),
    "lossless jpeg in tiff, tifffile": (
        ".tif",
        lambda p: tifffile.imwrite(
            p, _RGB[..., 0], compression="jpeg", compressionargs={"lossless": True}
        ),
    ),
    "png, Pillow": (".png", lambda p: Image.fromarray(_RGB).save(p)),
}


@pytest.mark.parametrize("case", sorted(_LOSSY))
def test_lossy_foreign_files_are_not_called_exact(tmp_path: Path, case: str) -> None:
    suffix, write, lossless = _LOSSY[case]
    path = tmp_path / f"x{suffix}"
    write(str(path))
    meta = tp.info(path)
    assert meta.foreign and not meta.exact and math.isnan(meta.max_error)
    assert meta.lossless is lossless
    assert meta.to_dict()["max_error"] is None
    result = CliRunner().invoke(cli, ["info", str(path)])
    assert result.exit_code == 0 and "unknown" in result.output and "(exact)" not in result.output


@pytest.mark.parametrize("case", sorted(_LOSSLESS))
def test_lossless_foreign_files_are_exact(tmp_path: Path, case: str) -> None:
    suffix, write = _LOSSLESS[case]
    path = tmp_path / f"x{suffix}"
    write(str(path))
    meta = tp.info(path)
    assert meta.exact and meta.max_error == 0.0 and meta.lossless is True


# --- the decode cap is on decoding, not on describing --------------------------------


def test_info_describes_files_over_the_decode_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("truepix.io._limits.MAX_DECODED_BYTES", 3000)
    png_path, tif_path = tmp_path / "x.png", tmp_path / "x.tif"
    Image.fromarray(np.zeros((40, 50), np.uint16)).save(png_path)  # 4000 bytes decoded
    tifffile.imwrite(tif_path, np.zeros((64, 64), np.uint8), tile=(64, 64), compression="zlib")
    assert tp.info(png_path).shape == (40, 50)
    assert tp.info(tif_path).shape == (64, 64)
    for path in (png_path, tif_path):
        with pytest.raises(DecompressionBombError, match="raise TRUEPIX_MAX_DECODED_BYTES"):
            tp.load(path)


# --- PNG chunk rules that decide the decoded colors ---------------------------------


_IHDR = chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 1, 8, 3, 0, 0, 0))
_PLTE = chunk(b"PLTE", bytes([0, 0, 0, 255, 0, 0, 0, 255, 0]))
_IDAT = chunk(b"IDAT", zlib.compress(b"\0" + bytes([0, 1, 2, 0])))
_IEND = chunk(b"IEND", b"")
_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# name -> (the chunks, whether pypng refuses the file too; the PNG spec forbids each)
_MALFORMED_PALETTES = {
    "PLTE after IDAT": (_IHDR + _IDAT + _PLTE + _IEND, True),
    "tRNS longer than PLTE": (_IHDR + _PLTE + chunk(b"tRNS", bytes(5)) + _IDAT + _IEND, True),
    "tRNS after IDAT": (_IHDR + _PLTE + _IDAT + chunk(b"tRNS", bytes(2)) + _IEND, False),
    "two PLTE": (_IHDR + _PLTE + _PLTE + _IDAT + _IEND, False),
}


def _pypng_rgba(data: bytes) -> np.ndarray:
    width, height, rows, _ = png.Reader(bytes=data).asRGBA8()
    return np.array([list(row) for row in rows], np.uint8).reshape(height, width, 4)


@pytest.mark.parametrize("case", sorted(_MALFORMED_PALETTES))
def test_malformed_palette_chunks_are_refused(tmp_path: Path, case: str) -> None:
    chunks, pypng_refuses = _MALFORMED_PALETTES[case]
    path = tmp_path / "p.png"
    path.write_bytes(_SIGNATURE + chunks)
    if pypng_refuses:
        with pytest.raises(png.Error):
            _pypng_rgba(path.read_bytes())
    with pytest.raises(CorruptFileError, match="^expected "):
        tp.load(path)


def test_the_well_formed_palette_loads(tmp_path: Path) -> None:
    path = tmp_path / "p.png"
    path.write_bytes(_SIGNATURE + _IHDR + _PLTE + chunk(b"tRNS", bytes([9, 8, 7])) + _IDAT + _IEND)
    assert np.array_equal(tp.load(path), _pypng_rgba(path.read_bytes()))


# --- libpng's warnings --------------------------------------------------------------


def test_libpng_warnings_do_not_reach_stderr(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "extra.png"
    raw = b"\0" + bytes(4) + b"\0" * 50  # one 4-pixel row, then 50 stray bytes
    ihdr = chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 1, 8, 0, 0, 0, 0))
    path.write_bytes(_SIGNATURE + ihdr + chunk(b"IDAT", zlib.compress(raw)) + _IEND)
    for _ in range(3):
        assert np.array_equal(tp.load(path), np.zeros((1, 4), np.uint8))
    assert tp.pixel_histogram(path, bins=2, range=(0, 2)).sum() == 4
    damaged = tmp_path / "damaged.png"
    damaged.write_bytes(_SIGNATURE + ihdr + chunk(b"IDAT", b"not zlib") + _IEND)
    with pytest.raises(CorruptFileError):
        tp.load(damaged)
    import os

    os.write(2, b"stderr is back\n")
    assert capfd.readouterr().err == "stderr is back\n"
