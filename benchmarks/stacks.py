"""Per-pixel histograms and batch equalization: truepix against what people use today.

Every table times its methods side by side in one run, on the same data, and
checks that each one's counts (or images) equal truepix's before timing them.

* histograms of 512^2 float32 frames, 100 bins: the seed's method (per frame,
  ``searchsorted`` then fancy-index ``+= 1``), batched ``np.bincount``, truepix's
  numpy oracle, truepix (numba, all cores);
* 1500^2 float32 frames fed in batches (an array, and a generator of batches);
* the uint8 fast path (a lookup table) against float32 and the seed on uint8;
* streaming 2-D frames from a generator (copied into batches, read ahead);
* equalization of (1800, 1, 96, 96) images: a scikit-image loop and an OpenCV
  loop against truepix, float64 against float32;
* every compiled path against its numpy oracle (the table the tests check);
* peak resident memory of 300 frames of 1024^2 float32 from a generator, in a
  fresh process, imports included;
* the first ``equalize`` call in a fresh process against a warm one.

    python benchmarks/stacks.py          # seconds
    python benchmarks/stacks.py --full   # the issue's sizes (minutes)
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numba
import numpy as np
from rich.console import Console
from rich.table import Table

import truepix as tp
from truepix.stacks.oracles import COMPARISONS

N_BINS = 100


def seed_method(frames: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """The vectorized answer people post: per frame, searchsorted + fancy-index += 1."""
    n_bins = len(edges) - 1
    height, width = frames.shape[1:]
    hist = np.zeros((height, width, n_bins), np.int64)
    rows, cols = np.indices((height, width))
    for frame in frames:
        index = np.searchsorted(edges, frame, side="right") - 1
        index = np.clip(index, 0, n_bins - 1)  # the last edge belongs to the last bin
        hist[rows, cols, index] += 1
    return hist


def bincount_method(frames: np.ndarray, low: float, high: float, batch: int = 32) -> np.ndarray:
    """Batched np.bincount: bin indices by a multiply, one bincount per batch.

    Without numpy's correction against the edges, a value that rounds across an
    edge lands in the neighbouring bin (a few in a million here).
    """
    n_frames, height, width = frames.shape
    n_pixels = height * width
    counts = np.zeros(n_pixels * N_BINS, np.int64)
    offsets = np.arange(n_pixels) * N_BINS
    scale = N_BINS / (high - low)
    for start in range(0, n_frames, batch):
        block = frames[start : start + batch].reshape(-1, n_pixels)
        index = np.clip(((block - low) * scale).astype(np.intp), 0, N_BINS - 1)
        counts += np.bincount((index + offsets).ravel(), minlength=n_pixels * N_BINS)
    return counts.reshape(height, width, N_BINS)


def oracle_method(frames: np.ndarray, low: float, high: float) -> np.ndarray:
    return COMPARISONS["histogram float32 uniform"].oracle(frames)


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    best = np.inf
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def frames_table(
    title: str, rows: list[tuple[str, int, float]], reference: str, second: str | None = None
) -> Table:
    rates = {name: n / seconds for name, n, seconds in rows}
    table = Table(title=title)
    table.add_column("method")
    table.add_column("frames", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("frames/s", justify="right")
    table.add_column(f"x {reference}", justify="right")
    if second:
        table.add_column(f"x {second}", justify="right")
    for name, n, seconds in rows:
        cells = [
            name,
            str(n),
            f"{seconds:.3f}",
            f"{rates[name]:,.0f}",
            f"{rates[name] / rates[reference]:.1f}",
        ]
        if second:
            cells.append(f"{rates[name] / rates[second]:.1f}")
        table.add_row(*cells)
    return table


def histogram_512(console: Console, full: bool) -> None:
    rng = np.random.default_rng(0)
    n_seed, n_fast = (40, 2000) if full else (6, 256)
    frames = rng.random((n_fast, 512, 512), dtype=np.float32)
    edges = np.histogram_bin_edges(frames[:1], N_BINS, range=(0, 1))
    expected = tp.pixel_histogram(frames[:n_seed], bins=N_BINS, range=(0, 1))
    assert np.array_equal(seed_method(frames[:n_seed], edges), expected)
    # the multiply without numpy's edge correction misplaces a few values on edges
    approximate = bincount_method(frames[:n_seed], 0.0, 1.0)
    assert np.abs(approximate - expected).sum() <= 1e-5 * expected.sum()
    assert np.array_equal(oracle_method(frames[:n_seed], 0.0, 1.0), expected)
    n_numpy = min(n_fast, 64)
    rows = [
        ("seed: searchsorted + fancy += 1", n_seed, best_of(1, lambda: seed_method(frames[:n_seed], edges))),
        ("np.bincount, batches of 32", n_numpy, best_of(2, lambda: bincount_method(frames[:n_numpy], 0.0, 1.0))),
        ("truepix numpy oracle", n_numpy, best_of(2, lambda: oracle_method(frames[:n_numpy], 0.0, 1.0))),
        ("truepix (numba)", n_fast, best_of(5, lambda: tp.pixel_histogram(frames, bins=N_BINS, range=(0, 1)))),
    ]  # fmt: skip
    console.print(
        frames_table(
            "512^2 float32 frames, 100 bins",
            rows,
            "seed: searchsorted + fancy += 1",
            "np.bincount, batches of 32",
        )
    )


def _batches(batch: np.ndarray, n_batches: int) -> Iterator[np.ndarray]:
    for _ in range(n_batches):
        yield batch


def histogram_1500(console: Console, full: bool) -> None:
    rng = np.random.default_rng(1)
    batch = rng.random((64, 1500, 1500), dtype=np.float32)  # 576 MiB, fed again and again
    n_batches = 8 if full else 2
    n_frames = len(batch) * n_batches

    def fed_in_batches() -> None:
        hist = tp.stacks.PixelHistogram(bins=N_BINS, range=(0, 1), n_frames=n_frames)
        for block in _batches(batch, n_batches):
            hist.add(block)

    assert np.array_equal(
        tp.pixel_histogram(_batches(batch[:8], 2), bins=N_BINS, range=(0, 1)),
        2 * tp.pixel_histogram(batch[:8], bins=N_BINS, range=(0, 1)).astype(np.uint32),
    )
    rows = [
        ("np.bincount, batches of 32", 32, best_of(1, lambda: bincount_method(batch[:32], 0.0, 1.0))),
        ("truepix, PixelHistogram.add(batch)", n_frames, best_of(3, fed_in_batches)),
        ("truepix, generator of batches", n_frames, best_of(3, lambda: tp.pixel_histogram(
            _batches(batch, n_batches), bins=N_BINS, range=(0, 1)))),
    ]  # fmt: skip
    title = "1500^2 float32 frames fed in batches of 64, 100 bins"
    console.print(frames_table(title, rows, "np.bincount, batches of 32"))


def uint8_path(console: Console, full: bool) -> None:
    rng = np.random.default_rng(2)
    n_frames = 2000 if full else 256
    levels = rng.integers(0, 256, (n_frames, 512, 512), dtype=np.uint8)
    as_float = levels[:64].astype(np.float32)
    edges = np.histogram_bin_edges(levels[:1], N_BINS, range=(0, 256))
    expected = tp.pixel_histogram(levels[:6], bins=N_BINS, range=(0, 256))
    assert np.array_equal(seed_method(levels[:6], edges), expected)
    rows = [
        ("seed on uint8", 6, best_of(1, lambda: seed_method(levels[:6], edges))),
        ("truepix float32 kernel", 64, best_of(3, lambda: tp.pixel_histogram(as_float, bins=N_BINS, range=(0, 256)))),
        ("truepix uint8 (lookup table)", n_frames, best_of(3, lambda: tp.pixel_histogram(levels, bins=N_BINS, range=(0, 256)))),
        ("truepix uint8, 256 bins", n_frames, best_of(3, lambda: tp.pixel_histogram(levels, bins=256, range=(0, 256)))),
    ]  # fmt: skip
    console.print(
        frames_table(
            "512^2 uint8 frames, 100 bins: the fast path",
            rows,
            "seed on uint8",
            "truepix float32 kernel",
        )
    )


def streaming(console: Console, full: bool) -> None:
    rng = np.random.default_rng(3)
    n_frames = 1024 if full else 256
    frames = rng.random((n_frames, 512, 512), dtype=np.float32)
    rows = [
        ("array (views, no copy)", n_frames, best_of(3, lambda: tp.pixel_histogram(frames, bins=N_BINS, range=(0, 1)))),
        ("generator of 2-D frames", n_frames, best_of(3, lambda: tp.pixel_histogram(
            (f for f in frames), bins=N_BINS, range=(0, 1)))),
    ]  # fmt: skip
    console.print(
        frames_table(
            "Streaming 512^2 float32 frames (copied into batches, read ahead)",
            rows,
            "array (views, no copy)",
        )
    )


def equalization(console: Console, full: bool) -> None:
    import cv2
    from skimage.exposure import equalize_hist

    rng = np.random.default_rng(4)
    images = rng.gamma(2.0, 0.2, (1800, 1, 96, 96)).astype(np.float32)
    levels = (np.clip(images, 0, 1) * 255).astype(np.uint8)
    flat, flat8 = images.reshape(-1, 96, 96), levels.reshape(-1, 96, 96)

    def skimage_loop() -> np.ndarray:
        return np.stack([equalize_hist(image) for image in flat])

    def opencv_loop() -> np.ndarray:
        return np.stack([cv2.equalizeHist(image) for image in flat8])

    def oracle_loop() -> np.ndarray:
        return COMPARISONS["equalize float32"].oracle(images)

    assert np.abs(tp.equalize(images).reshape(flat.shape) - skimage_loop()).max() <= 1e-6
    assert np.array_equal(tp.equalize(levels).reshape(flat8.shape), opencv_loop())
    repeat = 5 if full else 3
    as64 = images.astype(np.float64)  # numpy's default, and the seed question's
    times = {
        "scikit-image loop (float32)": best_of(repeat, skimage_loop),
        "truepix numpy oracle (float32)": best_of(1, oracle_loop),
        "truepix (float32)": best_of(repeat, lambda: tp.equalize(images)),
        "truepix (float64)": best_of(repeat, lambda: tp.equalize(as64)),
        "OpenCV loop (uint8)": best_of(repeat, opencv_loop),
        "truepix (uint8)": best_of(repeat, lambda: tp.equalize(levels)),
    }
    table = Table(title="Equalization of (1800, 1, 96, 96) images")
    for column in ("method", "ms", "x scikit-image loop", "x OpenCV loop"):
        table.add_column(column, justify="left" if column == "method" else "right")
    for name, seconds in times.items():
        table.add_row(
            name,
            f"{seconds * 1000:.1f}",
            f"{times['scikit-image loop (float32)'] / seconds:.1f}" if "uint8" not in name else "",
            f"{times['OpenCV loop (uint8)'] / seconds:.2f}" if "uint8" in name else "",
        )
    console.print(table)
    ratio = times["truepix (float64)"] / times["truepix (float32)"]
    console.print(f"float64 / float32 time: {ratio:.2f} (goal <= 1.3)")


def oracles(console: Console, full: bool) -> None:
    """Every row of the oracle table the tests check: the compiled path against numpy."""
    table = Table(title="Compiled paths against their numpy oracles (truepix.stacks.oracles)")
    for column in ("path", "input", "oracle ms", "compiled ms", "x oracle"):
        table.add_column(column, justify="left" if column in ("path", "input") else "right")
    for name, row in COMPARISONS.items():
        shape = (255, 256, 256) if name.startswith("histogram") else (600, 1, 96, 96)
        if full:
            shape = (shape[0] * 4, *shape[1:])
        data = row.data(shape, 0)
        row.fast(data[:2])  # load the kernels
        slow = best_of(1, lambda row=row, data=data: row.oracle(data))
        fast = best_of(3, lambda row=row, data=data: row.fast(data))
        table.add_row(
            name,
            "x".join(map(str, shape)),
            f"{slow * 1000:.0f}",
            f"{fast * 1000:.1f}",
            f"{slow / fast:.0f}",
        )
    console.print(table)


# Runs in a fresh interpreter: peak resident memory (VmHWM; ru_maxrss off Linux) including the
# imports, while frames come from a generator (made on the fly, so only the
# histogram's own memory can raise the peak). tests/stacks/test_memory.py runs a
# smaller case through the same child.
MEMORY_CHILD = """
import json, resource, sys
import numpy as np
import truepix as tp

