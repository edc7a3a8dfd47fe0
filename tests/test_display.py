"""to_display: every dtype and edge case, against exact oracles and matplotlib's imshow."""

from __future__ import annotations

import logging
from fractions import Fraction

import numpy as np
import pytest
import skimage.util
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from truepix import to_display
from truepix.errors import (
    InputError,
    OutOfRangeError,
    ShapeError,
    TruepixError,
    UnsupportedDtypeError,
)

INT_DTYPES = [np.uint8, np.uint16, np.uint32, np.uint64, np.int8, np.int16, np.int32, np.int64]
FLOAT_DTYPES = [np.float16, np.float32, np.float64]


def fraction_oracle(values: np.ndarray, lo: Fraction, hi: Fraction) -> np.ndarray:
    """(x - lo) / (hi - lo) in exact rational arithmetic, clipped, rounded once."""
    out = []
    for value in values.ravel().tolist():
        if isinstance(value, float) and np.isnan(value):
            out.append(np.nan)
        elif value == np.inf:
            out.append(1.0)
        elif value == -np.inf:
            out.append(0.0)
        elif hi == lo:
            out.append(1.0 if Fraction(value) > lo else 0.0)
        else:
            out.append(
                float(min(max((Fraction(value) - lo) / (hi - lo), Fraction(0)), Fraction(1)))
            )
    return np.array(out, dtype=np.float64).reshape(values.shape)


def render(image: np.ndarray, **imshow_kwargs: object) -> np.ndarray:
    """What imshow draws, one screen pixel per image pixel, as RGBA bytes."""
    height, width = image.shape[:2]
    dpi = 10
    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.imshow(image, interpolation="nearest", **imshow_kwargs)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    rendered = np.asarray(canvas.buffer_rgba()).copy()
    assert rendered.shape == (height, width, 4)
    return rendered


# ---------------------------------------------------------------- integers and bool


@pytest.mark.parametrize("dtype", INT_DTYPES)
def test_integers_map_their_full_dtype_range(dtype: type) -> None:
    info = np.iinfo(dtype)
    rng = np.random.default_rng(1)
    image = rng.integers(info.min, info.max, size=(6, 7), dtype=dtype, endpoint=True)
    image[0, :3] = [info.min, info.max, 0]
    result = to_display(image)
    expected = fraction_oracle(image, Fraction(int(info.min)), Fraction(int(info.max)))
    assert result.dtype == np.float64 and result.shape == image.shape
    if np.dtype(dtype).itemsize <= 4:
        # offsets are exact in float64: one rounding, as the oracle
        np.testing.assert_array_equal(result, expected)
    else:
        np.testing.assert_allclose(result, expected, rtol=2**-52, atol=0)
    assert result[0, 0] == 0.0 and result[0, 1] == 1.0


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.uint32, np.uint64])
def test_unsigned_integers_agree_with_scikit_image(dtype: type) -> None:
    info = np.iinfo(dtype)
    image = np.random.default_rng(2).integers(0, info.max, size=(5, 5, 3), dtype=dtype)
    np.testing.assert_allclose(
        to_display(image), skimage.util.img_as_float64(image), rtol=2**-52, atol=0
    )


@pytest.mark.parametrize("dtype", [np.int64, np.uint64])
def test_64_bit_integers_are_offset_before_rounding(dtype: type) -> None:
    # float64 cannot tell these three apart: a cast before the offset gives 0/0
    base = 2**62
    image = np.array([[base + 1, base + 2, base + 3]], dtype=dtype)
    np.testing.assert_array_equal(
        to_display(image, vmin=base + 1, vmax=base + 3), [[0.0, 0.5, 1.0]]
    )


def test_64_bit_extremes_stay_within_zero_and_one() -> None:
    top = np.array([[2**64 - 1, 2**64 - 2, 0]], dtype=np.uint64)
    np.testing.assert_array_equal(to_display(top), [[1.0, 1.0, 0.0]])
    signed = np.array([[-(2**63), 0, 2**63 - 1]], dtype=np.int64)
    np.testing.assert_array_equal(to_display(signed), [[0.0, 0.5, 1.0]])


