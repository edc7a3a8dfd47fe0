"""numba's thread pool as truepix starts it (``truepix._threads``).

Each case runs in a fresh interpreter: libgomp reads its wait policy once, when
numba's pool starts. ``OMP_DISPLAY_ENV=VERBOSE`` makes libgomp print the settings
it started with (``GOMP_SPINCOUNT``: 10000 as truepix starts it, 0 for PASSIVE, 300000 by default, 3e10 for
ACTIVE), the OpenMP layer chosen explicitly so that it is the one tested.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import numpy as np
import pytest

#: A first decolorize in a fresh process; prints what the environment says after it.
CHILD = """
import os, sys
import numpy as np
if sys.argv[1] == "user-started":  # the user's own numba code ran first
    import numba
    numba.get_num_threads()
import truepix as tp
picture = tp.colorize(np.linspace(0, 1, 64 * 64).reshape(64, 64), cmap="viridis")
tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
print("after:", os.environ.get("OMP_WAIT_POLICY"), os.environ.get("GOMP_SPINCOUNT"))
"""


def _first_call(case: str, **env: str) -> tuple[str, str]:
    """(libgomp's spin count, OMP_WAIT_POLICY after the call) in a fresh process."""
    chosen = ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")
    environment = {k: v for k, v in os.environ.items() if k not in chosen}
    environment.update(OMP_DISPLAY_ENV="VERBOSE", NUMBA_THREADING_LAYER="omp", **env)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, case], capture_output=True, text=True, env=environment,
        check=True, timeout=300,
    )  # fmt: skip
    spin = [line.split("=")[1].strip(" '") for line in done.stderr.splitlines()
            if "GOMP_SPINCOUNT" in line]  # fmt: skip
    return spin[0], done.stdout.split("after:")[1].strip()


@pytest.mark.parametrize(
    ("case", "env", "spin", "after"),
    [
        ("plain", {}, "10000", "None None"),  # a short spin; the environment restored
        ("plain", {"OMP_WAIT_POLICY": "ACTIVE"}, "30000000000", "ACTIVE None"),  # the user's
        ("plain", {"OMP_WAIT_POLICY": "PASSIVE"}, "0", "PASSIVE None"),
        ("plain", {"GOMP_SPINCOUNT": "500"}, "500", "None 500"),
        ("user-started", {}, "300000", "None None"),  # started before truepix: left alone
    ],
)
def test_pool_starts_with_a_short_spin_unless_chosen(
    case: str, env: dict[str, str], spin: str, after: str
) -> None:
    assert _first_call(case, **env) == (spin, after)


def test_values_same_on_one_thread_and_all() -> None:
    # a JPEG'd picture runs every kernel of the JPEG path (memo, chroma test, model)
    import io

    import numba
    from PIL import Image

    import truepix as tp

    rng = np.random.default_rng(4)
    field = np.cumsum(np.cumsum(rng.normal(size=(320, 320)), axis=0), axis=1)
    picture = tp.colorize(field, cmap="jet")[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, "JPEG", quality=75)
    jpeg = np.asarray(Image.open(buffer))
    results = []
    before = numba.get_num_threads()
    for threads in (1, before):
        numba.set_num_threads(threads)
        try:
            result = tp.Decolorizer("jet", vmin=0, vmax=1).decode(jpeg)
        finally:
            numba.set_num_threads(before)
        results.append(result)
    assert np.array_equal(results[0].values, results[1].values, equal_nan=True)
    assert np.array_equal(results[0].ambiguous, results[1].ambiguous)
    assert np.array_equal(results[0].residual, results[1].residual, equal_nan=True)


def _fill(out: np.ndarray, start: int, stop: int) -> None:
    out[start:stop] += np.arange(start, stop)


def _fill_rows(out: np.ndarray, start: int, stop: int) -> None:  # a kernel that splits too
    from truepix._threads import split_rows

    for y in range(start, stop):
        split_rows(_fill, out.shape[1], out[y])


def _fail_at_row_500(start: int, stop: int) -> None:
    if start <= 500 < stop:  # a helper's band on 2+ threads, the one band on 1 thread
        msg = f"band from {start}"
        raise ValueError(msg)


