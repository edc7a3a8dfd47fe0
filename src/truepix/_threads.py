"""numba's thread pool as truepix's parallel kernels want it started: :func:`start_threads`.

On a busy machine (other processes, dask workers, a notebook's kernels beside it)
numba's OpenMP threading layer let idle threads *spin* at each kernel's barrier
(libgomp's default wait policy): a spinning thread takes the core a working one
needs. Two processes decoding at once on 2 cores with load ~10 took 1.9-2.4 s
for a cold 1 MP JPEG decode and 440-470 ms warm; with idle threads sleeping
(``OMP_WAIT_POLICY=PASSIVE``) 0.11-0.22 s and 45-100 ms. But on a quiet machine
sleeping threads are slow to wake for each of a decode's many short parallel
kernels: JPEG q75 1 MP viridis 102-104 -> 76-91 MP/s warm, 27 -> 15-18 MP/s cold.
A short spin (:data:`SPINCOUNT`, ``GOMP_SPINCOUNT``: libgomp's default is 300000)
keeps both: quiet 104 / 27 MP/s, and with two processes at once 40-44 / 12-13 MP/s
warm / cold (the default: 11-12 / 2-3; PASSIVE 50-53 / 16-20) (``docs/decolorize.md``).

libgomp reads the policy once, from the environment, when it is loaded -- which
numba does when it starts its pool. So truepix starts the pool itself, before its
first parallel kernel, with the spin count set for that moment only and the
environment restored after: other programs the process starts, and OpenMP
libraries loaded later with their own copy, see the environment as it was. A
policy or spin count the user set (``OMP_WAIT_POLICY``, ``GOMP_SPINCOUNT``), a pool
already started (by the user's own numba code), or another threading layer (tbb,
workqueue) is left alone.

numpy's BLAS (OpenBLAS) has a pool of its own: a matrix product big enough wakes it,
and its idle threads then spin for tens of milliseconds after each product. A decode's
products are small and many (pixels times a 3x3 matrix, a table's 256 colors): on a
whole JPEG'd figure the spinning was 12-23 % of decolorize's CPU and 10 % of
read_figure's, and one product in the JPEG lattice test once made every decode 2.4x
the CPU (``docs/decolorize.md``; ``benchmarks/idle_threads.py`` measures it).
:func:`blas_on_caller` runs truepix's public calls with BLAS on the calling thread
(threadpoolctl's limit, the way scikit-learn scopes it): their parallel work is
numba's.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

__all__ = ["SPINCOUNT", "blas_on_caller", "split_rows", "start_threads"]

#: How long (libgomp's spin iterations) an idle OpenMP thread of numba's pool spins
#: before it sleeps, as truepix starts the pool unless the user chose.
SPINCOUNT = "10000"
_CHOSEN = ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")

_started = False
_lock = threading.Lock()


def start_threads() -> None:
    """Start numba's thread pool once, idle OpenMP threads spinning briefly (:data:`SPINCOUNT`).

    Nothing changes when the pool runs already or ``OMP_WAIT_POLICY`` or
    ``GOMP_SPINCOUNT`` is set.
    """
    global _started
    if _started:
        return
    import numba

    with _lock:
        if _started:
            return
        try:
            numba.threading_layer()
            running = True  # started by someone else: its policy is fixed
        except ValueError:  # numba: "Threading layer is not initialized."
            running = False
        if not running and not any(name in os.environ for name in _CHOSEN):
            os.environ["GOMP_SPINCOUNT"] = SPINCOUNT
            try:
                numba.get_num_threads()  # starts the pool: libgomp reads the policy now
            finally:
                os.environ.pop("GOMP_SPINCOUNT", None)
        _started = True


#: Fewest rows a thread of :func:`split_rows` takes: below, one thread does them all.
MIN_ROWS = 32

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _forget_pool() -> None:
    """In a forked child: the parent's pool threads do not exist here; a new pool is made."""
    global _pool, _pool_lock, _blas_lock
    _pool, _pool_lock = None, threading.Lock()
    _blas_lock = threading.Lock()
    _blas["depth"] = 0  # (a call running in the parent is not running here)


if hasattr(os, "register_at_fork"):  # (not on Windows)
    os.register_at_fork(after_in_child=_forget_pool)


def _helpers() -> ThreadPoolExecutor:
    """The process's pool of helper threads (numba's most threads less one), made once."""
    global _pool
    pool = _pool
    if pool is None:
        import numba

        with _pool_lock:
            if _pool is None:
                _pool = ThreadPoolExecutor(
                    max(1, numba.config.NUMBA_NUM_THREADS - 1), thread_name_prefix="truepix"
                )
            pool = _pool
    return pool


class _Bands:
    """One :func:`split_rows` call's bands, each run by whichever thread claims it first."""

    __slots__ = ("args", "bounds", "claimed", "error", "finished", "kernel", "lock", "over")

    def __init__(self, kernel: Callable[..., Any], args: tuple, bounds: list[int]) -> None:
        self.kernel, self.args, self.bounds = kernel, args, bounds
        self.claimed = self.finished = 0
        self.error: BaseException | None = None
        self.lock, self.over = threading.Lock(), threading.Event()

    def run(self) -> None:
        """Claim and run bands until none is left."""
        n_bands = len(self.bounds) - 1
        while True:
            with self.lock:
                band = self.claimed
                if band >= n_bands:
                    return
                self.claimed += 1
            try:
                self.kernel(*self.args, self.bounds[band], self.bounds[band + 1])
            except BaseException as error:  # noqa: BLE001 - re-raised by the caller
                self.error = self.error or error
            finally:
                with self.lock:
                    self.finished += 1
                    if self.finished == n_bands:
                        self.over.set()


