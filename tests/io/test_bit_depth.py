"""The dtype decides a PNG's bit depth, never the values (oracles: pypng's IHDR reading, Pillow)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import png
import pytest
from PIL import Image

import truepix as tp
from truepix import encodings

RNG = np.random.default_rng(9)

# dtype -> IHDR bit depth of the viewable picture of small non-negative values
_DEPTHS = {
    "bool": 8,
    "uint8": 8,
    "int8": 8,
    "uint16": 16,
    ">u2": 16,
    "int16": 16,
    "int32": 16,
    "uint32": 16,
    "int64": 16,
    "uint64": 16,
}


def _ihdr(path: Path) -> dict[str, object]:
    """IHDR as pypng reads it (bit depth, planes, greyscale)."""
    width, height, _, meta = png.Reader(bytes=path.read_bytes()).read()
    return {"bitdepth": meta["bitdepth"], "planes": meta["planes"], "size": (height, width)}


def _arrays(dtype: str) -> dict[str, np.ndarray]:
    shape = (5, 7)
    if dtype == "bool":
        return {"zero": np.zeros(shape, bool), "constant": np.ones(shape, bool)}
    return {
        "zero": np.zeros(shape, dtype),
        "constant": np.full(shape, 7, dtype),
        "small": RNG.integers(0, 100, size=shape).astype(dtype),
    }


@pytest.mark.parametrize("dtype", list(_DEPTHS))
def test_depth_follows_dtype(tmp_path: Path, dtype: str) -> None:
    for name, array in _arrays(dtype).items():
        path = tmp_path / f"{name}.png"
        info = tp.save(path, array)
        header = _ihdr(path)
        assert header["bitdepth"] == _DEPTHS[dtype], (dtype, name)
        assert header["planes"] == 1 and header["size"] == array.shape
        assert info.layout in ("native", "bool255")
        loaded = tp.load(path)
        assert loaded.dtype == array.dtype and np.array_equal(loaded, array)


@pytest.mark.parametrize("dtype", ["uint16", "int32", "uint64"])
def test_a_foreign_reader_gets_the_values_at_16_bit(tmp_path: Path, dtype: str) -> None:
    """Pillow sees I;16 with the values themselves: img_as_float would not be 257x too bright."""
    array = np.full((4, 6), 3, dtype)
    path = tmp_path / "small.png"
    tp.save(path, array)
    with Image.open(path) as image:
        assert image.mode == "I;16"
        assert np.array_equal(np.asarray(image), array.astype(np.uint16))


@pytest.mark.parametrize("dtype", ["int16", "int32", "int64"])
def test_values_a_16_bit_picture_cannot_hold_become_planes(tmp_path: Path, dtype: str) -> None:
    arrays = [np.array([[-1, 5]], dtype)]
    if np.iinfo(dtype).max >= 70000:
        arrays.append(np.array([[0, 70000]], dtype))
    for array in arrays:
        path = tmp_path / "wide.png"
        info = tp.save(path, array)
        assert info.layout == "planes" and _ihdr(path)["bitdepth"] == 8
        assert np.array_equal(tp.load(path), array) and tp.load(path).dtype == array.dtype


# a small valid input of each encoding, with values near the bottom of its domain
_SMALL_INPUTS = {
    "exact": np.zeros((3, 4), np.uint16),
    "linear": np.zeros((3, 4)),
    "terrain-rgb": np.full((3, 4), -10000.0),
    "terrarium": np.full((3, 4), -32768.0),
    "kitti-depth": np.full((3, 4), 0.25),
    "kitti-flow": np.zeros((3, 4, 2)),
    "colormap": np.zeros((3, 4)),
}


@pytest.mark.parametrize("name", encodings.names())
def test_encodings_store_the_dtype_they_declare(tmp_path: Path, name: str) -> None:
    codec = encodings.get(name)
    array = _SMALL_INPUTS[name]  # a new encoding needs its row here
    encoded = codec.encode(array)
    declared = codec.stored_dtype
    assert declared in (None, "uint8", "uint16")
    if declared is not None:
        assert encoded.samples.dtype == np.dtype(declared)
        path = tmp_path / "small.png"
        tp.save(path, array, encoding=name)
        assert _ihdr(path)["bitdepth"] == np.dtype(declared).itemsize * 8


def test_kitti_depth_of_short_distances_stays_a_kitti_file(tmp_path: Path) -> None:
    """Depths under 1 m (codes < 256) still make a 16-bit file another tool can re-save."""
    depth = np.array([[0.25, 0.5], [np.nan, 0.75]])
    path = tmp_path / "near.png"
    tp.save(path, depth, encoding="kitti-depth")
    assert _ihdr(path)["bitdepth"] == 16
    assert encodings.get("kitti-depth").stored_dtype == "uint16"
    # another tool reads and re-saves it: Pillow keeps I;16
    with Image.open(path) as image:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
    resaved = tmp_path / "resaved.png"
    resaved.write_bytes(buffer.getvalue())
    again = tp.load(resaved, encoding="kitti-depth")
    np.testing.assert_array_equal(again, depth)


def test_kitti_flow_is_16_bit_whatever_the_flow(tmp_path: Path) -> None:
    flow = np.zeros((3, 4, 2))
    flow[0, 0] = np.nan
    path = tmp_path / "flow.png"
    tp.save(path, flow, encoding="kitti-flow")
    assert _ihdr(path) == {"bitdepth": 16, "planes": 3, "size": (3, 4)}
