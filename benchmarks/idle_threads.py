"""CPU that truepix's calls leave on threads other than the caller's: spinning pools.

Usage::

    python benchmarks/idle_threads.py           # seconds (each case warm, then 3 calls)
    python benchmarks/idle_threads.py --rounds 9

A library's thread pools (OpenBLAS behind numpy's ``@``, onnxruntime's behind the
tick-label OCR) keep their idle threads *spinning* for a while after each piece of
work. On a quiet machine that only burns CPU; on a busy one (two cores, dask workers,
a notebook beside) a spinning thread takes the core the working one needs. A product
in the JPEG lattice test once made every decode 2.4x the CPU (docs/decolorize.md);
OpenBLAS's spinning after the many small products of a whole figure's decode was
5-9 % of its CPU (12-23 % with the wrong map), onnxruntime's between the OCR's operators about 15 % of a
read_figure (docs/figures.md). truepix's calls now run BLAS on the calling thread
(``truepix._threads.blas_on_caller``) and the OCR's pool without spinning.

Each case runs in two fresh child processes with one numba thread (so numba's own
pool does no work of its own): as a user's process runs it, and with
``OPENBLAS_NUM_THREADS=1``. The table gives the process's CPU per call, the calling
thread's, and the share on other threads: a share above a few percent on a decode
means a pool woke up; read_figure's few percent are onnxruntime's second thread at
work. The k-d tree (scipy's cKDTree, ``workers=1``) answering the same picture's
nearest table colors is the peer: it runs on the calling thread only.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable

import numpy as np

_CHILD = "--child"


def _cases() -> dict[str, Callable[[], object]]:
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt
    from PIL import Image
    from scipy.spatial import cKDTree

    import truepix as tp

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from _conditions import terrain_field

    field = terrain_field(1024, np.random.default_rng(3))
    field = (field - field.min()) / (field.max() - field.min())
    rgb = mpl.colormaps["viridis"](field, bytes=True)[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, "JPEG", quality=75)
    jpeg = np.asarray(Image.open(buffer).convert("RGB"))
    tree = cKDTree(mpl.colormaps["viridis"](np.linspace(0, 1, 256))[:, :3] * 255)

    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    fig.colorbar(ax.imshow(field[::4, ::4], cmap="viridis"))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="jpeg", pil_kwargs={"quality": 75})
    plt.close(fig)
    figure = np.asarray(Image.open(buffer).convert("RGB"))
    fig, ax = plt.subplots()
    fig.colorbar(ax.pcolormesh(field[::32, ::32], cmap="jet"))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="jpeg", pil_kwargs={"quality": 75})
    plt.close(fig)
    meshed = np.asarray(Image.open(buffer).convert("RGB"))
    return {
        "decolorize 1 MP PNG (exact)": lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1),
        "decolorize 1 MP JPEG q75": lambda: tp.decolorize(jpeg, cmap="viridis", vmin=0, vmax=1),
        "decolorize jet figure JPEG q75": lambda: tp.decolorize(meshed, cmap="jet", vmin=0, vmax=1),
        "read_figure 800x600 JPEG q75": lambda: tp.read_figure(figure),
        "k-d tree 1 MP JPEG q75 (peer)": lambda: tree.query(jpeg.reshape(-1, 3), workers=1),
    }


def _child(rounds: int) -> None:
    rows = {}
    for name, call in _cases().items():
        call()  # warm: compiled kernels loaded, the OCR model read
        process, thread = time.process_time(), time.thread_time()
        for _ in range(rounds):
            call()
        process, thread = time.process_time() - process, time.thread_time() - thread
        rows[name] = (1e3 * process / rounds, 1e3 * thread / rounds)
    print(json.dumps(rows))


def _run(rounds: int, blas_threads: str | None) -> dict[str, list[float]]:
    env = dict(os.environ, NUMBA_NUM_THREADS="1")
    if blas_threads is not None:
        env["OPENBLAS_NUM_THREADS"] = blas_threads
    else:
        env.pop("OPENBLAS_NUM_THREADS", None)
    done = subprocess.run(
        [sys.executable, os.path.abspath(__file__), _CHILD, str(rounds)],
        env=env, capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="measured calls per case")
    args = parser.parse_args()
    as_is, one_blas = _run(args.rounds, None), _run(args.rounds, "1")
    print(f"{'call':32} {'CPU ms':>8} {'caller ms':>10} {'other %':>8}"
          f" {'CPU ms, 1 BLAS thr':>19} {'other %':>8} {'ratio':>6}")
    for name, (process, thread) in as_is.items():
        process1, thread1 = one_blas[name]
        print(f"{name:32} {process:8.0f} {thread:10.0f} {100 * (process - thread) / process:8.1f}"
              f" {process1:19.0f} {100 * (process1 - thread1) / process1:8.1f}"
              f" {process / process1:6.2f}")
    print("other %: the share of the process's CPU on threads other than the caller's;"
          " ratio: CPU as is / with OPENBLAS_NUM_THREADS=1")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == _CHILD:
        _child(int(sys.argv[2]))
    else:
        main()
