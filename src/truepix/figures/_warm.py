"""What a first ``read_figure`` in a process would wait for, started in the background.

A first call pays, besides its own work, for the OCR model's session,
numba's compiler start (its registries, loaded when the first compiled kernel
is taken from the disk cache), the colormap identification tables, and the
imports of scipy.ndimage and xarray (with pandas). None of them depends on
the figure, so a background thread starts them when the call begins; the call's own image work (colorbar and
plot-area search: numpy, which lets the thread run) overlaps them, and each
step waits only for what it needs, behind the lock that guards it. A step
that fails here is left for the call to meet, and to report, itself.

Two threads importing one package at once is safe only package-first: a thread
that imports ``numba.core.compiler_lock`` while the call's own thread is inside
``numba/__init__`` runs that submodule beside the package's initialisation, and
Python's import-deadlock rule hands one of them a half-initialised module
(``ImportError: cannot import name 'global_compiler_lock'``). So the thread
imports ``numba`` whole, first, and the call's ``import numba`` waits for it.
The thread is not a daemon, and stops between steps once the main thread has
ended: onnxruntime aborts the process if the interpreter finalises while a
session is being built.
"""

from __future__ import annotations

import threading

__all__ = ["start"]

_started = threading.Event()


def _ocr_session() -> None:
    from truepix.figures import _ocr

    _ocr._session()  # noqa: SLF001  # loaded once per process, behind its lock


def _numba_start() -> None:
    import numba  # noqa: F401  # the whole package first (see the module's docstring)
    from numba.core.compiler_lock import global_compiler_lock
    from numba.core.registry import cpu_target

    with global_compiler_lock:  # what loading a cached kernel first does, under the lock it takes
        cpu_target.target_context.refresh()


def _identify_tables() -> None:
    from truepix.color._identify import _match

    _match._candidates()  # noqa: SLF001  # built once per process, behind its lock


def _scipy_ndimage() -> None:
    import scipy.ndimage  # noqa: F401  # the cell grid's fill and labelling


def _xarray() -> None:
    import xarray  # noqa: F401  # the panels' DataArray


# numba first: the call imports it soonest, and no other step may import a part of it
_STEPS = (_numba_start, _ocr_session, _identify_tables, _scipy_ndimage, _xarray)


def _run() -> None:
    for step in _STEPS:
        if not threading.main_thread().is_alive():  # the interpreter is shutting down
            return
        try:
            step()
        except Exception:  # noqa: BLE001, S110  # the call meets the same failure and says so
            pass


def start() -> None:
    """Start the background warm-up, once per process (later calls return at once).

    Examples
    --------
    >>> start(); start()  # the second does nothing
    """
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=_run, name="truepix-read-figure-warm", daemon=False).start()
