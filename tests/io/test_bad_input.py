"""Bad input gets a clear error of the right class, and nothing is lost."""

from __future__ import annotations

import json
import os
import struct
import time
import tracemalloc
import zlib
from pathlib import Path

import numpy as np
import pytest
import tifffile
from PIL import Image

import truepix as tp
from tests._pngs import chunk
from truepix import errors
from truepix.io import _png, _tiff


def _png_bytes(width: int, height: int, idat: bytes, depth: int = 8, color: int = 0) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, depth, color, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "array",
    [
        np.array([["a", "b"]]),
        np.array([[b"a"]]),
        np.array([[object()]], dtype=object),
        np.zeros((2, 2), dtype=[("x", "f4"), ("y", "i2")]),
        np.zeros((2, 2), dtype="datetime64[s]"),
        np.zeros((2, 2), dtype="V4"),
    ],
    ids=["str", "bytes", "object", "structured", "datetime", "void"],
)
@pytest.mark.parametrize("fmt", ["png", "tif"])
def test_unsupported_dtypes(tmp_path: Path, array: np.ndarray, fmt: str) -> None:
    with pytest.raises(errors.UnsupportedDtypeError, match="expected a numeric array") as caught:
        tp.save(tmp_path / f"x.{fmt}", array)
    assert isinstance(caught.value, TypeError)
    assert not list(tmp_path.iterdir())


def test_masked_array_is_refused_not_unmasked(tmp_path: Path) -> None:
    masked = np.ma.masked_array([[1.0, 2.0]], mask=[[False, True]])
    with pytest.raises(errors.UnsupportedDtypeError, match="masked array"):
        tp.save(tmp_path / "m.png", masked)


@pytest.mark.parametrize("shape", [(0,), (0, 5), (5, 0, 3), ()])
def test_empty_arrays(tmp_path: Path, shape: tuple[int, ...]) -> None:
    with pytest.raises(errors.ShapeError, match="non-empty") as caught:
        tp.save(tmp_path / "e.png", np.zeros(shape))
    assert isinstance(caught.value, ValueError)


def test_misspelt_encoding_suggests(tmp_path: Path) -> None:
    with pytest.raises(errors.UnknownEncodingError, match="did you mean 'terrain-rgb'") as caught:
        tp.save(tmp_path / "x.png", np.zeros((2, 2)), encoding="terain-rgb")
    assert isinstance(caught.value, KeyError)
    assert "'" not in str(caught.value)[:1]  # no KeyError quoting around the message


@pytest.mark.parametrize("name", ["x.jpg", "x.pgn", "x"])
def test_unknown_suffix(tmp_path: Path, name: str) -> None:
    with pytest.raises(errors.UnknownFormatError, match="expected a file name ending in"):
        tp.save(tmp_path / name, np.zeros((2, 2)))


@pytest.mark.parametrize("suffix", [".gif", ".jpg", ".JPEG", ".bmp"])
def test_a_picture_format_is_told_how_to_read_its_pixels(tmp_path: Path, suffix: str) -> None:
    # trial 55 (stop 60): load("a.gif") answered "did you mean '.tif'?", ".jpg" "'.png'?"
    path = tmp_path / f"a{suffix}"
    Image.fromarray(np.zeros((2, 2, 3), np.uint8)).save(path)
    for call in (tp.load, lambda p: tp.save(p, np.zeros((2, 2)))):
        with pytest.raises(errors.UnknownFormatError) as caught:
            call(path)
        assert "did you mean" not in str(caught.value)
        assert "np.asarray(PIL.Image.open(path))" in str(caught.value)


def test_wrong_options_for_encoding(tmp_path: Path) -> None:
    with pytest.raises(errors.InputError, match="expected no 'bits' option"):
        tp.save(tmp_path / "x.png", np.zeros((2, 2)), bits=8)
    with pytest.raises(errors.InputError, match="bits=8 or bits=16"):
        tp.save(tmp_path / "x.png", np.zeros((2, 2)), encoding="linear", bits=12)
    with pytest.raises(errors.InputError, match="vmin <= vmax"):
        tp.save(tmp_path / "x.png", np.zeros((2, 2)), encoding="linear", vmin=1, vmax=0)
    with pytest.raises(errors.InputError, match="compression level"):
        tp.save(tmp_path / "x.png", np.zeros((2, 2)), compression=12)
    assert not list(tmp_path.iterdir())


@pytest.fixture
def good_png(tmp_path: Path) -> Path:
    path = tmp_path / "good.png"
    tp.save(path, np.random.default_rng(0).random((40, 50)).astype(np.float32))
    return path