@pytest.mark.parametrize("dtype", [np.uint8, np.uint64])
def test_a_tiny_display_range_does_not_overflow_with_a_warning(dtype: type) -> None:
    image = np.array([[0, 1, 200]], dtype=dtype)
    np.testing.assert_array_equal(to_display(image, vmin=0, vmax=1e-300), [[0.0, 1.0, 1.0]])


def test_signed_zero_is_not_black() -> None:
    # the full range of int8 is -128..127: 0 sits just above the middle
    assert to_display(np.zeros((1, 1), np.int8))[0, 0] == 128 / 255


def test_bool_maps_to_zero_and_one() -> None:
    image = np.array([[True, False], [False, True]])
    np.testing.assert_array_equal(to_display(image), image.astype(np.float64))
    np.testing.assert_array_equal(to_display(image, vmin=-1, vmax=1), [[1.0, 0.5], [0.5, 1.0]])


@given(
    hnp.arrays(
        st.sampled_from(INT_DTYPES),
        hnp.array_shapes(min_dims=2, max_dims=2, max_side=5),
    ),
    st.data(),
)
def test_integers_with_any_display_range_match_the_exact_oracle(
    image: np.ndarray, data: st.DataObject
) -> None:
    info = np.iinfo(image.dtype)
    bound = st.integers(int(info.min) - 10, int(info.max) + 10) | st.floats(
        float(info.min) - 10, float(info.max) + 10
    )
    lo, hi = sorted([data.draw(bound), data.draw(bound)])
    result = to_display(image, vmin=lo, vmax=hi)
    expected = fraction_oracle(image, Fraction(lo), Fraction(hi))
    np.testing.assert_allclose(result, expected, rtol=0, atol=2**-50)


# ---------------------------------------------------------------- floats


@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
def test_floats_map_their_finite_data_range(dtype: type) -> None:
    image = np.array([[2.0, 4.0, np.nan], [np.inf, -np.inf, 3.0]], dtype=dtype)
    np.testing.assert_array_equal(to_display(image), [[0.0, 1.0, np.nan], [1.0, 0.0, 0.5]])


finite_or_special = st.floats(allow_nan=True, allow_infinity=True, width=64)


@given(
    hnp.arrays(
        st.sampled_from(FLOAT_DTYPES),
        st.sampled_from([(3, 4), (2, 3, 1), (3, 2, 3)]),
        elements=st.floats(allow_nan=True, allow_infinity=True, width=16),
    )
)
def test_floats_match_the_exact_oracle(image: np.ndarray) -> None:
    finite = image[np.isfinite(image)].astype(np.float64)
    lo, hi = (finite.min(), finite.max()) if finite.size else (0.0, 0.0)
    result = to_display(image)
    expected = fraction_oracle(image.astype(np.float64), Fraction(lo), Fraction(hi))
    np.testing.assert_allclose(result, expected, rtol=0, atol=2**-50)
    np.testing.assert_array_equal(np.isnan(result), np.isnan(image))


@given(
    hnp.arrays(np.float64, (4, 3, 3), elements=finite_or_special),
    st.floats(-1e300, 1e300),
    st.floats(-1e300, 1e300),
)
def test_result_is_always_in_unit_interval_or_nan(
    image: np.ndarray, vmin: float, vmax: float
) -> None:
    vmin, vmax = sorted([vmin, vmax])
    for result in (to_display(image), to_display(image, vmin=vmin, vmax=vmax)):
        values = result[~np.isnan(result)]
        assert np.all((values >= 0.0) & (values <= 1.0))
        np.testing.assert_array_equal(np.isnan(result), np.isnan(image))


@given(
    # whole numbers: the rescale must not merge values that float64 keeps apart
    hnp.arrays(np.float64, (3, 3), elements=st.integers(-1000, 1000).map(float)),
    st.floats(1e-3, 1e3),
    st.floats(-1e6, 1e6),
)
def test_a_linear_rescale_of_the_data_does_not_change_the_picture(
    image: np.ndarray, gain: float, offset: float
) -> None:
    np.testing.assert_allclose(
        to_display(image * gain + offset), to_display(image), rtol=0, atol=1e-6
    )


