"""colorize against matplotlib, the oracle: every registered map, every dtype."""

from __future__ import annotations

import warnings
from typing import Any

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


BOUNDARIES = [0.0, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]  # 7 intervals


def _every_norm() -> dict[str, mcolors.Normalize]:
    """One of each matplotlib norm class, BoundaryNorm with ncolors <, == and > the
    intervals, and with each ``extend``."""
    norms = {
        "Normalize": mcolors.Normalize(-5.0, 105.0),
        "LogNorm": mcolors.LogNorm(0.5, 100.0),
        "SymLogNorm": mcolors.SymLogNorm(1.0, vmin=-5.0, vmax=105.0),
        "PowerNorm": mcolors.PowerNorm(0.5, vmin=0.0, vmax=100.0),
        "TwoSlopeNorm": mcolors.TwoSlopeNorm(10.0, vmin=-5.0, vmax=105.0),
        "CenteredNorm": mcolors.CenteredNorm(50.0, halfrange=55.0),
        "AsinhNorm": mcolors.AsinhNorm(2.0, vmin=-5.0, vmax=105.0),
        "FuncNorm": mcolors.FuncNorm((np.cbrt, lambda x: x**3), vmin=0.0, vmax=100.0),
        "NoNorm": mcolors.NoNorm(0.0, 1.0),
    }
    for ncolors in (7, 12, 256):  # == the intervals, a stretch over 12, all of N
        norms[f"BoundaryNorm-{ncolors}"] = mcolors.BoundaryNorm(BOUNDARIES, ncolors)
    for extend in ("both", "min", "max"):
        norms[f"BoundaryNorm-9-{extend}"] = mcolors.BoundaryNorm(BOUNDARIES, 9, extend=extend)
        norms[f"BoundaryNorm-256-{extend}"] = mcolors.BoundaryNorm(BOUNDARIES, 256, extend=extend)
    norms["BoundaryNorm-clip"] = mcolors.BoundaryNorm(BOUNDARIES, 7, clip=True)
    return norms


EVERY_NORM = _every_norm()


@pytest.mark.parametrize("name", list(EVERY_NORM))
def test_every_matplotlib_norm_is_bit_identical(name: str) -> None:
    """``colorize(x, norm=n)`` is ``cmap(n(x), bytes=True)`` for every norm class; a
    norm answering table entries (BoundaryNorm) indexes the table as matplotlib does,
    so ``BoundaryNorm(b, 6)`` draws the first 6 colors of a 256-color map."""
    norm = EVERY_NORM[name]
    rng = np.random.default_rng(5)
    data = np.concatenate([rng.uniform(-10.0, 110.0, 2000), BOUNDARIES, [-1e9, 1e9]])
    if name == "NoNorm":
        data = np.concatenate([rng.uniform(-0.2, 1.2, 500), rng.integers(-3, 260, 500)])
    colormap = matplotlib.colormaps["viridis"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # log/sqrt of negative data
        expected = colormap(norm(data), bytes=True)
    assert np.array_equal(tp.colorize(data, cmap="viridis", norm=norm), expected)
    masked = np.ma.masked_array(data, mask=np.arange(data.size) % 7 == 0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        expected_masked = colormap(norm(masked), bytes=True)
    assert np.array_equal(tp.colorize(masked, cmap="viridis", norm=norm), expected_masked)
    if name == "NoNorm":  # integers index the table directly too
        counts = rng.integers(-3, 260, 500)
        expected_counts = colormap(norm(counts), bytes=True)
        assert np.array_equal(tp.colorize(counts, cmap="viridis", norm=norm), expected_counts)
    # NaN is truepix's "bad" under every norm (matplotlib draws it with the last
    # interval's color under BoundaryNorm)
    with_nan = tp.colorize(np.array([np.nan, 1.0]), cmap="viridis", norm=norm)
    assert with_nan[0].tolist() == [0, 0, 0, 0]


@pytest.mark.parametrize("name", [n for n in EVERY_NORM if n.startswith("BoundaryNorm")])
def test_boundary_norm_pictures_decode_to_interval_middles(name: str) -> None:
    """matplotlib's picture under any BoundaryNorm (ncolors < N, == N, extend) decodes
    to the middle of each value's interval."""
    norm = EVERY_NORM[name]
    rng = np.random.default_rng(6)
    data = rng.uniform(0.0, 99.9, (16, 64))
    picture = matplotlib.colormaps["viridis"](norm(data), bytes=True)
    values = tp.decolorize(picture, cmap="viridis", norm=norm)
    edges = np.asarray(BOUNDARIES)
    index = np.searchsorted(edges, data, side="right") - 1
    middles = (edges[index] + edges[index + 1]) / 2
    colors = norm(middles)  # intervals drawn with one entry decode to their union's middle
    for entry in np.unique(colors):
        inside = colors == entry
        low, high = edges[index[inside]].min(), edges[index[inside] + 1].max()
        assert np.allclose(values[inside], (low + high) / 2), entry


def test_boundary_norm_reproduction_trial13() -> None:
    """The trial's case: viridis with BoundaryNorm(b, 6) paints entries 0..5."""
    norm = mcolors.BoundaryNorm([0, 1, 2, 5, 10, 20, 50], 6)
    data = np.array([[0.5, 1.5, 3, 7, 15, 30]])
    picture = matplotlib.colormaps["viridis"](norm(data), bytes=True)
    assert np.array_equal(tp.colorize(data, cmap="viridis", norm=norm), picture)
    values = tp.decolorize(picture, cmap="viridis", norm=norm)
    assert values.tolist() == [[0.5, 1.5, 3.5, 7.5, 15.0, 35.0]]


@pytest.mark.parametrize(
    "make_norm",
    [
        mcolors.Normalize, mcolors.LogNorm, lambda: mcolors.PowerNorm(0.5),
        lambda: mcolors.SymLogNorm(1.0), lambda: mcolors.TwoSlopeNorm(1.0),
        mcolors.CenteredNorm, mcolors.AsinhNorm, lambda: mcolors.LogNorm(vmin=0.1),
    ],
)
def test_unscaled_norm_autoscales_as_matplotlib(make_norm: Any) -> None:
    """A norm without limits takes the data's, as matplotlib's ``autoscale_None`` does
    when the norm is first called (trial 45: ``norm=LogNorm()`` raised); the user's
    norm object is left as it was."""
    data = 10 ** np.random.default_rng(3).uniform(-2, 2, (16, 16))
    ours_norm, their_norm = make_norm(), make_norm()
    expected = matplotlib.colormaps["magma"](their_norm(data), bytes=True)
    np.testing.assert_array_equal(tp.colorize(data, cmap="magma", norm=ours_norm), expected)
    assert (ours_norm.vmin, ours_norm.vmax) == (make_norm().vmin, make_norm().vmax)
