"""CPU (user + sys of the child) of one ``truepix decolorize FILE out.npy`` per tree, alternated.

    python benchmarks/fresh1/cli_time.py SRC_A,SRC_B FILE1,FILE2 ROUNDS

``--cmap viridis --vmin 0 --vmax 1``; NUMBA_NUM_THREADS=1, PYTHONPATH=SRC; the first
round warms numba's cache and is not counted. Prints median and min ms per file and tree.
"""

import os
import resource
import statistics
import subprocess
import sys
import tempfile


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main() -> None:
    srcs, files, rounds = sys.argv[1].split(","), sys.argv[2].split(","), int(sys.argv[3])
    runs: dict = {(s, f): [] for s in srcs for f in files}
    out = os.path.join(tempfile.mkdtemp(), "out.npy")
    for r in range(rounds + 1):
        for f in files:
            for s in srcs:
                env = dict(os.environ, PYTHONPATH=s, NUMBA_NUM_THREADS="1")
                args = ["decolorize", f, out, "--cmap", "viridis", "--vmin", "0", "--vmax", "1"]
                started = _cpu()
                done = subprocess.run([sys.executable, "-m", "truepix", *args], env=env,
                                      capture_output=True, text=True)  # fmt: skip
                if done.returncode:
                    sys.exit(done.stderr)
                if r:
                    runs[s, f].append(_cpu() - started)
    for f in files:
        for s in srcs:
            ms = [x * 1000 for x in runs[s, f]]
            print(f"{os.path.basename(f):10s} {s:24s} CPU ms median {statistics.median(ms):6.0f}"
                  f" min {min(ms):6.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
