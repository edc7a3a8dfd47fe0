"""Every kind of stack gives the counts of the same frames as an array; bad stacks are refused."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import imagecodecs
import numpy as np
import pytest
import tifffile
import zarr

import truepix as tp
from truepix.errors import (
    InputError,
    ReadError,
    ShapeError,
    UnsupportedDtypeError,
    UnsupportedInputError,
)

BINS, RANGE = 16, (0, 60000)


@pytest.fixture(scope="module")
def frames() -> np.ndarray:
    rng = np.random.default_rng(11)
    return rng.integers(0, 65536, (23, 12, 17), dtype=np.uint16)


@pytest.fixture(scope="module")
def expected(frames: np.ndarray) -> np.ndarray:
    return tp.pixel_histogram(frames, bins=BINS, range=RANGE)


def _png_folder(tmp_path: Path, frames: np.ndarray) -> Path:
    folder = tmp_path / "pngs"
    folder.mkdir()
    for k, frame in enumerate(frames):  # foreign PNGs, written by another library
        (folder / f"frame_{k:03d}.png").write_bytes(imagecodecs.png_encode(frame))
    return folder


def _blocks_and_frames(frames: np.ndarray) -> Iterator[np.ndarray]:
    yield frames[:5]
    yield frames[5]
    yield from frames[6:20]
    yield frames[20:]


KINDS: dict[str, Callable[[Path, np.ndarray], Any]] = {
    "array": lambda tmp, f: f,
    "strided array": lambda tmp, f: np.ascontiguousarray(f.transpose(1, 2, 0)).transpose(2, 0, 1),
    "npy memmap": lambda tmp, f: (np.save(tmp / "s.npy", f), np.load(tmp / "s.npy", mmap_mode="r"))[
        1
    ],
    "npy path": lambda tmp, f: (np.save(tmp / "s.npy", f), tmp / "s.npy")[1],
    "list of frames": lambda tmp, f: list(f),
    "tuple of frames": lambda tmp, f: tuple(f),
    "generator of frames": lambda tmp, f: (frame for frame in f),
    "generator of blocks and frames": lambda tmp, f: _blocks_and_frames(f),
    "folder": _png_folder,
    "glob": lambda tmp, f: str(_png_folder(tmp, f) / "*.png"),
    "list of paths": lambda tmp, f: sorted(_png_folder(tmp, f).glob("*.png")),
    "list of str": lambda tmp, f: [str(p) for p in sorted(_png_folder(tmp, f).glob("*.png"))],
    "multi-page TIFF": lambda tmp, f: (tifffile.imwrite(tmp / "m.tif", f), tmp / "m.tif")[1],
    "truepix TIFF": lambda tmp, f: (tp.save(tmp / "s.tif", f), tmp / "s.tif")[1],
    "truepix files": lambda tmp, f: [
        (tp.save(tmp / f"s{k}.png", f[k * 10 : k * 10 + 10]), tmp / f"s{k}.png")[1]
        for k in range(3)
    ],
    "generator of paths": lambda tmp, f: (p for p in sorted(_png_folder(tmp, f).glob("*.png"))),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_of_stack_gives_the_same_counts(
    kind: str, tmp_path: Path, frames: np.ndarray, expected: np.ndarray
) -> None:
    stack = KINDS[kind](tmp_path, frames)
    got = tp.pixel_histogram(stack, bins=BINS, range=RANGE)
    assert np.array_equal(got, expected)
    assert got.dtype == np.uint8  # 23 frames, counted up front or as they come


@pytest.mark.parametrize(
    "kind", ["array", "list of frames", "folder", "multi-page TIFF", "npy path"]
)
def test_range_none_reads_a_reiterable_stack_twice(
    kind: str, tmp_path: Path, frames: np.ndarray
) -> None:
    stack = KINDS[kind](tmp_path, frames)
    low, high = frames.min(), frames.max()
    assert np.array_equal(
        tp.pixel_histogram(stack, bins=BINS),
        tp.pixel_histogram(frames, bins=BINS, range=(low, high)),
    )
    assert np.array_equal(
        tp.stacks.bin_edges(stack, bins=BINS), np.histogram_bin_edges(frames, BINS)
    )


def test_zarr_array_and_store(tmp_path: Path, frames: np.ndarray, expected: np.ndarray) -> None:
    store = zarr.create_array(
        tmp_path / "s.zarr", shape=frames.shape, chunks=(4, 12, 17), dtype=frames.dtype
    )
    store[:] = frames
    assert np.array_equal(tp.pixel_histogram(store, bins=BINS, range=RANGE), expected)
    assert np.array_equal(tp.pixel_histogram(tmp_path / "s.zarr", bins=BINS, range=RANGE), expected)
    assert np.array_equal(
        tp.pixel_histogram(store, bins=BINS), tp.pixel_histogram(frames, bins=BINS)
    )


def test_a_one_shot_iterator_needs_a_range(frames: np.ndarray) -> None:
    with pytest.raises(InputError, match="one-shot iterator"):
        tp.pixel_histogram(iter(list(frames)), bins=BINS)
    # explicit edges need no range
    edges = [0, 100, 30000, 65535]
    got = tp.pixel_histogram(iter(list(frames)), bins=edges)
    assert np.array_equal(got, tp.pixel_histogram(frames, bins=edges))


def test_a_failing_generator_raises_its_own_error(frames: np.ndarray) -> None:
    def broken() -> Iterator[np.ndarray]:
        yield from frames[:3]
        raise RuntimeError("camera unplugged")

    with pytest.raises(RuntimeError, match="camera unplugged"):
        tp.pixel_histogram(broken(), bins=BINS, range=RANGE)


BAD: dict[str, tuple[Any, type[Exception], str]] = {
    "2-D array": (np.zeros((4, 5)), ShapeError, "newaxis"),
    "4-D array": (np.zeros((2, 3, 4, 5)), ShapeError, r"\(N, H, W\)"),
    "bool": (np.zeros((2, 3, 4), bool), UnsupportedDtypeError, "astype"),
    "complex": (np.zeros((2, 3, 4), complex), UnsupportedDtypeError, "complex"),
    "object": (np.zeros((2, 3, 4), object), UnsupportedDtypeError, "object"),
    "frames of two shapes": ([np.zeros((3, 4)), np.zeros((4, 3))], ShapeError, "item 1"),
    "frames of two dtypes": (
        [np.zeros((3, 4)), np.zeros((3, 4), np.float32)],
        UnsupportedDtypeError,
        "item 1",
    ),
    "a 1-D frame": ([np.zeros(3)], ShapeError, "2-D frames"),
    "no frames": ([], ShapeError, "at least one frame"),
    "a number": (3, UnsupportedInputError, "int"),
    "a dict": ({"a": 1}, UnsupportedInputError, "dict"),
    "no match": ("/nonexistent/dir/*.png", ReadError, "got none"),
    "no such file": ("/nonexistent/file.tif", ReadError, "existing file"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_stacks_are_refused_clearly(case: str) -> None:
    stack, error, message = BAD[case]
    with pytest.raises(error, match=message):
        tp.pixel_histogram(stack, bins=3, range=(0, 1))


def test_files_of_two_shapes_are_refused_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(imagecodecs.png_encode(np.zeros((3, 4), np.uint8)))
    (tmp_path / "b.png").write_bytes(imagecodecs.png_encode(np.zeros((4, 4), np.uint8)))
    with pytest.raises(ShapeError, match=r"b\.png"):
        tp.pixel_histogram(tmp_path, bins=3, range=(0, 1))


def test_a_color_picture_is_not_a_stack(tmp_path: Path) -> None:
    (tmp_path / "rgb.png").write_bytes(imagecodecs.png_encode(np.zeros((3, 4, 3), np.uint8)))
    with pytest.raises(ShapeError, match="color"):
        tp.pixel_histogram(tmp_path / "rgb.png", bins=3, range=(0, 1))


def test_a_folder_without_images_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("no frames here")
    with pytest.raises(ReadError, match="image files"):
        tp.pixel_histogram(tmp_path, bins=3, range=(0, 1))


def _one_ifd_imagej(path: Path, stack: np.ndarray) -> Path:
    """ImageJ's layout past 4 GB: one image directory, the frames contiguous after it."""
    tifffile.imwrite(path, stack, imagej=True, metadata={"axes": "ZYX"})
    with tifffile.TiffFile(path) as tif:
        first = tif.pages.first
        next_pointer = first.offset + 2 + 12 * len(first.tags)
    data = bytearray(path.read_bytes())
    data[next_pointer : next_pointer + 4] = b"\0\0\0\0"
    path.write_bytes(bytes(data))
    with tifffile.TiffFile(path) as tif:
        assert len(tif.pages) == 1 and tif.series[0].shape == stack.shape
    return path


