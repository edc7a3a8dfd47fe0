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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--full", action="store_true", help="more processes per case")
    args = parser.parse_args()
    repeat = 5 if args.full else 2
    console = Console()
    # an installed package has its bytecode compiled; a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module in every child instead
    compileall.compile_dir(Path(tp.__file__).parent, quiet=1)
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
