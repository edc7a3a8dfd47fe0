"""The speed section's "first call as a user waits" rows: a new process, imports counted.

The main table's "cold, fresh process" row leaves out the process's imports and
numba's start; a script that decodes one picture pays them all. Here each run is
a new interpreter that has imported numpy and loaded the picture; then the clock
(CPU time of the process, all threads) runs through ``import truepix`` and the
first ``tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)`` -- numba's disk
cache warm (a first child fills it). Beside it the baseline measured the same way:
``import matplotlib`` (the table) and ``scipy.spatial``, a ``cKDTree`` built on
the 256 colors and queried with every pixel. Median of a few processes.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

import numpy as np

_TRUEPIX = """
import sys, time
import numpy as np
picture = np.load(sys.argv[1])
started = time.process_time()
import truepix as tp
tp.decolorize(picture, cmap="viridis", vmin=0.0, vmax=1.0)
print(time.process_time() - started)
"""

_NEAREST = """
import sys, time
import numpy as np
picture = np.load(sys.argv[1])
started = time.process_time()
import matplotlib
from scipy.spatial import cKDTree
table = matplotlib.colormaps["viridis"](np.arange(256), bytes=True)[:, :3].astype(np.float64)
_, index = cKDTree(table).query(picture.reshape(-1, 3).astype(np.float64))
values = ((index + 0.5) / 256).reshape(picture.shape[:-1])
print(time.process_time() - started)
"""


def _seconds(child: str, path: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", child, str(path)], capture_output=True, text=True, check=True
    )
    return float(done.stdout.split()[-1])


def first_call_rows(
    pictures: Mapping[str, np.ndarray], *, processes: int = 3
) -> list[tuple[str, str, float, float]]:  # fmt: skip
    """(picture, method, CPU seconds, x the k-d tree) for the named pictures (viridis)."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for label, picture in pictures.items():
            path = Path(folder) / "picture.npy"
            np.save(path, np.ascontiguousarray(picture))
            _seconds(_TRUEPIX, path)  # numba's cache filled, the table stored
            ours, theirs = [], []
            for _ in range(processes):  # alternated, so both meet the same load
                ours.append(_seconds(_TRUEPIX, path))
                theirs.append(_seconds(_NEAREST, path))
            ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
            rows.append((label, "truepix: import + first decolorize()", ours_s, theirs_s / ours_s))
            rows.append((label, "nearest RGB: import + cKDTree query", theirs_s, 1.0))
    return rows


def print_first_call(pictures: Mapping[str, np.ndarray]) -> None:
    """Print the rows of :func:`first_call_rows`."""
    rows = first_call_rows(pictures)
    megapixels = next(iter(pictures.values())).shape[0] * next(iter(pictures.values())).shape[1]
    megapixels /= 1e6
    print("\nFirst call in a new process, imports counted (CPU of the process, median of 3)")
    header = f"{'picture':<17} {'method':<38} {'ms':>9} {'MP/s':>8} {'x nearest RGB':>14}"
    print(header)
    print("-" * len(header))
    for label, method, seconds, ratio in rows:
        print(
            f"{label:<17} {method:<38} {1e3 * seconds:>9.1f} {megapixels / seconds:>8.1f}"
            f" {ratio:>14.2f}"
        )
