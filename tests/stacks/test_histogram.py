"""Per-pixel histograms against np.histogram, and every backend against the numpy oracle."""

from __future__ import annotations

import zlib
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import truepix as tp
from truepix.errors import InputError, OutOfRangeError
from truepix.stacks import _hist_numpy
from truepix.stacks._bins import resolve_bins
from truepix.stacks._engine import PixelCounter


def per_pixel_numpy(stack: np.ndarray, bins: object, range_: object = None) -> np.ndarray:
    """The definition: np.histogram of every pixel's values."""
    n_bins = bins if np.ndim(bins) == 0 else len(bins) - 1  # type: ignore[arg-type]
    out = np.zeros((*stack.shape[1:], n_bins), np.int64)
    for y in range(stack.shape[1]):
        for x in range(stack.shape[2]):
            out[y, x] = np.histogram(stack[:, y, x], bins=bins, range=range_)[0]  # type: ignore[arg-type]
    return out


def count(stack: np.ndarray, bins: object, range_: object, backend: str, n_frames: int | None,
          batch: int = 70) -> np.ndarray:  # fmt: skip
    spec = resolve_bins(bins, range_, stack.dtype, data_range=None)  # type: ignore[arg-type]
    counter = PixelCounter(spec, stack.shape[1:], stack.dtype, n_frames=n_frames, backend=backend)
    for start in range(0, stack.shape[0], batch):
        counter.add(stack[start : start + batch])
    return counter.result()


# --- the oracle is np.histogram ---------------------------------------------------

DTYPES = ["float16", "float32", "float64", "uint8", "int8", "uint16", "int16", "int32", "uint64"]


