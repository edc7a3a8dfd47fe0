"""numba's thread pool as truepix's parallel kernels want it started: :func:`start_threads`.

On a busy machine (other processes, dask workers, a notebook's kernels beside it)
numba's OpenMP threading layer let idle threads *spin* at each kernel's barrier
(libgomp's default wait policy): a spinning thread takes the core a working one
needs. Two processes decoding at once on 2 cores with load ~10 took 1.9-2.4 s
for a cold 1 MP JPEG decode and 440-470 ms warm; with idle threads sleeping
(``OMP_WAIT_POLICY=PASSIVE``) 0.11-0.22 s and 45-100 ms, and on a quiet
machine it changed nothing measurable (``docs/decolorize.md``).

libgomp reads the policy once, from the environment, when it is loaded -- which
numba does when it starts its pool. So truepix starts the pool itself, before its
first parallel kernel, with the policy set for that moment only and the
environment restored after: other programs the process starts, and OpenMP
libraries loaded later with their own copy, see the environment as it was. A
policy the user set (``OMP_WAIT_POLICY``), a pool already started (by the user's
own numba code), or another threading layer (tbb, workqueue) is left alone.
"""

from __future__ import annotations

import os
import threading

__all__ = ["POLICY", "start_threads"]

#: The OpenMP wait policy truepix starts numba's pool with, unless the user set one.
POLICY = "PASSIVE"

_started = False
_lock = threading.Lock()


def start_threads() -> None:
    """Start numba's thread pool once, idle OpenMP threads sleeping (:data:`POLICY`).

    Nothing changes when the pool runs already or ``OMP_WAIT_POLICY`` is set.
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
        if not running and "OMP_WAIT_POLICY" not in os.environ:
            os.environ["OMP_WAIT_POLICY"] = POLICY
            try:
                numba.get_num_threads()  # starts the pool: libgomp reads the policy now
            finally:
                os.environ.pop("OMP_WAIT_POLICY", None)
        _started = True
