"""First calls in a fresh process: ``tp.read_figure`` and ``tp.decolorize``.

Each case runs in fresh interpreters (numba's disk cache warm: a first child fills
it), best of a few. ``plain`` times ``import truepix``, the first call and a warm
call. ``stages`` first pays, one by one and timed, what the first call would pay
for other libraries -- numba's import and compiler start, xarray (and the dask it
imports to recognise dask arrays), scipy.ndimage, matplotlib -- and the
identification tables (through a tiny ``identify_colormap``), then times the first
call: what is left is truepix's own first-call cost (the OCR model's session, the
compiled kernels loaded from numba's disk cache, the work itself).

    python benchmarks/cold_start.py          # seconds: 1 MP pictures, one figure
    python benchmarks/cold_start.py --full   # more processes per case
    python benchmarks/cold_start.py --user   # read_figure as a user meets it (below)
    python benchmarks/cold_start.py --user --realtime  # ... counting Python's own start too
    python benchmarks/cold_start.py --empty-cache       # as after ``pip install`` (below)
    python benchmarks/cold_start.py --empty-cache --kernels  # ... and every kernel compiled

``--user`` times a 1000x800 matplotlib figure (imshow + colorbar, PNG) in
several fresh processes: the first call from ``import truepix`` to the
reading (wall clock, what a script's user waits; beside it the CPU time of
the process, background threads included, and of the calling thread alone:
on a busy machine the wall clock is the share of the cores it got) and a
warm call after it, median and min. ``--empty-cache`` times the first call with
numba's disk cache empty, as after ``pip install``: each case in a fresh copy of
the package (so the checkout's caches are neither used nor touched), from
``import truepix`` through the first call (wall clock and the process's CPU time,
all threads: on a busy machine the wall clock is the share of the cores it got),
then a second fresh process on the now-filled cache; beside them the kernels numba
compiled, each with its own compile time (callees compiled inside it subtracted).
``--realtime`` measures the first call from the moment the
process is started, so the interpreter's own start-up counts as well.
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

import truepix as tp

CHILD = """
import json, sys, time
import numpy as np
clock = time.perf_counter
case, path, mode = sys.argv[1:4]
started = clock()
import truepix as tp
import_truepix = clock() - started
stages = {}

def stage(name, run):
    started = clock()
    run()
    stages[name] = clock() - started

def numba_start():
    import numba
    numba.njit(lambda x: x + 1)(1)

def xarray_dataarray():
    import xarray
    xarray.DataArray(np.zeros((2, 2)), dims=("y", "x"))

if mode == "stages":
    stage("numba import + compiler start", numba_start)
    stage("matplotlib + a catalog map", lambda: tp.colorize(np.zeros((2, 2)), vmin=0, vmax=1))
    if case == "read_figure":
        stage("xarray (+ dask) and a DataArray", xarray_dataarray)
        stage("scipy.ndimage", lambda: __import__("scipy.ndimage"))
        tiny = np.zeros((2, 2, 3), np.uint8)
        stage("identify_colormap of 2x2 pixels (its tables)", lambda: tp.identify_colormap(tiny))

if case == "read_figure":
    call = lambda: tp.read_figure(path)
else:
    picture = np.load(path)
    call = lambda: tp.decolorize(picture, cmap="viridis", vmin=0.0, vmax=1.0)
started = clock()
call()
first = clock() - started
started = clock()
call()
warm = clock() - started
print(json.dumps({"import": import_truepix, "first": first, "warm": warm, "stages": stages}))
"""

USER_CHILD = """
import json, sys, time
started, cpu, own = time.perf_counter(), time.process_time(), time.thread_time()
import truepix as tp
reading = tp.read_figure(sys.argv[1])
first, first_cpu, done_at = time.perf_counter() - started, time.process_time() - cpu, time.time()
main_cpu = time.thread_time() - own
started = time.perf_counter()
tp.read_figure(sys.argv[1])
warm = time.perf_counter() - started
print(json.dumps({"first": first, "first_cpu": first_cpu, "main_cpu": main_cpu, "done_at": done_at, "warm": warm}))
"""


def _child(case: str, path: Path, mode: str, repeat: int) -> dict[str, Any]:
    """The run with the fastest first call among ``repeat`` fresh interpreters."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", CHILD, case, str(path), mode],
            capture_output=True, text=True,
        )  # fmt: skip
        if done.returncode:
            raise RuntimeError(done.stderr)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return min(runs, key=lambda one: one["first"])