@st.composite
def stacks_and_bins(draw: st.DrawFn) -> tuple[np.ndarray, object, object]:
    dtype = np.dtype(draw(st.sampled_from(DTYPES)))
    shape = (draw(st.integers(1, 30)), draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    if dtype.kind == "f":
        elements = st.floats(-4, 4, width=dtype.itemsize * 8, allow_nan=False)
        stack = draw(
            hnp.arrays(
                dtype,
                shape,
                elements=elements | st.sampled_from([np.nan, np.inf, -np.inf, 0.0, 1.0]),
            )
        )
        edges_el = st.floats(-3, 3, width=dtype.itemsize * 8)
    else:
        info = np.iinfo(dtype)
        low, high = max(info.min, -300), min(info.max, 300)
        stack = draw(hnp.arrays(dtype, shape, elements=st.integers(low, high)))
        edges_el = st.integers(low - 5, high + 5)
    if draw(st.booleans()):
        n_bins = draw(st.integers(1, 40))
        first = draw(st.floats(-3, 2))
        width = draw(st.sampled_from([0.0, 0.5, 1.0, 3.0, 255.0]))
        if dtype.kind in "iu":
            first = float(round(first * 50))
        return stack, n_bins, (first, first + width)
    edges = sorted(draw(st.lists(edges_el, min_size=2, max_size=12)))
    return stack, edges, None  # repeated edges are allowed, as in numpy


@given(stacks_and_bins())
def test_oracle_is_np_histogram_of_every_pixel(case: tuple[np.ndarray, object, object]) -> None:
    stack, bins, range_ = case
    spec = resolve_bins(bins, range_, stack.dtype, data_range=None)
    counts = np.zeros((stack.shape[1] * stack.shape[2], spec.n_bins), np.int64)
    _hist_numpy.accumulate(counts, stack.reshape(stack.shape[0], -1), spec)
    expected = per_pixel_numpy(stack, bins, range_)
    assert np.array_equal(counts.reshape(expected.shape), expected)


@given(stacks_and_bins(), st.sampled_from(["numba", "numba-serial"]))
def test_kernels_equal_np_histogram(case: tuple[np.ndarray, object, object], backend: str) -> None:
    stack, bins, range_ = case
    got = count(stack, bins, range_, backend, n_frames=stack.shape[0], batch=7)
    assert np.array_equal(got, per_pixel_numpy(stack, bins, range_))


# --- table: every backend x dtype x bins x counts mode equals the oracle -------------


def _data(dtype: str, shape: tuple[int, int, int], seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if np.dtype(dtype).kind == "f":
        data = (rng.standard_normal(shape) * 0.4 + 0.5).astype(dtype)
        data.flat[::97] = np.nan
        data.flat[5::211] = np.inf
        return data
    info = np.iinfo(dtype)
    return rng.integers(max(info.min, -500), min(info.max, 1500), shape, endpoint=True).astype(
        dtype
    )


BIN_CASES: dict[str, Callable[[str], tuple[object, object]]] = {
    "uniform": lambda dt: (37, (0.0, 1.0) if np.dtype(dt).kind == "f" else (-100, 1200)),
    "edges": lambda dt: (
        (
            [-np.inf, 0.0, 0.1, 0.5, 0.5, 0.9, 1.0]
            if np.dtype(dt).kind == "f"
            else [-10, 0, 3, 900, 901, 1500]
        ),
        None,
    ),
    "one-bin": lambda dt: (1, (0, 1)),
    "many-bins": lambda dt: (1000, (0.0, 1.0) if np.dtype(dt).kind == "f" else (0, 1000)),
}


TABLE_DTYPES = ["float32", "float64", "uint8", "int16", "uint16", "int32", "float16"]


def _table() -> list[object]:
    # parallel, counts grown from uint8, over every dtype and bins by default; the serial twins
    # and the counts modes (uint16 from the start, uint8 promoted) with --runslow
    cases: list[object] = []
    for backend in ("numba", "numba-serial"):
        for n_frames in (None, 600, 10):
            for dtype in TABLE_DTYPES:
                for bins_case in sorted(BIN_CASES):
                    default = (backend, n_frames) == ("numba", None) or (
                        dtype == "float32" and bins_case == "uniform"
                    )
                    marks = () if default else (pytest.mark.slow,)
                    cases.append(pytest.param(backend, dtype, bins_case, n_frames, marks=marks))
    return cases


@pytest.mark.parametrize(("backend", "dtype", "bins_case", "n_frames"), _table())
def test_backends_equal_oracle(
    backend: str, dtype: str, bins_case: str, n_frames: int | None
) -> None:
    # 600 frames cross the 255-frame flush twice; n_frames=10 forces a promotion
    stack = _data(dtype, (600, 9, 23), seed=zlib.crc32(f"{dtype}{bins_case}".encode()))
    bins, range_ = BIN_CASES[bins_case](dtype)
    expected = count(stack, bins, range_, "numpy", n_frames=None)
    got = count(stack, bins, range_, backend, n_frames=n_frames)
    assert got.dtype == np.uint16  # 600 frames, whether announced, promoted or grown
    assert np.array_equal(got, expected)


# --- the edges themselves: rounding exactly as numpy ----------------------------------


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize(
    ("n_bins", "range_"),
    [
        (10, (0.0, 1.0)),
        (7, (0.1, 0.7)),
        (100, (-3.3, 1e-3)),
        (33, (1000.0, 1000.01)),
        (5, (2.5, 2.5)),
    ],
)
def test_values_on_and_beside_every_edge(
    dtype: str, n_bins: int, range_: tuple[float, float]
) -> None:
    edges = np.histogram_bin_edges(np.empty(0, dtype), bins=n_bins, range=range_)
    around = np.concatenate([
        edges, np.nextafter(edges, np.inf, dtype=edges.dtype), np.nextafter(edges, -np.inf, dtype=edges.dtype)
    ]).astype(dtype)  # fmt: skip
    stack = np.repeat(around[:, None, None], 2, axis=2)  # every value as a frame of 1x2
    got = tp.pixel_histogram(stack, bins=n_bins, range=range_)
    assert np.array_equal(got[0, 0], np.histogram(around, bins=n_bins, range=range_)[0])


@given(
    dtype=st.sampled_from(["float32", "float64"]),
    first=st.floats(-1e6, 1e6),
    width=st.floats(1e-4, 1e6),
    n_bins=st.integers(1, 5000),
    ulps=st.lists(st.integers(-3, 3), min_size=1, max_size=3),
    seed=st.integers(0, 2**32 - 1),
)
def test_edges_of_any_range_match_numpy(
    dtype: str, first: float, width: float, n_bins: int, ulps: list[int], seed: int
) -> None:
    # values on, and a few ulps beside, edges picked at random, plus random values
    range_ = (first, first + width)
    try:
        edges = np.histogram_bin_edges(np.empty(0, dtype), bins=n_bins, range=range_)
    except ValueError:  # too many bins for the range in this dtype: refused by both
        with pytest.raises(InputError, match="bins"):
            tp.pixel_histogram(np.zeros((1, 1, 1), dtype), bins=n_bins, range=range_)
        return
    rng = np.random.default_rng(seed)
    picked = edges[rng.integers(0, edges.size, 64)]
    values = [picked]
    for ulp in ulps:
        step = np.nextafter(picked, np.inf if ulp > 0 else -np.inf, dtype=picked.dtype)
        for _ in range(abs(ulp) - 1):
            step = np.nextafter(step, np.inf if ulp > 0 else -np.inf, dtype=picked.dtype)
        values.append(step if ulp else picked)
    values.append(rng.uniform(first - width / 10, first + width * 1.1, 64).astype(dtype))
    flat = np.concatenate(values).astype(dtype)
    stack = flat.reshape(-1, 1, 1)
    got = tp.pixel_histogram(stack, bins=n_bins, range=range_)
    assert np.array_equal(got[0, 0], np.histogram(flat, bins=n_bins, range=range_)[0])


# --- counts dtype, range=None, empty stacks, progress ---------------------------------


@pytest.mark.parametrize(
    ("n_frames", "dtype"), [(1, "uint8"), (255, "uint8"), (256, "uint16"), (300, "uint16")]
)
def test_counts_dtype_is_the_smallest_that_holds_n(n_frames: int, dtype: str) -> None:
    stack = np.zeros((n_frames, 2, 3), np.float32)
    counts = tp.pixel_histogram(stack, bins=4, range=(0, 1))
    assert counts.dtype == dtype
    assert counts[..., 0].min() == n_frames  # a full bin holds every frame, no wrap


@pytest.mark.parametrize(("n_frames", "dtype"), [(255, "uint8"), (256, "uint16"), (700, "uint16")])
def test_a_stream_of_unknown_length_grows_its_counts(n_frames: int, dtype: str) -> None:
    frames = (np.full((2, 2), k % 3, np.float32) for k in range(n_frames))
    counts = tp.pixel_histogram(frames, bins=3, range=(0, 3))
    assert counts.dtype == dtype
    assert np.array_equal(counts[1, 1], [len(range(r, n_frames, 3)) for r in range(3)])


def test_range_none_is_the_stacks_min_and_max_nan_ignored() -> None:
    rng = np.random.default_rng(3)
    stack = rng.standard_normal((50, 4, 5)).astype(np.float32)
    with_nan = stack.copy()
    with_nan[3, 1, 1] = np.nan
    low, high = stack.min(), stack.max()
    got = tp.pixel_histogram(with_nan, bins=9)
    assert np.array_equal(got, per_pixel_numpy(with_nan, 9, (low, high)))
    assert np.array_equal(
        tp.stacks.bin_edges(with_nan, bins=9), np.histogram_bin_edges(stack, bins=9)
    )


def test_range_none_of_a_constant_stack_widens_by_half_as_numpy() -> None:
    stack = np.full((5, 2, 2), 7, np.int16)
    assert np.array_equal(tp.stacks.bin_edges(stack, bins=2), [6.5, 7.0, 7.5])
    assert np.array_equal(tp.pixel_histogram(stack, bins=2)[0, 0], [0, 5])


@pytest.mark.parametrize("bad", [np.inf, -np.inf])
def test_range_none_refuses_infinite_values(bad: float) -> None:
    stack = np.zeros((3, 2, 2))
    stack[1, 0, 0] = bad
    with pytest.raises(OutOfRangeError, match="finite values"):
        tp.pixel_histogram(stack, bins=3)
    assert tp.pixel_histogram(stack, bins=3, range=(0, 1))[0, 0].sum() == 2  # inf not counted


def test_range_none_refuses_a_stack_of_only_nan() -> None:
    with pytest.raises(OutOfRangeError, match="only NaN"):
        tp.pixel_histogram(np.full((2, 2, 2), np.nan), bins=3)


def test_empty_stack_gives_zero_counts() -> None:
    counts = tp.pixel_histogram(np.zeros((0, 3, 4), np.float32), bins=5, range=(0, 1))
    assert counts.shape == (3, 4, 5) and counts.dtype == np.uint8 and not counts.any()


def test_progress_is_called_per_batch_not_per_frame() -> None:
    calls: list[tuple[int, int | None]] = []
    frames = [np.zeros((512, 512), np.float32)] * 300  # 1 MiB frames, 128 per batch
    tp.pixel_histogram(frames, bins=3, range=(0, 1), progress=lambda d, t: calls.append((d, t)))
    assert calls == [(128, 300), (256, 300), (300, 300)]


def test_pixel_histogram_class_equals_the_function() -> None:
    stack = _data("float32", (70, 6, 5), seed=9)
    hist = tp.stacks.PixelHistogram(bins=12, range=(0, 1))
    for frame in stack[:10]:
        hist.add(frame)
    hist.add(stack[10:])
    assert hist.n_frames == 70
    assert np.array_equal(hist.counts, tp.pixel_histogram(stack, bins=12, range=(0, 1)))
    assert np.array_equal(hist.edges, np.histogram_bin_edges(stack, bins=12, range=(0, 1)))
    assert not hist.counts.flags.writeable


def test_pixel_histogram_class_promotes_past_its_n_frames_hint() -> None:
    hist = tp.stacks.PixelHistogram(bins=[0, 1, 2], n_frames=3)
    for _ in range(300):
        hist.add(np.ones((2, 2), np.uint8))
    assert hist.counts.dtype == np.uint16 and hist.counts[1, 1, 1] == 300


@pytest.mark.parametrize("binner", ["uniform", "edges", "lut", "flush"])
def test_parallel_and_serial_twins_are_distinct_compiled_functions(binner: str) -> None:
    # numba's disk cache keys on the Python function: jitting one function twice
    # (parallel and serial) let the parallel one load the serial build
    from truepix.stacks._hist_numba import KERNELS

    parallel, serial = KERNELS[binner]["parallel"], KERNELS[binner]["serial"]
    assert parallel.py_func is not serial.py_func
    assert parallel.py_func.__qualname__ != serial.py_func.__qualname__
    assert parallel.targetoptions.get("parallel") and not serial.targetoptions.get("parallel")


# ---------------------------------------------------------------- masked values


@pytest.mark.parametrize("dtype", [np.uint8, np.int16, np.float32, np.float64])
def test_masked_values_are_not_counted(dtype: type) -> None:
    rng = np.random.default_rng(21)
    data = rng.integers(0, 50, (90, 4, 5)).astype(dtype)
    stack = np.ma.masked_array(data, mask=rng.random(data.shape) < 0.3)
    edges = tp.stacks.bin_edges(stack, bins=7)
    expected = np.stack(
        [
            [np.histogram(stack[:, y, x].compressed(), bins=edges)[0] for x in range(5)]
            for y in range(4)
        ]
    )
    assert edges[0] == stack.min() and edges[-1] == stack.max()  # the unmasked range
    for frames in (stack, list(stack), (frame for frame in stack)):
        rng_arg = None if not hasattr(frames, "send") else (float(edges[0]), float(edges[-1]))
        counts = tp.pixel_histogram(frames, bins=7, range=rng_arg)
        np.testing.assert_array_equal(counts, expected)
    fed = tp.stacks.PixelHistogram(bins=7, range=(float(edges[0]), float(edges[-1])))
    for frame in stack:
        fed.add(frame)
    np.testing.assert_array_equal(fed.counts, expected)
