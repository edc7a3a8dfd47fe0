"""Foreign layouts made as other tools make them: palettes, TIFF series, sparse and empty files.

Oracles: Pillow (palette PNGs as VOC writes them), tifffile (``imread`` of a series,
``apply_colormap``), pypng (PNG chunks).
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
import tifffile
from PIL import Image

import truepix as tp
from tests._pngs import chunk
from truepix.errors import CorruptFileError, DecompressionBombError, InputError
from truepix.io import _limits

RNG = np.random.default_rng(21)


def _palette_png(indices: np.ndarray, colors: list[tuple[int, int, int]]) -> bytes:
    """A hand-built 8-bit palette PNG (no library would write a bad index)."""
    height, width = indices.shape
    raw = b"".join(b"\0" + row.astype(np.uint8).tobytes() for row in indices)
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)),
            chunk(b"PLTE", bytes(np.array(colors, np.uint8).reshape(-1))),
            chunk(b"IDAT", zlib.compress(raw)),
            chunk(b"IEND", b""),
        ]
    )


# -- palettes -----------------------------------------------------------------------


@pytest.fixture
def voc_labels(tmp_path: Path) -> tuple[Path, np.ndarray, np.ndarray]:
    """A PASCAL VOC style label map: classes 1 and 2 share a color, 255 is the border."""
    labels = RNG.choice(np.array([0, 1, 2, 3, 255], np.uint8), size=(12, 16))
    palette = np.zeros((256, 3), np.uint8)
    palette[1] = palette[2] = (128, 0, 0)
    palette[3] = (0, 128, 0)
    palette[255] = (224, 224, 192)
    image = Image.fromarray(labels, mode="P")
    image.putpalette(palette.reshape(-1).tolist())
    path = tmp_path / "labels.png"
    image.save(path)
    return path, labels, palette


Labels = tuple[Path, np.ndarray, np.ndarray]


def test_palette_png_gives_colors_or_indices(voc_labels: Labels) -> None:
    path, labels, palette = voc_labels
    with Image.open(path) as image:
        pillow_colors = np.asarray(image.convert("RGB"))
        pillow_indices = np.asarray(image)
    colors = tp.load(path)
    assert colors.dtype == np.uint8 and colors.shape == (12, 16, 3)
    np.testing.assert_array_equal(colors, pillow_colors)
    assert np.array_equal(tp.load(path, palette="colors"), colors)
    indices = tp.load(path, palette="indices")
    assert indices.dtype == np.uint8 and indices.shape == (12, 16)
    np.testing.assert_array_equal(indices, pillow_indices)
    np.testing.assert_array_equal(indices, labels)  # classes 1 and 2 told apart
    assert (colors[labels == 1] == (128, 0, 0)).all() and (colors[labels == 2] == (128, 0, 0)).all()


def test_info_reports_the_palette(voc_labels: Labels) -> None:
    path, _, palette = voc_labels
    meta = tp.info(path)
    assert meta.foreign and meta.shape == (12, 16, 3) and meta.dtype == np.uint8
    assert meta.palette is not None
    np.testing.assert_array_equal(np.array(meta.palette)[:256], palette[: len(meta.palette)])
    assert meta.palette[1] == meta.palette[2] == (128, 0, 0)
    assert tp.info(path, palette="indices").shape == (12, 16)
    assert meta.to_dict()["palette"][3] == (0, 128, 0)


def test_palette_with_transparency_gives_rgba(tmp_path: Path) -> None:
    indices = np.array([[0, 1], [2, 1]], np.uint8)
    image = Image.fromarray(indices, mode="P")
    image.putpalette([10, 20, 30, 40, 50, 60, 70, 80, 90])
    path = tmp_path / "trns.png"
    image.save(path, transparency=bytes([0, 128]))
    with Image.open(path) as opened:
        expected = np.asarray(opened.convert("RGBA"))
    np.testing.assert_array_equal(tp.load(path), expected)
    assert tp.info(path).palette == ((10, 20, 30, 0), (40, 50, 60, 128), (70, 80, 90, 255))


def test_an_index_past_plte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "past.png"
    path.write_bytes(_palette_png(np.array([[0, 1], [5, 1]]), [(0, 0, 0), (255, 0, 0)]))
    for palette in (None, "indices"):
        with pytest.raises(CorruptFileError, match="expected palette indices below 2.*got index 5"):
            tp.load(path, palette=palette)


def test_an_unknown_palette_mode_is_refused(voc_labels: Labels) -> None:
    with pytest.raises(InputError, match="expected palette='colors' or 'indices'"):
        tp.load(voc_labels[0], palette="rgb")


def test_palette_tiff_gives_indices_or_its_colormap(tmp_path: Path) -> None:
    indices = RNG.integers(0, 256, (9, 11)).astype(np.uint8)
    colormap = RNG.integers(0, 65536, (3, 256)).astype(np.uint16)
    path = tmp_path / "palette.tif"
    tifffile.imwrite(path, indices, photometric="palette", colormap=colormap)
    loaded = tp.load(path)
    np.testing.assert_array_equal(loaded, tifffile.imread(path))
    assert loaded.dtype == np.uint8
    colors = tp.load(path, palette="colors")
    expected = colormap.T[indices]  # numpy: each index's ColorMap entry
    assert colors.dtype == np.uint16 and colors.shape == (9, 11, 3)
    np.testing.assert_array_equal(colors, expected)
    meta = tp.info(path)
    assert meta.palette is not None and len(meta.palette) == 256
    assert meta.palette[7] == tuple(colormap[:, 7].tolist())
    assert tp.info(path, palette="colors").shape == (9, 11, 3)


# -- TIFF series ------------------------------------------------------------------


def one_ifd_imagej_stack(path: Path, stack: np.ndarray) -> None:
    """An ImageJ stack whose frames follow one image directory (ImageJ's > 4 GB layout)."""
    tifffile.imwrite(path, stack, imagej=True, metadata={"axes": "ZYX"})
    with tifffile.TiffFile(path) as tif:
        first = tif.pages.first
        next_pointer = first.offset + 2 + 12 * len(first.tags)
    data = bytearray(path.read_bytes())
    data[next_pointer : next_pointer + 4] = b"\0\0\0\0"  # drop the other directories
    path.write_bytes(bytes(data))
    with tifffile.TiffFile(path) as tif:
        assert len(tif.pages) == 1 and tif.series[0].shape == stack.shape


def test_one_ifd_imagej_stack_loads_every_frame(tmp_path: Path) -> None:
    stack = RNG.integers(0, 65536, (7, 10, 13)).astype(np.uint16)
    path = tmp_path / "big_layout.tif"
    one_ifd_imagej_stack(path, stack)
    np.testing.assert_array_equal(tp.load(path), stack)
    meta = tp.info(path)
    assert meta.shape == (7, 10, 13) and meta.axes == "ZYX" and meta.foreign


def test_hyperstack_ome_and_pyramid_give_tifffiles_first_series(tmp_path: Path) -> None:
    hyper = RNG.integers(0, 256, (2, 3, 2, 8, 9)).astype(np.uint8)
    tifffile.imwrite(tmp_path / "h.tif", hyper, imagej=True, metadata={"axes": "TZCYX"})
    ome = RNG.integers(0, 4096, (2, 2, 3, 8, 9)).astype(np.uint16)
    tifffile.imwrite(tmp_path / "o.ome.tif", ome, ome=True, metadata={"axes": "TCZYX"})
    base = RNG.integers(0, 256, (64, 64)).astype(np.uint8)
    with tifffile.TiffWriter(tmp_path / "p.tif") as tif:
        tif.write(base, tile=(16, 16), subifds=1)
        tif.write(base[::2, ::2], tile=(16, 16), subfiletype=1)
    for name, axes in (("h.tif", "TZCYX"), ("o.ome.tif", "TCZYX"), ("p.tif", "YX")):
        expected = tifffile.imread(tmp_path / name)
        loaded = tp.load(tmp_path / name)
        assert loaded.dtype == expected.dtype and np.array_equal(loaded, expected)
        assert tp.info(tmp_path / name).axes == axes
    np.testing.assert_array_equal(tp.load(tmp_path / "p.tif"), base)


def test_series_selects_one_of_several(tmp_path: Path) -> None:
    first = RNG.integers(0, 256, (5, 6)).astype(np.uint8)
    second = RNG.random((3, 4, 7)).astype(np.float32)
    path = tmp_path / "two.tif"
    with tifffile.TiffWriter(path) as tif:
        tif.write(first)
        tif.write(second, photometric="minisblack")
    np.testing.assert_array_equal(tp.load(path), first)
    np.testing.assert_array_equal(tp.load(path, series=1), tifffile.imread(path, series=1))
    meta = tp.info(path, series=1)
    assert meta.n_series == 2 and meta.shape == (3, 4, 7) and meta.dtype == np.float32
    with pytest.raises(InputError, match=r"expected series in 0\.\.1 .*got series=2"):
        tp.load(path, series=2)


def test_info_describes_a_stack_past_the_decode_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stack = RNG.integers(0, 65536, (10, 32, 32)).astype(np.uint16)
    path = tmp_path / "huge.tif"
    tifffile.imwrite(path, stack)
    monkeypatch.setattr(_limits, "MAX_DECODED_BYTES", stack.nbytes // 4)
    meta = tp.info(path)  # a description is not a decode: never refused for its size
    assert meta.shape == stack.shape and meta.dtype == stack.dtype
    with pytest.raises(DecompressionBombError, match="TRUEPIX_MAX_DECODED_BYTES"):
        tp.load(path)
    counts = tp.pixel_histogram(path, bins=8, range=(0, 65536))  # streamed frame by frame
    np.testing.assert_array_equal(counts, tp.pixel_histogram(stack, bins=8, range=(0, 65536)))


# -- sparse and empty -------------------------------------------------------------


def test_sparse_tiled_tiff_reads_empty_tiles_as_zeros(tmp_path: Path) -> None:
    """GDAL's sparse files: tiles with offset and byte count 0 are zeros, not bombs."""
    tiles = [None if k % 3 else np.full((16, 16), k + 1, np.uint16) for k in range(16)]
    path = tmp_path / "sparse.tif"
    with tifffile.TiffWriter(path) as tif:
        tif.write(iter(tiles), shape=(64, 64), dtype=np.uint16, tile=(16, 16), compression="zlib")
    with tifffile.TiffFile(path) as tif:
        assert tif.pages.first.databytecounts.count(0) == 10
    expected = tifffile.imread(path)
    assert expected[0, 16] == 0 and expected[0, 48] == 4
    meta = tp.info(path)
    assert meta.shape == (64, 64) and meta.dtype == np.uint16
    loaded = tp.load(path)
    np.testing.assert_array_equal(loaded, expected)


@pytest.mark.parametrize(("tag", "words"), [("ImageWidth", "0 x 8"), ("ImageLength", "8 x 0")])
def test_zero_sized_tiff_is_refused(tmp_path: Path, tag: str, words: str) -> None:
    path = tmp_path / "empty.tif"
    tifffile.imwrite(path, np.ones((8, 8), np.uint8))
    with tifffile.TiffFile(path, mode="r+b") as tif:
        tif.pages.first.tags[tag].overwrite(0)
    for read in (tp.load, tp.info):
        with pytest.raises(CorruptFileError, match=f"at least 1 x 1 pixels, got {words}"):
            read(path)


def test_refusals_name_the_file_not_the_library(tmp_path: Path) -> None:
    path = tmp_path / "short.tif"
    tifffile.imwrite(path, RNG.integers(0, 256, (64, 64)).astype(np.uint8), compression="zlib")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError) as caught:
        tp.load(path)
    message = str(caught.value)
    assert message.startswith("expected ") and "Error" not in message and "\n" not in message


# -- the record's TIFF tag --------------------------------------------------------


def test_opencv_reads_truepix_tiffs_without_unknown_tag_lines(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    import cv2

    array = RNG.integers(0, 65536, (6, 7)).astype(np.uint16)
    tp.save(tmp_path / "a.tif", array)
    capfd.readouterr()
    seen = cv2.imread(str(tmp_path / "a.tif"), cv2.IMREAD_UNCHANGED)
    assert "Unknown field" not in capfd.readouterr().err
    np.testing.assert_array_equal(seen, array)


def test_records_in_the_old_private_tag_still_load(tmp_path: Path) -> None:
    from truepix.io import _tiff

    array = RNG.normal(size=(4, 5)).astype(np.float32)
    tp.save(tmp_path / "new.tif", array)
    _, described = _tiff.read(tmp_path / "new.tif")
    assert described.record is not None
    tifffile.imwrite(
        tmp_path / "old.tif", array, metadata=None, photometric="minisblack",
        compression="zlib", predictor=True,
        extratags=[(_tiff.LEGACY_TAG, "s", 0, described.record, True)],
    )  # fmt: skip
    assert tp.load(tmp_path / "old.tif").tobytes() == array.tobytes()
    assert not tp.info(tmp_path / "old.tif").foreign


def test_another_tools_document_name_is_not_a_record(tmp_path: Path) -> None:
    array = RNG.integers(0, 256, (4, 5)).astype(np.uint8)
    tifffile.imwrite(tmp_path / "scan.tif", array, extratags=[(269, "s", 0, "{scan 12}", True)])
    assert tp.info(tmp_path / "scan.tif").foreign
    np.testing.assert_array_equal(tp.load(tmp_path / "scan.tif"), array)


def test_interlaced_png_loads_without_libpng_lines_on_stderr(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """libpng used to print "Interlace handling should be turned on" once per file."""
    import png

    picture = RNG.integers(0, 65536, (13, 17)).astype(np.uint16)
    with open(tmp_path / "adam7.png", "wb") as file:
        png.Writer(17, 13, greyscale=True, bitdepth=16, interlace=True).write(file, picture)
    capfd.readouterr()
    for _ in range(3):
        np.testing.assert_array_equal(tp.load(tmp_path / "adam7.png"), picture)
    assert capfd.readouterr().err == ""
    print("stderr works again", file=sys.stderr)
    assert "works again" in capfd.readouterr().err
