"""``cold_start.py --empty-cache``: first calls with numba's cache empty (after ``pip install``).

Each case runs in a fresh copy of the package (numba keeps its cache beside the
sources, in ``__pycache__``): the checkout's caches are neither used nor filled. A
first process pays every compile; a second one, on the cache the first filled, is
what every later process pays. Both are timed from ``import truepix`` to the end
of the first call, in wall-clock seconds and in the process's CPU seconds (all of
its threads: on a busy machine the wall clock is only the share of the cores the
process got). Beside them, the kernels numba compiled in the first process, each
with its own compile time (CPU seconds of the compiling thread, callees compiled
while typing it subtracted).
"""

from __future__ import annotations

import compileall
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

CHILD = """
import contextlib, io, json, sys, time
case, path, out = sys.argv[1:4]
wall, cpu = time.perf_counter(), time.process_time()
import truepix as tp
from numba.core import event  # numba's import: paid by the first call anyway

class Compiles(event.Listener):
    def __init__(self):
        self.open, self.done = [], []
    def on_start(self, ev):  # (numba compiles on the calling thread: its CPU time)
        self.open.append([time.thread_time(), 0.0])
    def on_end(self, ev):
        started, nested = self.open.pop()
        total = time.thread_time() - started
        if self.open:
            self.open[-1][1] += total
        function = ev.data["dispatcher"].py_func
        module = function.__module__.removeprefix("truepix.").removeprefix("color._decolorize.")
        name = module + "." + function.__qualname__
        args = ", ".join(str(arg) for arg in ev.data["args"])
        self.done.append((name, args, total - nested))

compiles = Compiles()
event.register("numba:compile", compiles)
if case == "demo":
    from truepix.cli.demo import command
    with contextlib.redirect_stdout(io.StringIO()):
        command.main(["--out", out], standalone_mode=False)
else:
    import numpy as np
    cmap = "viridis" if "viridis" in case else "jet"
    tp.decolorize(np.load(path), cmap=cmap, vmin=0.0, vmax=1.0)
print(json.dumps({
    "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
    "file": tp.__file__, "compiles": compiles.done,
}))
"""


#: one row for the overloads numba compiles for the kernels' own calls
OWN = "numba's own overloads (np.empty, min, sort, ...)"


def _pictures(folder: Path) -> dict[str, Path]:
    """A 1 MP field as ``plt.imsave`` writes it with viridis (PNG), and with jet as JPEG q75."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from PIL import Image

    import truepix as tp

    data = tp.synthetic.fractal_field((1000, 1000), seed=3)
    plt.imsave(folder / "viridis.png", data, cmap="viridis")
    exact = np.asarray(Image.open(folder / "viridis.png"))
    rendered = matplotlib.colormaps["jet"]((data - data.min()) / np.ptp(data), bytes=True)
    buffer = io.BytesIO()
    Image.fromarray(rendered[..., :3]).save(buffer, "JPEG", quality=75)
    np.save(folder / "viridis.npy", exact)
    np.save(folder / "jet.npy", np.asarray(Image.open(buffer)))
    return {
        "decolorize, exact viridis PNG (1 MP)": folder / "viridis.npy",
        "decolorize, jet JPEG q75 (1 MP)": folder / "jet.npy",
        "truepix demo": folder / "demo",
    }


def _run(case: str, path: Path, copy: Path) -> dict[str, Any]:
    env = {key: value for key, value in os.environ.items() if key != "NUMBA_CACHE_DIR"}
    env["PYTHONPATH"] = os.pathsep.join([str(copy), env.get("PYTHONPATH", "")])
    out = copy.parent / "demo_out"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, case, str(path), str(out)],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(done.stderr)
    run = json.loads(done.stdout.strip().splitlines()[-1])
    if not run["file"].startswith(str(copy)):
        raise RuntimeError(f"expected truepix from {copy}, got {run['file']}")
    return run


def empty_cache(console: Console, package: Path, all_kernels: bool) -> None:
    """Time each case's first call with numba's cache empty, then warm; list the compiles."""
    rows, kernels = [], {}
    with tempfile.TemporaryDirectory() as folder:
        cases = _pictures(Path(folder))
        for label, path in cases.items():
            copy = Path(folder) / label.split()[0].strip(",") / "src"
            shutil.rmtree(copy.parent, ignore_errors=True)
            shutil.copytree(package, copy / "truepix", ignore=shutil.ignore_patterns("*.nb[ic]"))
            compileall.compile_dir(copy, quiet=1)  # an installed package has its bytecode
            case = "demo" if label == "truepix demo" else path.stem
            empty, warm = _run(case, path, copy), _run(case, path, copy)
            compiled = sum(seconds for *_, seconds in empty["compiles"])
            rows.append((label, empty, warm, compiled))
            kernels[label] = empty["compiles"]
    table = Table(title="first call with numba's disk cache empty (after pip install), then warm")
    columns = ("empty: wall s", "CPU s", "kernels", "compile CPU s", "warm cache: wall s", "CPU s")
    table.add_column("import truepix + first call")
    for column in columns:
        table.add_column(column, justify="right")
    for label, empty, warm, compiled in rows:
        table.add_row(
            label, f"{empty['wall']:.1f}", f"{empty['cpu']:.1f}", str(len(empty["compiles"])),
            f"{compiled:.1f}", f"{warm['wall']:.2f}", f"{warm['cpu']:.2f}",
        )  # fmt: skip
    console.print(table)
    for label, compiles in kernels.items():
        console.print(_listing(label, compiles, all_kernels))


def _listing(label: str, compiles: list[list[Any]], all_kernels: bool) -> Table:
    """Compile CPU seconds per kernel (its specializations summed; numba's own
    overloads -- np.empty, min, sorts -- in one row), slowest first."""
    per_kernel: dict[str, list[Any]] = {}
    for name, args, seconds in compiles:
        key = OWN if name.startswith("numba.") else name
        entry = per_kernel.setdefault(key, [0, 0.0, []])
        entry[0] += 1
        entry[1] += seconds
        entry[2].append(args)
    listed = sorted(per_kernel.items(), key=lambda item: -item[1][1])
    shown = listed if all_kernels else listed[:15]
    more = "" if all_kernels else f" (the {len(shown)} slowest; --kernels lists all)"
    table = Table(title=f"{label}: kernels compiled{more}")
    for column in ("kernel", "compiles", "CPU s", "argument types where several"):
        table.add_column(
            column, justify="right" if column in ("compiles", "CPU s") else "left",
            no_wrap=column == "kernel",
        )  # fmt: skip
    for name, (count, seconds, signatures) in shown:
        single = name == OWN or count == 1
        table.add_row(
            name, str(count), f"{seconds:.2f}", "" if single else " | ".join(signatures)
        )  # fmt: skip
    return table