def split_rows(kernel: Callable[..., Any], n_rows: int, *args: Any) -> None:
    """``kernel(*args, start, stop)`` over rows [0, ``n_rows``), split in bands among
    numba's thread count of Python threads (``numba.get_num_threads()``).

    For serial ``nogil`` kernels that write each row's answers independently (the
    same answers however the rows are split). numba compiles a ``parallel=True``
    kernel about 2x slower than the same kernel serial (``_filter._pilot_wiener``
    3.5 s vs 1.5 s, ``_dct``'s stage 27 s vs 10 s): kernels of the noisy path, where a
    decode takes ~0.3 s, run this way.

    The calling thread runs bands itself, helped by a pool of threads made once per
    process (a new pool of threads per call cost ~0.3 ms, 2 threads). Each band goes to
    whichever thread claims it first and the caller waits only for bands already
    running, so calls from several threads at once (dask's workers), or from inside a
    kernel, share the pool without deadlock: with every helper busy the caller runs
    all its bands.

    Examples
    --------
    >>> import numpy as np
    >>> out = np.zeros(100)
    >>> def fill(out, start, stop):
    ...     out[start:stop] = np.arange(start, stop)
    >>> split_rows(fill, 100, out)
    >>> bool((out == np.arange(100)).all())
    True
    """
    start_threads()
    import numba

    n_threads = max(1, min(numba.get_num_threads(), n_rows // MIN_ROWS))
    if n_threads == 1:
        kernel(*args, 0, n_rows)
        return
    bands = _Bands(kernel, args, [n_rows * i // n_threads for i in range(n_threads + 1)])
    try:
        pool = _helpers()
        for _ in range(n_threads - 1):
            pool.submit(bands.run)
    except RuntimeError:  # (no new threads at the interpreter's exit: the caller runs all)
        pass
    bands.run()
    bands.over.wait()
    if bands.error is not None:
        raise bands.error


_blas: dict[str, Any] = {"depth": 0, "before": None, "libraries": None}
_blas_lock = threading.Lock()


def _blas_libraries() -> list[Any]:
    """threadpoolctl's controllers of the BLAS libraries loaded now (numpy's), found once."""
    if _blas["libraries"] is None:
        from threadpoolctl import ThreadpoolController

        found = ThreadpoolController().select(user_api="blas")  # (dl_iterate_phdr: ~10 ms)
        _blas["libraries"] = list(found.lib_controllers)
    return _blas["libraries"]


def _set_blas_threads(numbers: list[int | None]) -> None:
    """Each BLAS library's thread count, set from whichever thread calls.

    threadpoolctl (>= 3.6) lets only one "controlling" thread set OpenBLAS's
    process-wide count and ignores the others silently; truepix's calls may start in
    one thread and end in another (dask's workers), so the gate is opened for each
    setting and left open: truepix holds no claim on it between calls.
    """
    import threadpoolctl

    gate = getattr(threadpoolctl, "OpenBLASController", None)
    gate = getattr(gate, "clear_controlling_thread", None)  # (threadpoolctl < 3.6: none)
    for library, number in zip(_blas_libraries(), numbers, strict=True):
        if number is None:  # (a controller that could not read its count: left as it is)
            continue
        if gate is not None:
            gate(force=True)
        library.set_num_threads(number)
    if gate is not None:
        gate(force=True)


class _BlasOnCaller(contextlib.ContextDecorator):
    """numpy's BLAS on one thread inside (threadpoolctl): ``with blas_on_caller:`` or
    ``@blas_on_caller``; the user's setting is restored when the last such block in the
    process ends.

    BLAS's thread count is the process's, not a thread's: blocks running at once in
    several threads (dask's workers) or inside each other share one limit, set by the
    first and restored by the last, so none restores a limit another still needs. A
    public function whose callees warn with a ``stacklevel`` uses ``with``: a
    decorator's wrapper is one more frame between the warning and the user's line.

    Examples
    --------
    >>> import numpy as np
    >>> with blas_on_caller:
    ...     (np.eye(3) @ np.eye(3)).tolist()[0]
    [1.0, 0.0, 0.0]
    """

    def __enter__(self) -> None:
        with _blas_lock:
            if _blas["depth"] == 0:
                libraries = _blas_libraries()
                _blas["before"] = [library.get_num_threads() for library in libraries]
                _set_blas_threads([1] * len(libraries))
            _blas["depth"] += 1

    def __exit__(self, *exc: object) -> None:
        with _blas_lock:
            _blas["depth"] -= 1
            if _blas["depth"] == 0:
                _set_blas_threads(_blas["before"])


#: The one :class:`_BlasOnCaller` (it holds no state of its own: ``_blas`` does).
blas_on_caller = _BlasOnCaller()
