"""Print _edges.resized_blends' numbers on the measure.py pictures."""
from __future__ import annotations

import sys

import numpy as np

sys.path.insert(0, "benchmarks/interp2")
import measure  # noqa: E402
from truepix.color._decolorize import _edges, _jpeg  # noqa: E402
import truepix as tp  # noqa: E402

orig_inked, orig_rb = _edges.inked_share, _edges.resized_blends


def inked(*a, **k):
    r = orig_inked(*a, **k)
    print(f"   inked_share {r:.3f} n={len(a[3])}", end="")
    return r


def rb(*a, **k):
    blend, resized = orig_rb(*a, **k)
    print(f"   resized={resized} blends={blend.sum()} of {len(a[3])}")
    return blend, resized


_edges.inked_share = inked
_jpeg.resized_blends = rb
maps = (sys.argv[1] if len(sys.argv) > 1 else "jet,turbo,rainbow,viridis").split(",")
interps = (sys.argv[2] if len(sys.argv) > 2 else "bilinear").split(",")
quals = [int(q) for q in (sys.argv[3] if len(sys.argv) > 3 else "75,90").split(",")]
a = measure.array()
for interp in interps:
    for q in quals:
        for m in maps:
            pic = measure.drawn(a, m, interp, q)
            print(interp, q, m, end="")
            v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)[2:-2, 2:-2]
            print(f"   holes {100 * np.isnan(v).mean():.2f} %")