n_frames, side = int(sys.argv[1]), int(sys.argv[2])

def frames():
    for k in range(n_frames):
        yield np.random.default_rng(k).random((side, side), dtype=np.float32)

counts = tp.pixel_histogram(frames(), bins=100, range=(0, 1))
# Linux keeps the parent's high-water mark in ru_maxrss across fork + exec (a child
# of a 1 GB pytest process reports 1 GB), so read this process's own VmHWM there.
try:
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit
ok = bool((counts.sum(axis=-1) == n_frames).all())
print(json.dumps({"peak": peak, "output": counts.nbytes, "ok": ok}))
"""


def measure_memory(n_frames: int, side: int) -> dict[str, int]:
    """Peak RSS of a fresh process counting a generator of frames (imports included).

    A first child with the same frames fills numba's disk cache (compiling the
    kernels takes hundreds of MiB once, after an install or a change; the frame
    size picks the serial or the parallel kernels, so a smaller warm-up would
    leave the measured child compiling), so the measured child loads them, as
    every later process does.
    """
    import json
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(n_frames), str(side)],
        check=True, capture_output=True, timeout=900,
    )  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(n_frames), str(side)],
        capture_output=True, text=True, check=True, timeout=900,
    )  # fmt: skip
    report: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def memory(console: Console, full: bool) -> None:
    n_frames = 300
    report = measure_memory(n_frames, 1024)
    mib = 2**20
    over = (report["peak"] - report["output"]) / mib
    console.print(
        f"memory: {n_frames} frames of 1024^2 float32 from a generator, in a fresh process:"
        f" peak {report['peak'] / mib:.0f} MiB resident (imports included), output"
        f" {report['output'] / mib:.0f} MiB, so output + {over:.0f} MiB (promise: + 600)"
    )


# Runs in a fresh interpreter. "plain": import truepix, then the first equalize and
# warm ones. "stages": the same process start cut into its parts -- numba's import,
# numba's one-time compiler start (its CPU target's registries, which import
# scipy.linalg for numba's BLAS check; paid by the first compiled call of any library,
# even one loaded from the disk cache), the operating system handing the process an
# output-sized block of fresh memory -- each timed before the first equalize.
FIRST_CALL_CHILD = """
import json, sys, time
import numpy as np
clock = time.perf_counter
started = clock()
import truepix as tp
import_truepix = clock() - started
images = np.random.default_rng(0).random((1800, 1, 96, 96))
stages = {}
if sys.argv[1:] == ["stages"]:
    started = clock()
    import numba
    stages["numba import"] = clock() - started
    started = clock()
    numba.njit(lambda x: x + 1)(1)
    stages["numba start"] = clock() - started
    started = clock()
    scratch = np.empty(images.shape)
    scratch.fill(0.0)
    del scratch
    stages["fresh memory"] = clock() - started
