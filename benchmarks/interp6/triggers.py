"""interp3/grid.py, also saying on which pictures ``_peak_blends`` dropped a claim ("dropped") --
where this branch's answers may differ from main's on JPEG'd pictures.
Usage: PYTHONPATH=src python benchmarks/interp6/triggers.py (interp3/grid.py's arguments)
"""
from __future__ import annotations

import sys

sys.path.insert(0, "benchmarks/interp3")
import grid  # noqa: E402

from truepix.color._decolorize import _peak_blends  # noqa: E402

ORIG = _peak_blends.peak_blends


def traced(*args, **kwargs):
    out = ORIG(*args, **kwargs)
    if out:
        print("dropped", end=" ", flush=True)
    return out


_peak_blends.peak_blends = traced

if __name__ == "__main__":
    grid.main()