def _inputs(folder: Path) -> dict[str, Path]:
    """A matplotlib figure (imshow + colorbar, PNG) and a 1 MP viridis picture, exact and JPEG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from PIL import Image

    y, x = np.mgrid[0:120, 0:160]
    field = np.sin(x / 17) * np.cos(y / 11) * 40 + 300
    figure, axes = plt.subplots(figsize=(6, 4))
    image = axes.imshow(field, cmap="viridis")
    figure.colorbar(image, ax=axes)
    figure.savefig(folder / "figure.png", dpi=100)
    plt.close(figure)

    data = tp.synthetic.fractal_field((1000, 1000), seed=3)
    data = (data - data.min()) / (data.max() - data.min())
    exact = matplotlib.colormaps["viridis"](data, bytes=True)[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(exact).save(buffer, "JPEG", quality=90)
    jpeg = np.asarray(Image.open(buffer))
    np.save(folder / "exact.npy", exact)
    np.save(folder / "jpeg.npy", jpeg)
    return {
        "read_figure": folder / "figure.png",
        "decolorize exact 1 MP": folder / "exact.npy",
        "decolorize JPEG 1 MP": folder / "jpeg.npy",
    }


def _user_figure(folder: Path) -> Path:
    """A 1000x800 PNG: imshow of a smooth 200x250 field with a colorbar, as matplotlib saves it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    y, x = np.mgrid[0:200, 0:250]
    figure, axes = plt.subplots(figsize=(10, 8))
    image = axes.imshow(np.sin(x / 17) * np.cos(y / 11) * 40 + 300, cmap="viridis")
    figure.colorbar(image, ax=axes)
    figure.savefig(folder / "figure_1000x800.png", dpi=100)
    plt.close(figure)
    return folder / "figure_1000x800.png"


def _user(console: Console, processes: int, realtime: bool) -> None:
    """The first read_figure call as a user meets it, beside the warm call (fresh processes)."""
    import statistics
    import time

    with tempfile.TemporaryDirectory() as folder:
        path = _user_figure(Path(folder))
        runs = []
        for k in range(processes + 1):  # the first fills numba's disk cache if needed
            launched = time.time()
            done = subprocess.run([sys.executable, "-c", USER_CHILD, str(path)], capture_output=True, text=True)
            if done.returncode:
                raise RuntimeError(done.stderr)
            run = json.loads(done.stdout.strip().splitlines()[-1])
            if realtime:
                run["first"] = run["done_at"] - launched
            if k:
                runs.append(run)
    since = "process start" if realtime else "import truepix"
    table = Table(title=f"read_figure, 1000x800 imshow + colorbar PNG, {processes} fresh processes")
    columns = (f"first call s (from {since})", "its CPU s", "main thread CPU s", "warm call s", "first/warm")
    for column in ("", *columns):
        table.add_column(column, justify="left" if not column else "right")
    for name, pick in (("median", statistics.median), ("min", min)):
        first, cpu, main_cpu, warm = (pick(run[key] for run in runs) for key in ("first", "first_cpu", "main_cpu", "warm"))
        table.add_row(name, f"{first:.2f}", f"{cpu:.2f}", f"{main_cpu:.2f}", f"{warm:.2f}", f"{first / warm:.1f}")
    console.print(table)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--full", action="store_true", help="more processes per case")
    parser.add_argument("--user", action="store_true", help="read_figure's first call as a user meets it")
    parser.add_argument("--realtime", action="store_true", help="with --user: from the process's start")
    parser.add_argument(
        "--empty-cache", action="store_true", help="first calls with numba's cache empty"
    )
    parser.add_argument(
        "--kernels", action="store_true", help="with --empty-cache: list every kernel compiled"
    )
    args = parser.parse_args()
    repeat = 5 if args.full else 2
    console = Console()
    # an installed package has its bytecode compiled; a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module in every child instead
    compileall.compile_dir(Path(tp.__file__).parent, quiet=1)
    if args.user:
        _user(console, 9 if args.full else 5, args.realtime)
        return
    if args.empty_cache:
        from _empty_cache import empty_cache

        empty_cache(console, Path(tp.__file__).parent, args.kernels)
        return
    with tempfile.TemporaryDirectory() as folder:
        inputs = _inputs(Path(folder))
        table = Table(title=f"first call in a fresh process (best of {repeat} processes)")
        for column in ("case", "import truepix ms", "first call s", "warm call s", "first/warm"):
            table.add_column(column, justify="left" if column == "case" else "right")
        parts: dict[str, dict[str, Any]] = {}
        for label, path in inputs.items():
            case = "read_figure" if label == "read_figure" else "decolorize"
            _child(case, path, "plain", 1)  # fills numba's disk cache if needed
            plain = _child(case, path, "plain", repeat)
            parts[label] = _child(case, path, "stages", repeat)
            rate = ""
            if case == "decolorize":
                rate = f" ({1.0 / plain['first']:.1f} MP/s cold, {1.0 / plain['warm']:.1f} warm)"
            table.add_row(
                label + rate,
                f"{plain['import'] * 1000:.1f}",
                f"{plain['first']:.2f}",
                f"{plain['warm']:.2f}",
                f"{plain['first'] / plain['warm']:.1f}",
            )
        console.print(table)
        for label, run in parts.items():
            stages = Table(title=f"{label}: the first call's start-up, paid one by one")
            stages.add_column("stage")
            stages.add_column("s", justify="right")
            for name, seconds in run["stages"].items():
                stages.add_row(name, f"{seconds:.2f}")
            stages.add_row("first call after those", f"{run['first']:.2f}")
            stages.add_row("warm call", f"{run['warm']:.2f}")
            console.print(stages)


if __name__ == "__main__":
    main()