started = clock()
tp.equalize(images)
first = clock() - started
warm = []
for _ in range(5):
    started = clock()
    tp.equalize(images)
    warm.append(clock() - started)
loaded = [
    name for name, kernel in vars(sys.modules["truepix.stacks._equalize_numba"]).items()
    if hasattr(kernel, "stats") and sum(kernel.stats.cache_hits.values())
]
missed = [
    name for name, kernel in vars(sys.modules["truepix.stacks._equalize_numba"]).items()
    if hasattr(kernel, "stats") and sum(kernel.stats.cache_misses.values())
]
print(json.dumps({
    "import": import_truepix, "first": first, "warm": min(warm), "stages": stages,
    "loaded": loaded, "compiled": missed,
}))
"""


def _fresh_child(args: list[str], repeat: int) -> dict[str, Any]:
    """The run with the fastest first call among ``repeat`` fresh interpreters."""
    import json
    import subprocess
    import sys

    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", FIRST_CALL_CHILD, *args],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return min(runs, key=lambda one: one["first"])


def first_call(console: Console, full: bool) -> None:
    """The first equalize in a fresh process (numba's disk cache warm) against a warm call."""
    import compileall

    # an installed package has its bytecode compiled; a source checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module in every child instead
    compileall.compile_dir(Path(tp.__file__).parent, quiet=1)
    _fresh_child([], 1)  # fills numba's disk cache if this checkout never ran
    repeat = 5 if full else 3
    cold, parts = _fresh_child([], repeat), _fresh_child(["stages"], repeat)
    ms = 1000.0
    table = Table(
        title="first call: tp.equalize of (1800, 1, 96, 96) float64 in a fresh process,"
        f" numba's disk cache warm (best of {repeat} processes)"
    )
    table.add_column("what")
    table.add_column("ms", justify="right")
    table.add_column("x warm call", justify="right")
    table.add_row("import truepix (numpy imported)", f"{cold['import'] * ms:.1f}", "")
    table.add_row("first call", f"{cold['first'] * ms:.0f}", f"{cold['first'] / cold['warm']:.1f}")
    table.add_row("warm call", f"{cold['warm'] * ms:.0f}", "1.0")
    own = parts["first"]
    for name, seconds in parts["stages"].items():
        table.add_row(f"  of which {name}", f"{seconds * ms:.0f}", "")
    table.add_row("  first call after those", f"{own * ms:.0f}", f"{own / parts['warm']:.1f}")
    console.print(table)
    console.print(
        f"  variants loaded from the disk cache by the first call: {', '.join(cold['loaded'])};"
        f" compiled: {', '.join(cold['compiled']) or 'none'}. Goal: first call <= 2x warm."
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--full", action="store_true", help="the issue's sizes (minutes)")
    parser.add_argument(
        "--only",
        choices=["512", "1500", "uint8", "stream", "equalize", "oracles", "memory", "first-call"],
        default=None,
        help="one table",
    )
    args = parser.parse_args()
    console = Console()
    console.print(f"numba threads: {numba.get_num_threads()}")
    # compile (or load from numba's disk cache) before timing
    for n_frames in (2, 300):  # 300: the flush into uint16 counts too
        tp.pixel_histogram(np.zeros((n_frames, 8, 8), np.float32), bins=N_BINS, range=(0, 1))
        tp.pixel_histogram(np.zeros((n_frames, 8, 8), np.uint8), bins=N_BINS, range=(0, 256))
        tp.pixel_histogram(
            (f for f in np.zeros((n_frames, 8, 8), np.float32)), bins=N_BINS, range=(0, 1)
        )
    tp.equalize(np.random.default_rng(0).random((2, 8, 8), dtype=np.float32))
    tp.equalize(np.zeros((2, 8, 8), np.uint8))
    tables = {
        "512": histogram_512,
        "1500": histogram_1500,
        "uint8": uint8_path,
        "stream": streaming,
        "equalize": equalization,
        "oracles": oracles,
        "memory": memory,
        "first-call": first_call,
    }
    for name, run in tables.items():
        if args.only in (None, name):
            run(console, args.full)


if __name__ == "__main__":
    main()
