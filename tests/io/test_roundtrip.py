"""Exact round trips: every dtype x shape x channel count x special value x format."""

from __future__ import annotations

from pathlib import Path

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import truepix as tp

FORMATS = ["png", "tif", "jxl"]
DTYPES = [
    "?", "u1", "i1", "<u2", ">u2", "<i2", ">i2", "<u4", ">u4", "<i4", ">i4", "<u8", ">u8",
    "<i8", ">i8", "<f2", ">f2", "<f4", ">f4", "<f8", ">f8", "<c8", ">c8", "<c16", ">c16",
]  # fmt: skip
SHAPES = [(7,), (5, 6), (5, 6, 1), (5, 6, 2), (5, 6, 3), (5, 6, 4), (5, 6, 5), (2, 3, 4, 5)]


def assert_identical(loaded: np.ndarray, saved: np.ndarray) -> None:
    """Same dtype (byte order included), same shape, same bits in every element."""
    assert loaded.dtype.str == saved.dtype.str  # "<f4" vs ">f4": byte order counts
    assert loaded.shape == saved.shape
    assert loaded.tobytes() == saved.tobytes()


def random_bits(dtype: str, shape: tuple[int, ...], seed: int) -> np.ndarray:
    """Every bit pattern is fair game: NaN payloads, subnormals, -0, extremes."""
    dtype_ = np.dtype(dtype)
    rng = np.random.default_rng(seed)
    if dtype_.kind == "b":
        return rng.random(shape) < 0.5
    raw = rng.integers(0, 256, size=(*shape, dtype_.itemsize), dtype=np.uint8)
    return raw.view(dtype_).reshape(shape)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("dtype", DTYPES)
def test_random_bits_round_trip(
    tmp_path: Path, fmt: str, shape: tuple[int, ...], dtype: str
) -> None:
    array = random_bits(dtype, shape, seed=len(dtype) * 31 + len(shape))
    path = tmp_path / f"a.{fmt}"
    saved = tp.save(path, array)
    assert saved.exact and saved.max_error == 0.0
    assert_identical(tp.load(path), array)
    described = tp.info(path)
    assert described == saved
    assert described.dtype == array.dtype and described.shape == array.shape


SPECIAL_FLOATS = [
    np.nan,
    -np.nan,
    np.inf,
    -np.inf,
    -0.0,
    0.0,
    5e-324,
    -5e-324,
    1.7976931348623157e308,
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("dtype", ["<f2", "<f4", ">f4", "<f8", ">f8"])
def test_special_values_bit_exact(tmp_path: Path, fmt: str, dtype: str) -> None:
    info = np.finfo(dtype)
    with np.errstate(over="ignore"):
        specials = np.array(SPECIAL_FLOATS, dtype=np.float64).astype(dtype)
    extras = np.array([info.max, info.min, info.tiny, info.smallest_subnormal], dtype=dtype)
    payload_nans = np.arange(1, 4, dtype=np.uint64) | np.uint64(
        np.iinfo(f"u{info.bits // 8}").max >> 1 & ~0xF
    )
    nan_bits = payload_nans.astype(f"u{info.bits // 8}").view(np.dtype(dtype).newbyteorder("="))
    array = np.concatenate([specials, extras, nan_bits.astype(dtype)]).reshape(1, -1)
    assert np.isnan(nan_bits).all()
    path = tmp_path / f"s.{fmt}"
    tp.save(path, array)
    assert_identical(tp.load(path), array)


arrays = st.one_of(
    hnp.arrays(
        dtype=st.one_of(
            hnp.boolean_dtypes(),
            hnp.integer_dtypes(endianness="?"),
            hnp.unsigned_integer_dtypes(endianness="?"),
            hnp.floating_dtypes(endianness="?", sizes=(16, 32, 64)),
            hnp.complex_number_dtypes(endianness="?"),
        ),
        shape=st.one_of(
            hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=9),
            st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(1, 6)),
            hnp.array_shapes(min_dims=1, max_dims=5, min_side=1, max_side=4),
        ),
        elements={"allow_nan": True, "allow_infinity": True, "allow_subnormal": True},
    )
)


@given(array=arrays, fmt=st.sampled_from(FORMATS))
def test_hypothesis_round_trip(
    tmp_path_factory: pytest.TempPathFactory, array: np.ndarray, fmt: str
) -> None:
    path = tmp_path_factory.mktemp("h") / f"h.{fmt}"
    tp.save(path, array)
    assert_identical(tp.load(path), array)


