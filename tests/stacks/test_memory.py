"""Streams are streamed: peak memory is the result plus bounded scratch (in a fresh process)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

# The child measures its own peak RSS (ru_maxrss) after imports and
# compilation, then while 300 frames of 1024^2 float32 (1.2 GiB in all) come from a
# generator. The frames are made on the fly, so only the histogram's own memory
# can raise the peak.
CHILD = textwrap.dedent(
    """
    import json, resource, sys
    import numpy as np
    import truepix as tp

    def frames(n, shape):
        for k in range(n):
            yield np.random.default_rng(k).random(shape, dtype=np.float32)

    tp.pixel_histogram(frames(3, (64, 64)), bins=100, range=(0, 1))  # compile / load kernels
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit
    counts = tp.pixel_histogram(frames(300, (1024, 1024)), bins=100, range=(0, 1))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit
    ok = bool((counts.sum(axis=-1) == 300).all())
    print(json.dumps({"baseline": baseline, "peak": peak, "output": counts.nbytes, "ok": ok}))
    """
)


@pytest.mark.slow
def test_a_generator_of_300_large_frames_fits_in_output_plus_600_mib() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True, timeout=600
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["ok"]
    assert report["output"] == 1024 * 1024 * 100 * 2  # uint16: grown from uint8 at frame 256
    scratch = report["peak"] - report["baseline"] - report["output"]
    assert scratch <= 600 * 2**20, f"scratch {scratch / 2**20:.0f} MiB"
