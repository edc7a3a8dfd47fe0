"""A new user's first call after ``pip install``: numba compiles every kernel it reaches.

Usage::

    python benchmarks/compile/first_compile.py SRC [SRC ...] [--cases demo,viridis,jet,png]
        [--out result.json] [--jobs 2] [--kernels 20]
    python benchmarks/compile/first_compile.py --show result.json [--kernels 20]

Each case runs in a fresh copy of ``SRC/truepix`` (numba's ``.nbi``/``.nbc`` left out,
bytecode compiled as a wheel would have it) and a new, empty ``NUMBA_CACHE_DIR``: the
first call a user ever makes. Cases: ``demo`` (``truepix demo``, all sections), the
first ``decolorize`` of a 512^2 fBm field drawn in viridis or jet and saved as JPEG q75
(Pillow 4:2:0), and of the exact viridis PNG (``plt.imsave``). Timed from ``import
truepix`` to the end of the call: wall seconds and CPU seconds (``process_time``, all
threads), the number of specializations numba compiled (``numba:compile`` events) and
each one's own CPU (compiling thread, nested compiles subtracted). NUMBA_NUM_THREADS is
left as set (the numbers in README.md: 2).
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _empty_cache import CHILD  # noqa: E402  (cold_start.py --empty-cache's child: one listener)



def pictures(folder: Path, src: Path) -> dict[str, Path]:
    """The 512^2 pictures: viridis and jet at JPEG q75, the exact viridis PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from PIL import Image

    sys.path.insert(0, str(src))
    from truepix._synthetic import fractal_field

    data = fractal_field((512, 512), seed=3)
    unit = (data - data.min()) / np.ptp(data)
    paths = {}
    for cmap in ("viridis", "jet"):
        rgb = matplotlib.colormaps[cmap](unit, bytes=True)[..., :3]
        buffer = io.BytesIO()
        Image.fromarray(rgb).save(buffer, "JPEG", quality=75)
        paths[cmap] = folder / f"{cmap}.npy"
        np.save(paths[cmap], np.asarray(Image.open(buffer).convert("RGB")))
    plt.imsave(folder / "viridis.png", data, cmap="viridis")
    paths["png"] = folder / "png.npy"
    np.save(paths["png"], np.asarray(Image.open(folder / "viridis.png").convert("RGB")))
    paths["demo"] = folder / "demo"
    return paths


def run_case(src: Path, case: str, picture: Path, folder: Path) -> dict:
    """One case in a fresh copy of the package and an empty numba cache."""
    copy = folder / "src"
    shutil.copytree(
        src / "truepix", copy / "truepix", ignore=shutil.ignore_patterns("*.nb[ic]", "__pycache__")
    )
    compileall.compile_dir(copy, quiet=1)
    env = dict(os.environ, PYTHONPATH=str(copy), NUMBA_CACHE_DIR=str(folder / "numba_cache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        # (the child reads viridis from a case naming it, else jet)
        [sys.executable, "-c", CHILD, "viridis png" if case == "png" else case, str(picture),
         str(folder / "demo_out")],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    run = json.loads(done.stdout.strip().splitlines()[-1])
    if not run["file"].startswith(str(copy)):
        raise RuntimeError(f"expected truepix from {copy}, got {run['file']}")
    run["compile_cpu"] = sum(seconds for *_, seconds in run["compiles"])
    return run


def kernels(run: dict, most: int) -> None:
    """The ``most`` kernels of a run by compile CPU, their specializations summed
    (numba's own overloads -- np.empty, min, sorts -- in one row)."""
    per: dict[str, list] = {}
    for name, args, seconds in run["compiles"]:
        key = "(numba's own)" if name.startswith("numba.") else name
        entry = per.setdefault(key, [0, 0.0, []])
        entry[0], entry[1] = entry[0] + 1, entry[1] + seconds
        entry[2].append(args)
    for name, (count, seconds, args) in sorted(per.items(), key=lambda kv: -kv[1][1])[:most]:
        several = "" if count == 1 or name.startswith("(") else "  || " + " | ".join(args)
        print(f"  {seconds:6.2f} s {count:3d}x {name}{several[:300]}")


def report(results: dict, most: int) -> None:
    """One line per source tree and case, and its slowest kernels."""
    for src, cases in results.items():
        for case, run in cases.items():
            print(
                f"{src} {case}: wall {run['wall']:.1f} s, CPU {run['cpu']:.1f} s, "
                f"{len(run['compiles'])} specializations, compile CPU {run['compile_cpu']:.1f} s"
            )
            kernels(run, most)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", nargs="*", type=Path)
    parser.add_argument("--show", type=Path, help="print a saved --out file")
    parser.add_argument("--kernels", type=int, default=0, help="list the slowest kernels")
    parser.add_argument("--cases", default="demo,viridis,jet,png")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if args.show:
        report(json.loads(args.show.read_text()), args.kernels)
        return
    with tempfile.TemporaryDirectory() as temp:
        paths = pictures(Path(temp), args.src[0].resolve())
        jobs = [
            (src.resolve(), case) for src in args.src for case in args.cases.split(",")
        ]  # fmt: skip

        def one(job):
            src, case = job
            return run_case(src, case, paths[case], Path(tempfile.mkdtemp(dir=temp)))

        with ThreadPoolExecutor(args.jobs) as pool:
            runs = list(pool.map(one, jobs))
    results: dict = {}
    for (src, case), run in zip(jobs, runs):
        results.setdefault(str(src), {})[case] = run
    report(results, args.kernels)
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