def test_a_range_wider_than_float64_does_not_overflow() -> None:
    big = np.finfo(np.float64).max
    image = np.array([[-big, 0.0, big]])
    np.testing.assert_array_equal(to_display(image), [[0.0, 0.5, 1.0]])
    # big - vmin overflows to inf (no warning): the pixel is far above vmax, so it shows 1
    np.testing.assert_allclose(
        to_display(np.array([[big, -9.5e307]]), vmin=-1e308, vmax=-9e307), [[1.0, 0.5]]
    )


# ---------------------------------------------------------------- color images


def test_one_range_for_all_channels_keeps_the_hue() -> None:
    rgb = np.array([[[0.0, 0.25, 1.0], [0.5, 0.75, 0.125]], [[1.0, 1.0, 1.0], [0, 0, 0]]])
    np.testing.assert_array_equal(to_display(rgb * 2 - 1), rgb)
    # a per-channel stretch would turn this dull red into pure white
    dull_red = np.array([[[0.4, 0.1, 0.1], [0.2, 0.05, 0.05]]])
    shown = to_display(dull_red)
    np.testing.assert_allclose(shown[0, 0], [1.0, 0.14285714, 0.14285714])
    assert shown[0, 0, 0] > shown[0, 0, 1]


def test_rgba_alpha_is_opacity_not_color() -> None:
    rgba = np.zeros((2, 2, 4))
    rgba[..., :3] = [[[0, 5, 10]]]
    rgba[..., 3] = 0.25
    result = to_display(rgba)
    np.testing.assert_array_equal(result[..., :3], rgba[..., :3] / 10)
    np.testing.assert_array_equal(result[..., 3], 0.25)
    ranged = to_display(rgba, vmin=0, vmax=5)
    np.testing.assert_array_equal(ranged[0, 0], [0.0, 1.0, 1.0, 0.25])


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.int16])
def test_integer_alpha_maps_its_dtype_range(dtype: type) -> None:
    info = np.iinfo(dtype)
    rgba = np.full((1, 2, 4), info.max, dtype=dtype)
    rgba[0, 1, 3] = info.min
    result = to_display(rgba, vmin=0, vmax=1)
    np.testing.assert_array_equal(result[0, :, 3], [1.0, 0.0])


def test_float_alpha_outside_unit_interval_is_an_error_not_a_clip() -> None:
    rgba = np.ones((2, 2, 4))
    rgba[0, 0, 3] = 2.0
    rgba[1, 1, 3] = -0.5
    with pytest.raises(OutOfRangeError, match=r"2 values outside it, in \[-0.5, 2\]"):
        to_display(rgba)
    rgba[0, 0, 3] = np.nan
    rgba[1, 1, 3] = 0.0
    assert np.isnan(to_display(rgba)[0, 0, 3])


def test_single_channel_is_gray() -> None:
    image = np.arange(6.0).reshape(2, 3, 1)
    np.testing.assert_array_equal(to_display(image), image / 5)


# ---------------------------------------------------------------- vmin / vmax


def test_display_range_saturates() -> None:
    image = np.array([[-5.0, 0.0, 5.0, 10.0, 20.0]])
    np.testing.assert_array_equal(to_display(image, vmin=0, vmax=10), [[0.0, 0.0, 0.5, 1.0, 1.0]])
    np.testing.assert_array_equal(to_display(image, vmin=0), [[0.0, 0.0, 0.25, 0.5, 1.0]])
    np.testing.assert_array_equal(to_display(image, vmax=15), [[0.0, 0.25, 0.5, 0.75, 1.0]])


def test_integer_display_range_in_data_units() -> None:
    twelve_bit = np.array([[0, 2048, 4095, 4096, 65535]], dtype=np.uint16)
    np.testing.assert_array_equal(
        to_display(twelve_bit, vmin=0, vmax=4096), [[0.0, 0.5, 4095 / 4096, 1.0, 1.0]]
    )