@pytest.mark.parametrize("dtype", ["u1", "<u2", ">u2"])
@pytest.mark.parametrize("channels", [None, 1, 2, 3, 4])
def test_uint8_uint16_are_plain_viewable_png(
    tmp_path: Path, dtype: str, channels: int | None
) -> None:
    """Any PNG reader sees the true sample values: a 7 is gray 7."""
    import imagecodecs
    from PIL import Image

    shape = (4, 5) if channels is None else (4, 5, channels)
    array = random_bits(dtype, shape, seed=3)
    path = tmp_path / "v.png"
    meta = tp.save(path, array)
    assert meta.layout == "native"
    other = imagecodecs.png_decode(path.read_bytes())
    np.testing.assert_array_equal(other.reshape(shape), array)
    if np.dtype(dtype).itemsize == 1 or channels in (None, 1):
        with Image.open(path) as image:
            np.testing.assert_array_equal(np.asarray(image).reshape(shape), array)


def test_seed_000_int32_of_uint16_range(tmp_path: Path) -> None:
    """scipy.misc.imsave rescaled this; truepix writes a 16-bit gray PNG of the same numbers."""
    from PIL import Image

    rng = np.random.default_rng(0)
    counts = rng.integers(0, 65536, size=(120, 160)).astype(np.int32)
    counts[0, :3] = [7, 0, 65535]
    path = tmp_path / "counts.png"
    meta = tp.save(path, counts)
    assert meta.stored_dtype == np.uint16 and meta.layout == "native"
    with Image.open(path) as image:
        assert image.mode.startswith("I;16")
        np.testing.assert_array_equal(np.asarray(image), counts)
    assert_identical(tp.load(path), counts)


def test_small_wide_integers_are_16bit_gray(tmp_path: Path) -> None:
    """int64 labels that fit 16 bits: a 16-bit picture, never 8-bit (the dtype decides)."""
    labels = np.arange(12, dtype=np.int64).reshape(3, 4)
    meta = tp.save(tmp_path / "labels.png", labels)
    assert meta.stored_dtype == np.uint16
    assert_identical(tp.load(tmp_path / "labels.png"), labels)


def test_float32_uses_byte_planes(tmp_path: Path) -> None:
    field = np.linspace(0, 1, 48, dtype=np.float32).reshape(6, 8)
    meta = tp.save(tmp_path / "f.png", field)
    assert meta.layout == "planes" and meta.stored_shape == (4 * 6, 8)


def test_non_contiguous_and_views(tmp_path: Path) -> None:
    base = random_bits("<f8", (10, 12, 3), seed=5)
    view = base[::2, ::-3, 1:]
    for fmt in FORMATS:
        tp.save(tmp_path / f"v.{fmt}", view)
        assert_identical(tp.load(tmp_path / f"v.{fmt}"), np.ascontiguousarray(view))


@pytest.mark.parametrize("level", [0, 1, 6, 9])
def test_png_compression_levels(tmp_path: Path, level: int) -> None:
    array = random_bits("<u2", (33, 17, 3), seed=level)
    tp.save(tmp_path / "c.png", array, compression=level)
    assert_identical(tp.load(tmp_path / "c.png"), array)


@pytest.mark.parametrize("compression", [0, 6, "zstd", "lzw", "none", "deflate"])
def test_tiff_compression(tmp_path: Path, compression: int | str) -> None:
    array = random_bits("<f4", (33, 17), seed=1)
    tp.save(tmp_path / "c.tif", array, compression=compression)
    assert_identical(tp.load(tmp_path / "c.tif"), array)


def test_tiff_readable_by_tifffile_as_plain_image(tmp_path: Path) -> None:
    import tifffile

    array = random_bits("<f4", (9, 11, 3), seed=2)
    tp.save(tmp_path / "t.tif", array)
    np.testing.assert_array_equal(tifffile.imread(tmp_path / "t.tif"), array)


@pytest.mark.parametrize(
    ("dtype", "shape"), [("<f4", (2_000_000,)), ("u1", (1_200_000, 1)), ("?", (3, 1_100_000))]
)
def test_sides_past_png_reader_limits_are_folded(
    tmp_path: Path, dtype: str, shape: tuple[int, ...]
) -> None:
    """libpng refuses pictures wider or taller than 1,000,000: long arrays are rewrapped."""
    import imagecodecs

    array = random_bits(dtype, shape, seed=9)
    path = tmp_path / "long.png"
    meta = tp.save(path, array)
    assert max(meta.stored_shape or ()) <= 1_000_000
    imagecodecs.png_decode(path.read_bytes())  # a PNG other readers open
    assert_identical(tp.load(path), array)