def test_split_rows_from_several_threads_nested_and_failing() -> None:
    import threading

    import numba

    from truepix import _threads

    before = numba.get_num_threads()
    numba.set_num_threads(numba.config.NUMBA_NUM_THREADS)  # (set per thread by numba)
    try:
        nested = np.zeros((96, 200))
        _threads.split_rows(_fill_rows, 96, nested)  # bands that split again: no deadlock
        assert np.array_equal(nested, np.broadcast_to(np.arange(200.0), (96, 200)))
        with pytest.raises(ValueError, match="band from"):
            _threads.split_rows(_fail_at_row_500, 1000)
    finally:
        numba.set_num_threads(before)
    sums = []

    def decode() -> None:  # users' threads (dask's workers) sharing the one pool
        for _ in range(50):
            out = np.zeros(3000)
            _threads.split_rows(_fill, 3000, out)
            sums.append(np.array_equal(out, np.arange(3000.0)))

    users = [threading.Thread(target=decode) for _ in range(6)]
    for user in users:
        user.start()
    for user in users:
        user.join(timeout=120)
    assert len(sums) == 300 and all(sums)


def test_split_rows_in_a_forked_child() -> None:
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")  # (Windows)
    from truepix import _threads

    _threads.split_rows(_fill, 1000, np.zeros(1000))  # the parent's pool: started
    context = multiprocessing.get_context("fork")
    with warnings.catch_warnings():  # (Python 3.12+ warns of fork with threads running)
        warnings.simplefilter("ignore", DeprecationWarning)
        with context.Pool(1) as pool:  # the child makes its own pool: the parent's are gone
            assert pool.apply(_child_sum, (1000,)) == float(np.arange(1000).sum())


def _child_sum(n_rows: int) -> float:
    from truepix._threads import split_rows

    out = np.zeros(n_rows)
    split_rows(_fill, n_rows, out)
    return float(out.sum())


def _blas_threads() -> int:
    """numpy's BLAS's thread count (scipy's own copy, loaded later, is not numpy's)."""
    from threadpoolctl import threadpool_info

    (threads,) = {info["num_threads"] for info in threadpool_info()
                  if info["user_api"] == "blas" and "numpy" in info["filepath"]}  # fmt: skip
    return threads


def test_blas_runs_on_the_calling_thread_inside_a_decode_and_is_restored() -> None:
    from matplotlib.colors import Normalize
    from threadpoolctl import threadpool_limits

    import truepix as tp

    seen = []

    class Watched(Normalize):  # called by the decode to map positions back to data
        def inverse(self, value):  # type: ignore[no-untyped-def]
            seen.append(_blas_threads())
            return super().inverse(value)

    picture = tp.colorize(np.linspace(0, 1, 32 * 32).reshape(32, 32), cmap="viridis")
    with threadpool_limits(limits=2, user_api="blas"):  # the user's setting (2 on CI's 2 cores)
        values = tp.decolorize(picture, cmap="viridis", norm=Watched(0.0, 1.0))
        assert _blas_threads() == 2  # restored after the call
    assert seen and set(seen) == {1}
    assert np.nanmax(np.abs(values - np.linspace(0, 1, 32 * 32).reshape(32, 32))) <= 1 / 256


def test_blas_limit_shared_by_threads_nested_calls_and_errors() -> None:
    import threading

    from threadpoolctl import threadpool_limits

    from truepix._threads import blas_on_caller

    inside, barrier, original = [], threading.Barrier(4), _blas_threads()

    @blas_on_caller
    def work(depth: int) -> None:
        inside.append(_blas_threads())
        if depth:
            work(depth - 1)  # nested: the outer call's limit holds
        else:
            barrier.wait(timeout=60)  # all four threads inside at once
        inside.append(_blas_threads())

    @blas_on_caller
    def fails() -> None:
        raise ValueError("inside")

    with threadpool_limits(limits=2, user_api="blas"):
        users = [threading.Thread(target=work, args=(0,)) for _ in range(2)]
        users += [threading.Thread(target=work, args=(1,))]
        for user in users:
            user.start()
        work(0)  # (the fourth party at the barrier)
        for user in users:
            user.join(timeout=120)
        with pytest.raises(ValueError, match="inside"):
            fails()
        assert _blas_threads() == 2  # the last one out restored the user's setting
    assert len(inside) == 10 and set(inside) == {1}
    assert _blas_threads() == original  # and the user's own limit could still be undone


def test_blas_count_that_could_not_be_read_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import truepix._threads as threads

    class Library:  # a controller as threadpoolctl hands them out
        def __init__(self) -> None:
            self.set_to: list[int] = []

        def set_num_threads(self, number: int) -> None:
            self.set_to.append(number)

    unread, read = Library(), Library()
    monkeypatch.setattr(threads, "_blas_libraries", lambda: [unread, read])
    threads._set_blas_threads([None, 3])  # get_num_threads gave None for the first
    assert unread.set_to == [] and read.set_to == [3]