@pytest.mark.parametrize(
    ("image", "kwargs", "expected"),
    [
        # a given bound beyond the other end of the range is a threshold there
        (np.array([[1.0, 2.0, 3.0]]), {"vmin": 100}, [[0.0, 0.0, 0.0]]),
        (np.array([[1.0, 2.0, 3.0]]), {"vmax": -100}, [[1.0, 1.0, 1.0]]),
        (np.array([[1, 2, 3]], np.uint8), {"vmin": 300}, [[0.0, 0.0, 0.0]]),
        (np.array([[1, 2, 3]], np.uint8), {"vmax": -1}, [[1.0, 1.0, 1.0]]),
        (np.array([[1, 2, 3]], np.uint8), {"vmin": 2, "vmax": 2}, [[0.0, 0.0, 1.0]]),
        (np.array([[1, 2, 3]], np.uint8), {"vmin": 2.5, "vmax": 2.5}, [[0.0, 0.0, 1.0]]),
        (np.array([[1.0, 2.0, np.nan]]), {"vmin": 2, "vmax": 2}, [[0.0, 0.0, np.nan]]),
        # both bounds outside the dtype's range
        (np.array([[0, 255]], np.uint8), {"vmin": -10, "vmax": -5}, [[1.0, 1.0]]),
        (np.array([[0, 255]], np.uint8), {"vmin": 300, "vmax": 400}, [[0.0, 0.0]]),
        (np.array([[0, 255]], np.uint8), {"vmin": -255, "vmax": 255}, [[0.5, 1.0]]),
    ],
)
def test_threshold_and_out_of_dtype_ranges(
    image: np.ndarray, kwargs: dict[str, float], expected: list[list[float]]
) -> None:
    np.testing.assert_array_equal(to_display(image, **kwargs), expected)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"vmin": 2, "vmax": 1}, "expected vmin <= vmax"),
        ({"vmin": np.nan}, "expected a finite vmin"),
        ({"vmax": np.inf}, "expected a finite vmax"),
        ({"vmax": 10**400}, "expected a finite vmax"),
        ({"vmin": "0"}, "expected vmin to be a real number"),
        ({"vmin": True}, "expected vmin to be a real number"),
        ({"vmax": 1 + 2j}, "expected vmax to be a real number"),
    ],
)
def test_bad_display_ranges(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        to_display(np.zeros((2, 2)), **kwargs)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)


# ---------------------------------------------------------------- edge cases


@pytest.mark.parametrize("dtype", [*FLOAT_DTYPES, *INT_DTYPES])
def test_constant_images_without_warnings(dtype: type) -> None:
    # warnings are errors in this suite: a 0/0 here would fail the test
    image = np.full((3, 3), 7, dtype=dtype)
    if np.dtype(dtype).kind == "f":
        expected = np.zeros((3, 3))  # a threshold at the constant: nothing above it
    else:
        info = np.iinfo(dtype)  # integers do not depend on the data at all
        expected = fraction_oracle(image, Fraction(int(info.min)), Fraction(int(info.max)))
    np.testing.assert_array_equal(to_display(image), expected)


def test_all_nan_and_all_infinite_images_without_warnings() -> None:
    assert np.isnan(to_display(np.full((2, 2), np.nan))).all()
    image = np.array([[np.nan, np.inf], [-np.inf, np.nan]], dtype=np.float32)
    np.testing.assert_array_equal(to_display(image), [[np.nan, 1.0], [0.0, np.nan]])
    np.testing.assert_array_equal(to_display(image, vmin=-1), [[np.nan, 1.0], [0.0, np.nan]])


def test_masked_elements_become_nan_and_do_not_set_the_range() -> None:
    image = np.ma.masked_array([[1.0, 1e9, 3.0]], mask=[[False, True, False]])
    np.testing.assert_array_equal(to_display(image), [[0.0, np.nan, 1.0]])
    ints = np.ma.masked_array(np.array([[0, 255]], np.uint8), mask=[[True, False]])
    np.testing.assert_array_equal(to_display(ints), [[np.nan, 1.0]])
    unmasked = np.ma.masked_array([[1.0, 3.0]])
    np.testing.assert_array_equal(to_display(unmasked), [[0.0, 1.0]])


@pytest.mark.parametrize("dtype", [np.float64, np.uint8])
def test_input_is_left_alone_and_output_is_new(dtype: type) -> None:
    image = np.array([[0, 1], [2, 3]], dtype=dtype)
    before = image.copy()
    result = to_display(image)
    np.testing.assert_array_equal(image, before)
    assert not np.shares_memory(result, image)


