"""Streams are streamed: peak memory, imports included, stays within the output + 600 MiB.

The child process is the benchmark's own (``benchmarks/stacks.py``,
``MEMORY_CHILD``): a fresh interpreter imports truepix, counts frames made on the
fly by a generator, and reports its peak resident memory (``VmHWM``, not ``ru_maxrss``, which on Linux keeps the parent's peak) --
imports, numba and the kernels included.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

PROMISE = 600 * 2**20  # bytes over the output


def benchmark() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "stacks.py"
    spec = importlib.util.spec_from_file_location("benchmarks_stacks", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_generator_of_300_frames_fits_in_output_plus_600_mib() -> None:
    report = benchmark().measure_memory(300, 256)
    assert report["ok"]
    assert report["output"] == 256 * 256 * 100 * 2  # uint16: grown from uint8 at frame 256
    assert report["peak"] - report["output"] <= PROMISE, report


@pytest.mark.slow
def test_the_issue_case_300_frames_of_1024_squared() -> None:
    report = benchmark().measure_memory(300, 1024)
    assert report["ok"]
    assert report["output"] == 1024 * 1024 * 100 * 2
    assert report["peak"] - report["output"] <= PROMISE, report
