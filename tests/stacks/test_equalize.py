"""equalize against scikit-image (floats, integers) and OpenCV (uint8), and kernel vs oracle."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from skimage.exposure import equalize_hist

import truepix as tp
from truepix.errors import InputError, ShapeError, UnsupportedDtypeError
from truepix.stacks._equalize_numpy import equalize_image


def skimage_each(
    images: np.ndarray, nbins: int = 256, mask: np.ndarray | None = None
) -> np.ndarray:
    flat = images.reshape(-1, *images.shape[-2:])
    masks = None if mask is None else np.broadcast_to(mask, images.shape).reshape(flat.shape)
    out = [
        equalize_hist(image, nbins=nbins, mask=None if masks is None else masks[k])
        for k, image in enumerate(flat)
    ]
    return np.stack(out).reshape(images.shape).astype(np.float64)


def check_against_scikit_image(images: np.ndarray, nbins: int = 256) -> None:
    """Equal to scikit-image to 1e-6 -- or refused where scikit-image refuses (too many bins)."""
    try:
        expected = skimage_each(images, nbins)
    except ValueError as exc:
        assert "Too many bins" in str(exc)
        with pytest.raises(InputError, match=r"repeat|separate"):
            tp.equalize(images, nbins=nbins)
        return
    got = tp.equalize(images, nbins=nbins)
    assert got.dtype == np.float64 and got.shape == images.shape
    assert np.abs(got - expected).max() <= 1e-6
    assert np.array_equal(got, oracle_each(images, nbins))  # the kernel is the oracle, exactly


def opencv_each(images: np.ndarray) -> np.ndarray:
    flat = images.reshape(-1, *images.shape[-2:])
    return np.stack([cv2.equalizeHist(image) for image in flat]).reshape(images.shape)


def oracle_each(images: np.ndarray, nbins: int = 256, mask: np.ndarray | None = None) -> np.ndarray:
    flat = images.reshape(-1, *images.shape[-2:])
    masks = None if mask is None else np.broadcast_to(mask, images.shape).reshape(flat.shape)
    out = [
        equalize_image(image, nbins, None if masks is None else masks[k])
        for k, image in enumerate(flat)
    ]
    return np.stack(out).reshape(images.shape)


def _images(kind: str, shape: tuple[int, ...], seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if kind == "uniform":
        return rng.random(shape, dtype=np.float32)
    if kind == "gamma":
        return rng.gamma(1.5, 2.0, shape)
    if kind == "few levels":
        return rng.integers(0, 5, shape).astype(np.float64) / 4
    if kind == "tiny range":
        return (1000 + rng.random(shape) * 1e-3).astype(np.float32)
    if kind == "negative":
        return (rng.standard_normal(shape) * 1e4).astype(np.float32)
    raise ValueError(kind)


FLOAT_KINDS = ["uniform", "gamma", "few levels", "tiny range", "negative"]


def test_too_many_bins_for_a_tiny_range_is_refused_as_scikit_image_does() -> None:
    images = _images("tiny range", (2, 30, 30), seed=0)  # ~16 float32 levels in the range
    with pytest.raises(ValueError, match="Too many bins"):
        equalize_hist(images[0], nbins=256)
    with pytest.raises(InputError, match="repeat"):
        tp.equalize(images, nbins=256)
    check_against_scikit_image(images, nbins=8)


@pytest.mark.parametrize("kind", FLOAT_KINDS)
@pytest.mark.parametrize("nbins", [256, 7, 1000])
def test_floats_equal_scikit_image(kind: str, nbins: int) -> None:
    check_against_scikit_image(_images(kind, (6, 1, 33, 29), seed=nbins), nbins)


@pytest.mark.parametrize("shape", [(40, 31), (3, 40, 31), (2, 3, 40, 31), (1800, 1, 12, 12)])
def test_any_leading_batch_shape(shape: tuple[int, ...]) -> None:
    images = _images("gamma", shape, seed=len(shape))
    assert np.abs(tp.equalize(images) - skimage_each(images)).max() <= 1e-6


@given(
    hnp.arrays(
        st.sampled_from([np.float32, np.float64]),
        st.tuples(st.integers(1, 3), st.integers(1, 9), st.integers(1, 9)),
        elements=st.floats(-1e6, 1e6, width=32),
    ),
    st.integers(1, 300),
)
def test_floats_equal_scikit_image_for_any_values(images: np.ndarray, nbins: int) -> None:
    check_against_scikit_image(images, nbins)


def test_float16_takes_the_plain_path_and_still_equals_scikit_image() -> None:
    images = _images("uniform", (3, 20, 21), seed=1).astype(np.float16)
    assert np.abs(tp.equalize(images) - skimage_each(images)).max() <= 1e-6


@pytest.mark.parametrize("dtype", ["uint16", "int16", "int8", "int32", "int64", "uint32"])
def test_other_integers_equal_scikit_image(dtype: str) -> None:
    info = np.iinfo(dtype)
    rng = np.random.default_rng(4)
    low, high = max(info.min, -3000), min(info.max, 3000)
    images = rng.integers(low, high, (5, 30, 20), endpoint=True).astype(dtype)
    got = tp.equalize(images)
    assert got.dtype == np.float64
    assert np.abs(got - skimage_each(images)).max() <= 1e-6
    assert np.array_equal(got, oracle_each(images))


UINT8_CASES = {
    "random": lambda rng: rng.integers(0, 256, (20, 64, 48), dtype=np.uint8),
    "dim": lambda rng: (rng.integers(0, 40, (20, 64, 48)) + 100).astype(np.uint8),
    "two levels": lambda rng: (rng.random((20, 64, 48)) > 0.9).astype(np.uint8) * 200,
    "constant": lambda rng: np.full((3, 8, 9), 77, np.uint8),
    "one pixel": lambda rng: rng.integers(0, 256, (5, 1, 1), dtype=np.uint8),
    "big image": lambda rng: rng.integers(0, 256, (1, 1500, 1500), dtype=np.uint8),
    "extremes": lambda rng: np.array([[[0, 255], [255, 255]]], np.uint8),
}


@pytest.mark.parametrize("case", sorted(UINT8_CASES))
def test_uint8_equals_opencv_bit_for_bit(case: str) -> None:
    images = UINT8_CASES[case](np.random.default_rng(8))
    got = tp.equalize(images)
    assert got.dtype == np.uint8
    assert np.array_equal(got, opencv_each(images))
    assert np.array_equal(got, oracle_each(images))


def test_uint8_batch_of_any_leading_shape() -> None:
    images = np.random.default_rng(2).integers(0, 90, (4, 3, 2, 16, 16), dtype=np.uint8)
    assert np.array_equal(tp.equalize(images), opencv_each(images))


@pytest.mark.parametrize("dtype", ["float32", "float64", "uint16"])
@pytest.mark.parametrize("mask_shape", ["shared", "per image", "broadcast"])
def test_mask_as_scikit_image(dtype: str, mask_shape: str) -> None:
    rng = np.random.default_rng(6)
    images = (rng.gamma(2.0, 3.0, (4, 2, 30, 25)) * 100).astype(dtype)
    images[0, 0, 0, 0] = 1e6 if dtype != "uint16" else 65535  # outside the masked range
    shape = {"shared": (30, 25), "per image": images.shape, "broadcast": (4, 1, 30, 25)}[mask_shape]
    mask = rng.random(shape) > 0.4
    mask[..., 0, 0] = False
    got = tp.equalize(images, mask=mask)
    assert np.abs(got - skimage_each(images, mask=mask)).max() <= 1e-6
    assert np.array_equal(got, oracle_each(images, mask=mask))


def test_uint8_mask_uses_opencvs_table_of_the_masked_pixels() -> None:
    rng = np.random.default_rng(7)
    images = rng.integers(20, 200, (3, 40, 30), dtype=np.uint8)
    mask = rng.random((40, 30)) > 0.5
    got = tp.equalize(images, mask=mask)
    for image, out in zip(images, got, strict=True):
        # OpenCV on the masked pixels alone gives their levels
        assert np.array_equal(out[mask], cv2.equalizeHist(image[mask][np.newaxis])[0])
    assert np.array_equal(got, oracle_each(images, mask=mask))


def test_nan_outside_the_mask_stays_nan_inside_is_refused() -> None:
    images = _images("gamma", (2, 10, 10), seed=3)
    images[1, 2, 3] = np.nan
    mask = np.ones((10, 10), bool)
    mask[2, 3] = False
    got = tp.equalize(images, mask=mask)
    assert np.isnan(got[1, 2, 3]) and np.isfinite(np.delete(got.ravel(), 100 + 23)).all()
    with pytest.raises(InputError, match=r"image \(1,\)"):
        tp.equalize(images)


BAD = {
    "1-D": (np.zeros(5), {}, ShapeError),
    "empty": (np.zeros((3, 0, 4)), {}, ShapeError),
    "bool": (np.zeros((3, 4), bool), {}, UnsupportedDtypeError),
    "complex": (np.zeros((3, 4), complex), {}, UnsupportedDtypeError),
    "uint8 nbins": (np.zeros((3, 4), np.uint8), {"nbins": 64}, InputError),
    "int16 nbins": (np.zeros((3, 4), np.int16), {"nbins": 64}, InputError),
    "nbins 0": (np.zeros((3, 4)), {"nbins": 0}, InputError),
    "nbins float": (np.zeros((3, 4)), {"nbins": 2.5}, InputError),
    "mask shape": (np.zeros((2, 3, 4)), {"mask": np.ones((4, 3), bool)}, ShapeError),
    "empty mask": (np.zeros((2, 3, 4)), {"mask": np.zeros((3, 4), bool)}, InputError),
    "inf": (np.array([[0.0, np.inf]]), {}, InputError),
    "wide integers": (np.array([[0, 2**40]], np.int64), {}, InputError),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_refused(case: str) -> None:
    images, options, error = BAD[case]
    with pytest.raises(error, match="expected"):
        tp.equalize(images, **options)


# ---------------------------------------------------------------- masked arrays


def test_masked_pixels_stay_out_of_the_histogram_and_come_back_masked() -> None:
    rng = np.random.default_rng(31)
    images = rng.random((3, 20, 24))
    hidden = rng.random(images.shape) < 0.25
    hidden[..., :4, :] = True  # a bright band that must not shift the others
    images[hidden] += 5.0
    out = tp.equalize(np.ma.masked_array(images, hidden))
    assert isinstance(out, np.ma.MaskedArray)
    np.testing.assert_array_equal(np.ma.getmaskarray(out), hidden)
    for k in range(3):
        expected = equalize_hist(images[k], mask=~hidden[k])
        np.testing.assert_allclose(out[k].compressed(), expected[~hidden[k]], atol=1e-6)


def test_masked_uint8_with_a_mask_argument_too() -> None:
    rng = np.random.default_rng(32)
    images = rng.integers(0, 256, (2, 16, 16), dtype=np.uint8)
    hidden = images > 200
    region = np.zeros((16, 16), bool)
    region[:, :10] = True
    out = tp.equalize(np.ma.masked_array(images, hidden), mask=region)
    expected = tp.equalize(images, mask=region & ~hidden)
    np.testing.assert_array_equal(out.filled(0), np.where(hidden, 0, expected))
    with pytest.raises(InputError, match="select at least one pixel"):
        tp.equalize(np.ma.masked_all((2, 3, 3), np.float64))