def test_lists_are_accepted() -> None:
    np.testing.assert_array_equal(to_display([[0.0, 2.0]]), [[0.0, 1.0]])


@pytest.mark.parametrize("shape", [(5,), (2, 2, 2), (2, 2, 5), (1, 2, 2, 3), (0, 4), (3, 0, 3), ()])
def test_shapes_that_are_not_images(shape: tuple[int, ...]) -> None:
    with pytest.raises(ShapeError, match=r"expected .*got shape") as caught:
        to_display(np.zeros(shape))
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, TruepixError)


@pytest.mark.parametrize(
    "image",
    [
        np.zeros((2, 2), np.complex128),
        np.array([["a", "b"]]),
        np.array([[None, 1]], dtype=object),
        np.zeros((2, 2), "datetime64[s]"),
        np.zeros((2, 2), "timedelta64[s]"),
    ],
)
def test_dtypes_without_a_display_mapping(image: np.ndarray) -> None:
    with pytest.raises(UnsupportedDtypeError, match="expected a bool, integer or float image"):
        to_display(image)


# ---------------------------------------------------------------- versus matplotlib's imshow


def test_imshow_clips_rgb_floats_in_minus_one_one_while_to_display_does_not(
    caplog: pytest.LogCaptureFixture,
) -> None:
    rng = np.random.default_rng(3)
    # multiples of 1/256: (x * 2 - 1) and back are exact, so the pictures can be equal
    original = rng.integers(0, 257, size=(8, 12, 3)) / 256
    original[0, 0] = [0.0, 0.0, 0.0]
    original[0, 1] = [1.0, 1.0, 1.0]
    rescaled = original * 2 - 1

    reference = render(original)
    np.testing.assert_array_equal(render(to_display(rescaled)), reference)

    with caplog.at_level(logging.WARNING, logger="matplotlib.image"):
        clipped = render(rescaled)
    assert "Clipping input data to the valid range for imshow with RGB data" in caplog.text
    assert not np.array_equal(clipped, reference)
    # what imshow shows instead is the upper half only: max(2x - 1, 0)
    np.testing.assert_array_equal(clipped, render(np.clip(rescaled, 0, 1)))


def test_imshow_saturates_uint16_rgb_while_to_display_scales_it() -> None:
    rng = np.random.default_rng(4)
    eight_bit = rng.integers(0, 256, size=(6, 6, 3), dtype=np.uint8)
    sixteen_bit = eight_bit.astype(np.uint16) * 257  # the same picture, 16-bit
    np.testing.assert_array_equal(to_display(sixteen_bit), eight_bit / 255)

    saturated = render(sixteen_bit)
    assert np.all(saturated[..., :3][eight_bit > 0] == 255)  # every nonzero sample white
    # float RGB is drawn as trunc(255 x): at most one level below the 8-bit bytes
    difference = render(to_display(sixteen_bit)).astype(int) - render(eight_bit).astype(int)
    assert difference.min() >= -1 and difference.max() == 0


def test_imshow_stretches_a_dim_gray_integer_image_while_to_display_does_not() -> None:
    dim = np.array([[10, 20], [30, 50]], dtype=np.uint8)
    fig = Figure()
    shown = fig.add_subplot().imshow(dim, cmap="gray")
    assert (shown.norm.vmin, shown.norm.vmax) == (10, 50)  # imshow: the data range
    np.testing.assert_array_equal(to_display(dim), dim / 255)

    stretched = render(dim, cmap="gray")
    assert stretched[1, 1, 0] == 255  # the brightest pixel becomes white
    kept = render(to_display(dim), cmap="gray", vmin=0, vmax=1)
    np.testing.assert_array_equal(kept[..., 0], render(dim, cmap="gray", vmin=0, vmax=255)[..., 0])
    assert kept[1, 1, 0] < 60


def test_nan_is_drawn_transparent_as_imshow_draws_it() -> None:
    image = np.array([[0.0, np.nan], [1.0, 0.5]])
    np.testing.assert_array_equal(render(to_display(image), vmin=0, vmax=1), render(image))
    # the colormap's "bad" color is transparent: the white figure shows through
    np.testing.assert_array_equal(render(image)[0, 1], [255, 255, 255, 255])