@pytest.fixture
def good_tiff(tmp_path: Path) -> Path:
    path = tmp_path / "good.tif"
    tp.save(path, np.random.default_rng(0).random((40, 50)).astype(np.float32))
    return path


@pytest.mark.parametrize("keep", [0, 5, 8, 20, 40, 200, -13, -1])
def test_truncated_png(tmp_path: Path, good_png: Path, keep: int) -> None:
    data = good_png.read_bytes()
    cut = tmp_path / "cut.png"
    cut.write_bytes(data[:keep])
    with pytest.raises(errors.CorruptFileError, match="expected") as caught:
        tp.load(cut)
    assert isinstance(caught.value, OSError)


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.5, 0.9, 0.99])
def test_truncated_tiff(tmp_path: Path, good_tiff: Path, fraction: float) -> None:
    data = good_tiff.read_bytes()
    cut = tmp_path / "cut.tif"
    cut.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(errors.ReadError):
        tp.load(cut)


@pytest.mark.parametrize("fmt", ["png", "tif"])
def test_junk_bytes(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"junk.{fmt}"
    path.write_bytes(np.random.default_rng(7).integers(0, 256, 5000, dtype=np.uint8).tobytes())
    with pytest.raises(errors.CorruptFileError):
        tp.load(path)
    with pytest.raises(errors.CorruptFileError):
        tp.info(path)


def test_png_decompression_bomb_refused_fast_without_allocating(tmp_path: Path) -> None:
    """A header claiming 10 gigapixels over a few bytes of data."""
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_bytes(100_000, 100_000, zlib.compress(b"\0" * 100_001)))
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(errors.DecompressionBombError, match="decompression bomb") as caught:
        tp.load(path)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(caught.value, OSError)
    assert elapsed < 0.5
    assert peak < 10 * 2**20


