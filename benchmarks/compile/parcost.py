"""Compile CPU of parallel kernels as they are and serial (the same Python function).

Usage::

    NUMBA_NUM_THREADS=1 python benchmarks/compile/parcost.py _jumps._jump_kernel,_remodel.remodel

Decodes the 512^2 jet JPEG q75 of ``first_compile.py`` once (numba's cache as it is) to
learn each kernel's argument types, then compiles each named kernel of
``truepix.color._decolorize`` afresh (no cache) with ``parallel=True`` and without, and
prints the compiling thread's CPU seconds (callees compiled for it included).
"""

from __future__ import annotations

import importlib
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numba as nb
import numpy as np
from first_compile import pictures

import truepix as tp


def main() -> None:
    paths = pictures(Path(tempfile.mkdtemp()), Path(tp.__file__).parent.parent)
    tp.decolorize(np.load(paths["jet"]), cmap="jet", vmin=0, vmax=1)
    warnings.simplefilter("ignore", RuntimeWarning)  # (njit's "nopython is set")
    for full in sys.argv[1].split(","):
        module, name = full.rsplit(".", 1)
        kernel = getattr(importlib.import_module("truepix.color._decolorize." + module), name)
        if not kernel.signatures:
            print(f"{full}: not reached by the decode")
            continue
        for parallel in (True, False):
            options = {**kernel.targetoptions, "parallel": parallel}
            options.pop("cache", None)
            fresh = nb.njit(**options)(kernel.py_func)
            started = time.thread_time()
            fresh.compile(kernel.signatures[0])
            print(f"{full:45s} parallel={parallel!s:5s} {time.thread_time() - started:6.2f} s")


if __name__ == "__main__":
    main()
