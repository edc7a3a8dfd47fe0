"""Norms: matplotlib is the oracle for forward; every norm round-trips."""

from __future__ import annotations

import warnings

import matplotlib.colors as mcolors
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from truepix.color._norms import NORMS, LinearNorm, LogNorm, MatplotlibNorm, get_norm
from truepix.errors import InputError, UnsupportedDtypeError

MPL_NORMS = {"linear": mcolors.Normalize, "log": mcolors.LogNorm}
DTYPES = ["float64", "float32", "float16", "uint8", "uint16", "int16", "int32", "int64", "bool"]
LIMITS = [(0.0, 1.0), (1500, 4500), (np.float32(0.1), 0.9), (-3.3, 7.1), (1e-3, 1e5), (2.0, 2.0)]


def _data(dtype: str, vmin: float, vmax: float, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    span = max(float(vmax) - float(vmin), 1.0)
    x = rng.normal(size=500) * span + float(vmin) + span / 2
    if dtype == "bool":
        return x > float(vmin) + span / 2
    if np.dtype(dtype).kind in "iu":
        info = np.iinfo(dtype)
        return np.clip(np.round(x), info.min, info.max).astype(dtype)
    special = [np.nan, np.inf, -np.inf, 0.0, -0.0, float(vmin), float(vmax)]
    with np.errstate(over="ignore"):
        return np.concatenate([x, special]).astype(dtype)


def _reference(name: str, vmin: float, vmax: float, data: np.ndarray) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        result = MPL_NORMS[name](vmin, vmax)(data)
    filled = np.ma.filled(result.astype(result.dtype), np.nan)
    if float(vmin) == float(vmax):
        # matplotlib maps everything to 0 there, NaN (and log's x <= 0) included;
        # truepix keeps invalid values invalid.
        raw = np.ma.getdata(data).astype(float)
        filled[np.isnan(raw) | ((raw <= 0) if name == "log" else False)] = np.nan
    return filled


@pytest.mark.parametrize(
    ("name", "vmin", "vmax"),
    [
        (name, *limits)
        for name in sorted(NORMS)
        for limits in LIMITS
        if name != "log" or limits[0] > 0
    ],  # log needs vmin > 0: see test_bad_arguments
)
@pytest.mark.parametrize("dtype", DTYPES)
def test_forward_is_bit_identical_to_matplotlib(name, dtype, vmin, vmax) -> None:
    data = _data(dtype, vmin, vmax)
    ours = get_norm(name, vmin, vmax).forward(data)
    expected = _reference(name, vmin, vmax, data)
    assert ours.dtype == expected.dtype
    np.testing.assert_array_equal(ours, expected)


@pytest.mark.parametrize("name", sorted(NORMS))
def test_masked_values_are_invalid(name: str) -> None:
    data = np.ma.masked_array([1.0, 2.0, 3.0, 4.0], mask=[False, True, False, False])
    ours = get_norm(name, 1.0, 4.0).forward(data)
    expected = np.ma.filled(MPL_NORMS[name](1.0, 4.0)(data), np.nan)
    np.testing.assert_array_equal(ours, expected)
    assert np.isnan(ours[1])


@pytest.mark.parametrize("name", sorted(NORMS))
def test_clip_matches_matplotlib(name: str) -> None:
    data = np.array([0.5, 1.0, 2.0, 9.0, 12.0])
    ours = get_norm(name, 1.0, 10.0, clip=True).forward(data)
    expected = MPL_NORMS[name](1.0, 10.0, clip=True)(data)
    np.testing.assert_array_equal(ours, np.ma.filled(expected, np.nan))


# One generic round trip for every registered norm: inverse(forward(x)) == x.
@pytest.mark.parametrize("name", sorted(NORMS))
@given(
    values=hnp.arrays(np.float64, st.integers(1, 50), elements=st.floats(1e-6, 1e6)),
    limits=st.tuples(st.floats(1e-6, 1e6), st.floats(1e-6, 1e6)).filter(
        lambda t: abs(t[0] - t[1]) > 1e-9 * max(t)
    ),
)
def test_round_trip(name: str, values: np.ndarray, limits: tuple[float, float]) -> None:
    vmin, vmax = sorted(limits)
    norm = get_norm(name, vmin, vmax)
    back = norm.inverse(norm.forward(values))
    assert back.dtype == np.float64
    np.testing.assert_allclose(back, values, rtol=1e-6, atol=1e-9 * (vmax - vmin))
    np.testing.assert_allclose(norm.inverse(np.array([0.0, 1.0])), [vmin, vmax], rtol=1e-12)


@pytest.mark.parametrize("name", sorted(NORMS))
def test_inverse_matches_matplotlib(name: str) -> None:
    y = np.linspace(-0.5, 1.5, 41)
    expected = MPL_NORMS[name](0.5, 500.0).inverse(y)
    np.testing.assert_allclose(get_norm(name, 0.5, 500.0).inverse(y), expected, rtol=1e-14)


def test_matplotlib_norm_objects() -> None:
    assert get_norm(mcolors.Normalize(1, 2), None, None) == LinearNorm(1, 2)
    assert get_norm(mcolors.LogNorm(1, 2), None, None) == LogNorm(1, 2)
    assert get_norm(mcolors.Normalize(), 0, 5) == LinearNorm(0, 5)  # an unscaled norm
    assert get_norm(mcolors.Normalize(1, 2), 1, 2) == LinearNorm(1, 2)  # the same limits
    with pytest.raises(InputError, match="vmin=0 and the norm's vmin=1"):
        get_norm(mcolors.Normalize(1, 2), 0, 5)  # limits given twice must agree
    assert get_norm(mcolors.Normalize(1, 2, clip=True), None, None).clip
    power = mcolors.PowerNorm(0.5, vmin=0.0, vmax=4.0)
    wrapped = get_norm(power, None, None)
    assert isinstance(wrapped, MatplotlibNorm)
    data = np.array([0.0, 1.0, 4.0, np.nan])
    np.testing.assert_array_equal(wrapped.forward(data), np.ma.filled(power(data), np.nan))
    np.testing.assert_allclose(wrapped.inverse(wrapped.forward(data)), data)
    unscaled = mcolors.PowerNorm(0.5)
    moved = get_norm(unscaled, 0.0, 16.0)
    assert moved.vmax == 16.0 and unscaled.vmax is None  # the caller's norm is left alone


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (("linear", 2.0, 1.0), "vmin <= vmax"),
        (("linear", np.nan, 1.0), "finite vmin"),
        (("linear", 0.0, np.inf), "finite vmax"),
        (("linear", "0", 1.0), "real number"),
        (("linear", None, 1.0), "expected vmin and vmax"),
        (("log", 0.0, 1.0), "vmin > 0"),
        (("log", -1.0, 1.0), "vmin > 0"),
        (("lin", 0.0, 1.0), "did you mean 'linear'"),
    ],
)
def test_bad_arguments(args: tuple, match: str) -> None:
    with pytest.raises(InputError, match=match):
        get_norm(*args)


def test_bad_norm_types() -> None:
    with pytest.raises(UnsupportedDtypeError, match="got 3$"):  # the value, as given
        get_norm(3, 0, 1)
    with pytest.raises(UnsupportedDtypeError, match="got None$"):  # (said "NoneType")
        get_norm(None, 0, 1)
    with pytest.raises(InputError, match="vmin and vmax set"):
        get_norm(mcolors.Normalize(), None, None)
    with pytest.raises(UnsupportedDtypeError, match="complex"):
        get_norm("linear", 0, 1).forward(np.array([1j]))