def test_png_over_absolute_cap(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from truepix.io import _limits

    monkeypatch.setattr(_limits, "MAX_DECODED_BYTES", 1000)
    path = tmp_path / "big.png"
    tp.save(path, np.zeros((100, 100), np.uint8))
    with pytest.raises(errors.DecompressionBombError, match="TRUEPIX_MAX_DECODED_BYTES"):
        tp.load(path)


def test_tiff_bomb_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.tif"
    tifffile.imwrite(path, np.zeros((1, 1), np.uint8), compression="zlib")
    data = bytearray(path.read_bytes())
    with tifffile.TiffFile(path) as tif:
        offsets = [tif.pages.first.tags[code].valueoffset for code in (256, 257)]
        types = [tif.pages.first.tags[code].dtype for code in (256, 257)]
    for offset, kind in zip(offsets, types, strict=True):
        fmt = "<H" if kind == 3 else "<I"
        struct.pack_into(fmt, data, offset, 60000)
    path.write_bytes(bytes(data))
    with pytest.raises(errors.ReadError):
        tp.load(path)


def _rewrite_record(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    data = path.read_bytes()
    parsed = _png.parse(data)
    assert parsed.record is not None
    record = json.loads(parsed.record)
    new_text = json.dumps(edit(record))
    old_chunk = _png._itxt("truepix", parsed.record)
    assert old_chunk in data
    path.write_bytes(data.replace(old_chunk, _png._itxt("truepix", new_text)))


def test_tampered_metadata_is_refused(good_png: Path) -> None:
    def edit(record: dict) -> dict:  # type: ignore[type-arg]
        record["dtype"] = "<i4"
        return record

    _rewrite_record(good_png, edit)
    with pytest.raises(errors.MetadataError, match="changed after it was written"):
        tp.load(good_png)


def test_tampered_metadata_with_recomputed_crc_is_refused(good_png: Path) -> None:
    from truepix.io._metadata import encode_record

    data = good_png.read_bytes()
    record = json.loads(_png.parse(data).record or "")
    record["stored"]["shape"] = [20, 20]
    good_png.write_bytes(
        data.replace(
            _png._itxt("truepix", _png.parse(data).record or ""),
            _png._itxt("truepix", encode_record(record)),
        )
    )
    with pytest.raises(errors.MetadataError, match="altered"):
        tp.load(good_png)


def test_metadata_from_newer_version(good_png: Path) -> None:
    def edit(record: dict) -> dict:  # type: ignore[type-arg]
        record["truepix"] = 99
        return record

    _rewrite_record(good_png, edit)
    with pytest.raises(errors.MetadataError, match="upgrade"):
        tp.load(good_png)


def test_metadata_not_json(good_png: Path) -> None:
    _rewrite_record(good_png, lambda record: "{not json")
    with pytest.raises(errors.MetadataError):
        tp.info(good_png)


@pytest.mark.parametrize("fmt", ["png", "tif"])
def test_changed_pixels_raise_integrity_error(tmp_path: Path, fmt: str) -> None:
    """Pixels re-encoded under the original metadata: valid file, wrong data."""
    array = np.arange(64, dtype=np.uint16).reshape(8, 8)
    path = tmp_path / f"p.{fmt}"
    tp.save(path, array)
    tampered = array.copy()
    tampered[3, 3] += 1
    if fmt == "png":
        record = _png.parse(path.read_bytes()).record
        path.write_bytes(b"".join(_png.encode(tampered, record=record)))
    else:
        _, tiff_info = _tiff.read(path)
        assert tiff_info.record is not None
        with open(path, "wb") as file:
            _tiff.write(file, tampered, record=tiff_info.record, compression=None)
    with pytest.raises(errors.IntegrityError, match="CRC-32") as caught:
        tp.load(path)
    assert isinstance(caught.value, OSError)


def test_flipped_byte_inchunk(good_png: Path) -> None:
    data = bytearray(good_png.read_bytes())
    data[data.index(b"iTXt") + 20] ^= 0x01
    good_png.write_bytes(bytes(data))
    with pytest.raises(errors.CorruptFileError, match="CRC"):
        tp.load(good_png)


# --- nothing half-written -------------------------------------------------------------


def test_failed_encoding_leaves_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "dem.png"
    tp.save(path, np.full((4, 4), 100.0), encoding="terrain-rgb")
    before = path.read_bytes()
    with pytest.raises(errors.EncodingDomainError):
        tp.save(path, np.full((4, 4), -10001.0), encoding="terrain-rgb")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["dem.png"]


@pytest.mark.parametrize("fmt", ["png", "tif"])
def test_crash_mid_write_leaves_existing_file_and_no_temporary(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"a.{fmt}"
    tp.save(path, np.zeros((4, 4), np.uint8))
    before = path.read_bytes()

    def failing_write(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        file.write(b"partial")
        raise OSError(28, "No space left on device")

    if fmt == "png":
        monkeypatch.setattr(_png, "encode", lambda *a, **k: [b"partial", None])
    else:
        monkeypatch.setattr(_tiff, "write", failing_write)
    with pytest.raises((OSError, TypeError)):
        tp.save(path, np.ones((4, 4), np.uint8))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.skipif(os.name != "posix", reason="folders are fsync'ed on POSIX only")
def test_saves_are_flushed_to_disk_before_and_after_the_rename(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The new file's data reach the disk before it replaces the old one, and the rename
    itself after: a power cut leaves one of the two whole files."""
    import stat

    synced: list[tuple[str, bool]] = []  # (name or folder, seen before the rename)
    real_fsync = os.fsync
    path = tmp_path / "a.png"

    def spy(descriptor: int) -> None:
        info = os.fstat(descriptor)
        folder = stat.S_ISDIR(info.st_mode)
        synced.append(("folder" if folder else "file", path.exists()))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", spy)
    tp.save(path, np.zeros((4, 4), np.uint8))
    assert synced == [("file", False), ("folder", True)]


def test_overwrite_false(tmp_path: Path) -> None:
    path = tmp_path / "keep.tif"
    tp.save(path, np.zeros((2, 2)))
    before = path.read_bytes()
    with pytest.raises(errors.FileExistsError_) as caught:
        tp.save(path, np.ones((2, 2)), overwrite=False)
    assert isinstance(caught.value, FileExistsError)
    assert path.read_bytes() == before
    tp.save(tmp_path / "new.tif", np.ones((2, 2)), overwrite=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.tif", "new.tif"]


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(errors.WriteError, match="existing folder"):
        tp.save(tmp_path / "nope" / "x.png", np.zeros((2, 2)))


def test_saved_file_permissions_follow_umask(tmp_path: Path) -> None:
    path = tmp_path / "mode.png"
    tp.save(path, np.zeros((2, 2), np.uint8))
    assert path.stat().st_mode & 0o777 != 0o600  # not mkstemp's private mode


@pytest.mark.parametrize(
    "error", [errors.EncodingDomainError, errors.UnknownColormapError, errors.IntegrityError,
              errors.MissingDependencyError, errors.FileExistsError_, errors.UnsupportedDtypeError],
)  # fmt: skip
def test_every_error_is_a_truepix_error_and_a_builtin(error: type) -> None:
    assert issubclass(error, errors.TruepixError)
    assert issubclass(error, (ValueError, TypeError, KeyError, OSError, ImportError))