def test_one_ifd_imagej_stack_counts_every_frame_memory_mapped(
    tmp_path: Path, frames: np.ndarray, expected: np.ndarray
) -> None:
    from truepix.stacks._read import file_frames

    path = _one_ifd_imagej(tmp_path / "ij.tif", frames)
    counts = tp.pixel_histogram(path, bins=BINS, range=RANGE)
    np.testing.assert_array_equal(counts, expected)
    described = file_frames(path)
    assert described.n_frames == len(frames)
    assert isinstance(next(described.read()), np.memmap)  # read as the kernel reaches it
    big_endian = tmp_path / "ij_be.tif"
    _one_ifd_imagej(big_endian, frames.astype(">u2"))
    np.testing.assert_array_equal(tp.pixel_histogram(big_endian, bins=BINS, range=RANGE), expected)


@pytest.mark.parametrize(("axes", "shape"), [("TZYX", (2, 3)), ("TZCYX", (2, 2, 2))])
def test_hyperstack_counts_every_plane(tmp_path: Path, axes: str, shape: tuple[int, ...]) -> None:
    rng = np.random.default_rng(12)
    hyper = rng.integers(0, 256, (*shape, 9, 10)).astype(np.uint8)
    path = tmp_path / "hyper.tif"
    tifffile.imwrite(path, hyper, imagej=True, metadata={"axes": axes})
    counts = tp.pixel_histogram(path, bins=8, range=(0, 256))
    flat = hyper.reshape(-1, 9, 10)
    np.testing.assert_array_equal(counts, tp.pixel_histogram(flat, bins=8, range=(0, 256)))
    assert counts.sum(axis=-1).max() == flat.shape[0]


def test_a_samples_axis_is_refused_naming_the_axes(tmp_path: Path) -> None:
    rgb = np.zeros((4, 5, 6, 3), np.uint8)
    path = tmp_path / "rgb_stack.tif"
    tifffile.imwrite(path, rgb, photometric="rgb")
    with pytest.raises(ShapeError, match=r"axes 'QYXS'|axes 'IYXS'"):
        tp.pixel_histogram(path, bins=3, range=(0, 1))
