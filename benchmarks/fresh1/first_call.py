"""CPU time a user waits for ``import truepix`` and the first ``decolorize`` in a new process.

    python benchmarks/fresh1/first_call.py SRC_A [SRC_B ...] [--rounds 5] [--maps viridis,jet]
        [--kinds png,jpeg] [--pictures /tmp/fresh1]

Each round runs one fresh interpreter per (tree, map, kind), trees alternated, with
NUMBA_NUM_THREADS=1 and PYTHONPATH=SRC; numba's disk cache must be warm (run once with
--rounds 1 first). Inside, numpy is imported and the picture (a 1024^2 uint8 RGB array,
``{map}_{kind}.npy``) loaded before the clock starts; then ``import truepix`` and
``tp.decolorize(picture, cmap=map, vmin=0, vmax=1)`` are timed (process CPU, all threads).
Prints medians (ms) and what the process loaded: numba kernels (dispatchers with a compiled
overload), and whether matplotlib / scipy were imported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

CHILD = r"""
import json, sys, time
import numpy as np
picture = np.load(sys.argv[1])
name = sys.argv[2]
clock = time.process_time
c0 = clock()
import truepix as tp
c1 = clock()
tp.decolorize(picture, cmap=name, vmin=0.0, vmax=1.0)
c2 = clock()
kernels = 0
try:
    import gc
    from numba.core.dispatcher import Dispatcher
    kernels = sum(1 for o in gc.get_objects()
                  if type(o).__name__ == "CPUDispatcher" and o.overloads)
except ImportError:
    pass
mods = sys.modules
print(json.dumps({"import": c1 - c0, "call": c2 - c1, "total": c2 - c0, "kernels": kernels,
                  "matplotlib": "matplotlib" in mods, "scipy": "scipy" in mods,
                  "scipy.linalg": "scipy.linalg" in mods, "modules": len(mods)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("srcs", nargs="+")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--maps", default="viridis,jet")
    parser.add_argument("--kinds", default="png,jpeg")
    parser.add_argument("--pictures", default="/tmp/fresh1")
    args = parser.parse_args()
    cases = [(m, k) for k in args.kinds.split(",") for m in args.maps.split(",")]
    runs: dict = {(s, c): [] for s in args.srcs for c in cases}
    for _ in range(args.rounds):
        for case in cases:
            for src in args.srcs:
                env = dict(os.environ, PYTHONPATH=src, NUMBA_NUM_THREADS="1")
                path = os.path.join(args.pictures, f"{case[0]}_{case[1]}.npy")
                done = subprocess.run([sys.executable, "-c", CHILD, path, case[0]], env=env,
                                      capture_output=True, text=True)  # fmt: skip
                if done.returncode:
                    sys.exit(done.stderr)
                runs[src, case].append(json.loads(done.stdout.splitlines()[-1]))
    print(f"rounds={args.rounds} load={os.getloadavg()[0]:.1f} (CPU ms, median [min])")
    for case in cases:
        for src in args.srcs:
            got = runs[src, case]
            cells = []
            for key in ("import", "call", "total"):
                values = [r[key] * 1000 for r in got]
                cells.append(f"{key} {statistics.median(values):6.0f} [{min(values):5.0f}]")
            mp = 1.048576 / statistics.median(r["total"] for r in got)
            last = got[-1]
            print(f"{case[0]:8s} {case[1]:5s} {src:24s} " + " ".join(cells)
                  + f" {mp:5.1f} MP/s kernels {last['kernels']:3d} mpl {last['matplotlib']:d}"
                  f" scipy {last['scipy']:d} linalg {last['scipy.linalg']:d}"
                  f" modules {last['modules']}")


if __name__ == "__main__":
    main()
