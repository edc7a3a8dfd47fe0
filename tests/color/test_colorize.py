"""colorize against matplotlib, the oracle: every registered map, every dtype."""

from __future__ import annotations

import warnings

import matplotlib
import matplotlib.colors as mcolors
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import truepix as tp
from truepix.errors import InputError, UnknownColormapError, UnsupportedDtypeError

MATPLOTLIB_NAMES = list(matplotlib.colormaps)  # the _r variants are registered too
SPECIAL = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, 1e-300, -1e-300, 1e30, -1e30]


def _values(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    # bin edges of every N that occurs (256, 510, short listed maps) plus noise around
    edges = np.concatenate([np.arange(n + 1) / n for n in (256, 510, 20, 12, 10, 9, 8)])
    return np.concatenate([rng.uniform(-0.3, 1.3, 300), edges, np.nextafter(edges, 2), SPECIAL])


def _oracle(data, cmap="viridis", vmin=0.0, vmax=1.0, norm=mcolors.Normalize, colormap=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mapped = (colormap or matplotlib.colormaps[cmap])(norm(vmin, vmax)(data), bytes=True)
    return mapped


@pytest.mark.parametrize("name", MATPLOTLIB_NAMES)
def test_every_matplotlib_map_is_bit_identical(name: str) -> None:
    values = _values(0)
    for dtype in (np.float64, np.float32):
        data = values.astype(dtype).reshape(-1, 3)
        np.testing.assert_array_equal(
            tp.colorize(data, cmap=name, vmin=0.0, vmax=1.0), _oracle(data, name)
        )
    log_data = np.abs(values) * 100
    np.testing.assert_array_equal(
        tp.colorize(log_data, cmap=name, vmin=0.5, vmax=80.0, norm="log"),
        _oracle(log_data, name, 0.5, 80.0, mcolors.LogNorm),
    )


@pytest.mark.parametrize(
    "dtype", ["float16", "uint8", "uint16", "int8", "int16", "int32", "int64", "uint64", "bool"]
)
@pytest.mark.parametrize(("vmin", "vmax"), [(0, 1), (3, 200), (-50.5, 70.25), (np.float32(1.1), 9)])
def test_every_dtype_is_bit_identical(dtype: str, vmin: float, vmax: float) -> None:
    rng = np.random.default_rng(1)
    raw = rng.uniform(-100, 300, 2000)
    if dtype == "bool":
        data = raw > 100
    elif np.dtype(dtype).kind in "iu":
        info = np.iinfo(dtype)
        data = np.clip(raw, info.min, info.max).astype(dtype)
    else:
        data = raw.astype(dtype)
    for name in ("viridis", "twilight", "tab10"):
        np.testing.assert_array_equal(
            tp.colorize(data, cmap=name, vmin=vmin, vmax=vmax), _oracle(data, name, vmin, vmax)
        )


@pytest.mark.parametrize("norm", [mcolors.Normalize, mcolors.LogNorm])
def test_masked_arrays_use_the_bad_color(norm) -> None:
    data = np.ma.masked_array(np.linspace(0.5, 10, 24).reshape(4, 6), mask=np.eye(4, 6, dtype=bool))
    name = {mcolors.Normalize: "linear", mcolors.LogNorm: "log"}[norm]
    ours = tp.colorize(data, cmap="magma", vmin=1, vmax=9, norm=name)
    np.testing.assert_array_equal(ours, _oracle(data, "magma", 1, 9, norm))
    np.testing.assert_array_equal(ours[0, 0], [0, 0, 0, 0])


def test_norm_objects_are_accepted() -> None:
    data = np.linspace(-1, 20, 50)
    np.testing.assert_array_equal(
        tp.colorize(data, cmap="jet", norm=mcolors.LogNorm(0.1, 10)),
        _oracle(data, "jet", 0.1, 10, mcolors.LogNorm),
    )
    power = mcolors.PowerNorm(0.5, vmin=0, vmax=16)
    np.testing.assert_array_equal(
        tp.colorize(data, cmap="jet", norm=power),
        matplotlib.colormaps["jet"](power(data), bytes=True),
    )


def test_vmin_equal_vmax_uses_the_lowest_color() -> None:
    data = np.array([1.0, 2.0, 3.0])
    np.testing.assert_array_equal(
        tp.colorize(data, cmap="viridis", vmin=2, vmax=2), _oracle(data, "viridis", 2, 2)
    )
    # NaN stays "bad" (matplotlib would draw it with the lowest color here)
    assert tp.colorize(np.array([np.nan]), vmin=2, vmax=2)[0].tolist() == [0, 0, 0, 0]


def test_autoscale_matches_matplotlib_on_finite_data() -> None:
    for data in (np.random.default_rng(2).normal(size=(7, 9)), np.arange(-5, 300, dtype=np.int16)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            expected = matplotlib.colormaps["inferno"](mcolors.Normalize()(data), bytes=True)
        np.testing.assert_array_equal(tp.colorize(data, cmap="inferno"), expected)


def test_autoscale_ignores_nan_inf_and_masked() -> None:
    data = np.ma.masked_array(
        [np.nan, 2.0, 3.0, 100.0, np.inf, -np.inf, 4.0], mask=[0, 0, 0, 1, 0, 0, 0]
    )
    ours = tp.colorize(data, cmap="gray")
    expected = _oracle(data, "gray", 2.0, 4.0)
    # matplotlib draws an unmasked NaN of a masked array with the lowest color;
    # truepix keeps NaN "bad" (transparent)
    assert expected[0].tolist() == [0, 0, 0, 255]
    expected[0] = 0
    np.testing.assert_array_equal(ours, expected)
    positive = np.array([-1.0, 0.0, 1.0, 100.0])
    np.testing.assert_array_equal(
        tp.colorize(positive, cmap="gray", norm="log"),
        _oracle(positive, "gray", 1.0, 100.0, mcolors.LogNorm),
    )


def test_extremes_follow_matplotlib() -> None:
    data = np.array([-1.0, 0.5, 2.0, np.nan])
    for kwargs in (
        {"bad": "white", "under": "red", "over": (0, 0, 1, 0.5)},
        {"under": "#12345680"},
        {"bad": "k"},
    ):
        colormap = matplotlib.colormaps["cividis"].with_extremes(**kwargs)
        expected = _oracle(data, colormap=colormap)
        np.testing.assert_array_equal(
            tp.colorize(data, cmap="cividis", vmin=0, vmax=1, **kwargs), expected
        )
        # a Colormap object carries its own extremes
        np.testing.assert_array_equal(tp.colorize(data, cmap=colormap, vmin=0, vmax=1), expected)


def test_catalog_maps_from_other_sources() -> None:
    data = np.linspace(0, 1, 1000)
    entry = tp.color.catalog["cmocean:thermal"]
    expected = _oracle(data, colormap=matplotlib.colors.ListedColormap(entry.lut))
    np.testing.assert_array_equal(
        tp.colorize(data, cmap="cmocean:thermal", vmin=0, vmax=1), expected
    )
    import cv2

    ramp = np.arange(256, dtype=np.uint8)
    painted = cv2.applyColorMap(ramp.reshape(-1, 1), cv2.COLORMAP_TURBO)[:, 0, ::-1]
    # a value at the centre of bin i gets OpenCV's color i
    centres = (ramp + 0.5) / 256
    np.testing.assert_array_equal(
        tp.colorize(centres, cmap="opencv:turbo", vmin=0, vmax=1)[:, :3], painted
    )


def test_color_arrays_as_colormaps() -> None:
    colors = np.array([[255, 0, 0], [0, 255, 0], [0, 0, 255]], dtype=np.uint8)
    out = tp.colorize(np.array([0.0, 0.5, 1.0]), cmap=colors, vmin=0, vmax=1)
    np.testing.assert_array_equal(out[:, :3], colors)


@pytest.mark.parametrize("shape", [(), (0,), (5,), (3, 0), (2, 3, 4), (1, 1, 1, 2)])
def test_output_shape_is_the_data_shape(shape: tuple[int, ...]) -> None:
    data = np.random.default_rng(3).uniform(size=shape)
    out = tp.colorize(data, vmin=0, vmax=1)
    assert out.shape == (*shape, 4)
    assert out.dtype == np.uint8
    np.testing.assert_array_equal(out, np.asarray(_oracle(data)).reshape(out.shape))


@given(
    data=hnp.arrays(
        st.sampled_from([np.float64, np.float32]),
        hnp.array_shapes(max_dims=2, max_side=8),
        elements=st.floats(allow_nan=True, allow_infinity=True, width=32),
    ),
    limits=st.tuples(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6)),
    name=st.sampled_from(["viridis", "twilight_r", "Paired", "gist_ncar"]),
)
def test_any_data_any_limits(data: np.ndarray, limits: tuple[float, float], name: str) -> None:
    vmin, vmax = sorted(limits)
    expected = _oracle(data, name, vmin, vmax)
    if vmin == vmax:
        expected[np.isnan(data)] = 0  # NaN stays bad: see test_vmin_equal_vmax...
    np.testing.assert_array_equal(tp.colorize(data, cmap=name, vmin=vmin, vmax=vmax), expected)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"cmap": "virdis"}, UnknownColormapError, "did you mean 'viridis'"),
        ({"vmin": 2, "vmax": 1}, InputError, "vmin <= vmax"),
        ({"vmin": np.nan, "vmax": 1}, InputError, "finite vmin"),
        ({"norm": "log", "vmin": 0, "vmax": 1}, InputError, "vmin > 0"),
        ({"norm": "sqrt"}, InputError, "expected norm"),
        ({"bad": "notacolor"}, InputError, "expected bad to be a color"),
    ],
)
def test_bad_arguments(kwargs: dict, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        tp.colorize(np.array([0.5]), **kwargs)


@pytest.mark.parametrize("data", [np.array([1j]), np.array(["a"]), np.array([object()])])
def test_bad_data(data: np.ndarray) -> None:
    with pytest.raises(UnsupportedDtypeError, match="expected real numbers"):
        tp.colorize(data)


@pytest.mark.parametrize("extend", ["neither", "both"])
def test_boundary_norm_draws_matplotlib_colors(extend: str) -> None:
    """BoundaryNorm answers colormap entries, not positions: the same colors as matplotlib."""
    data = np.linspace(-5.0, 105.0, 64 * 64).reshape(64, 64)
    data[0, 0] = np.nan
    norm = mcolors.BoundaryNorm([0, 1, 2, 5, 10, 20, 50, 100], 256, extend=extend)
    colormap = matplotlib.colormaps["viridis"]
    expected = colormap(norm(data), bytes=True)
    got = tp.colorize(data, cmap="viridis", norm=norm)
    assert np.array_equal(got, expected)
    assert len(np.unique(got.reshape(-1, 4), axis=0)) > 6
    values = tp.decolorize(got, cmap="viridis", norm=norm)  # and back: the middle of each interval
    inside = (data >= 0) & (data < 100)
    edges = np.asarray(norm.boundaries)
    index = np.searchsorted(edges, data[inside], side="right") - 1
    assert np.allclose(values[inside], (edges[index] + edges[index + 1]) / 2)
