"""Holes when resized_blends' ink veto is off (EDGE_INK_SHARE = 1)."""
import sys
sys.path.insert(0, "benchmarks/interp2")
import numpy as np
import measure
from truepix.color._decolorize import _edges
import truepix as tp
_edges.EDGE_INK_SHARE = 1.01
a = measure.array()
for interp in sys.argv[2].split(","):
    truth = measure.drawn(a, "gray", interp, None)[2:-2, 2:-2, 0] / 255.0
    for q in [75, 90]:
        for m in sys.argv[1].split(","):
            pic = measure.drawn(a, m, interp, q)
            v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)[2:-2, 2:-2]
            h = np.isnan(v)
            err = np.where(h, 1.0, np.abs(v - truth)).mean()
            base = np.abs(measure.kd(pic, m)[2:-2, 2:-2] - truth).mean()
            print(interp, q, m, f"holes {100*h.mean():.2f} ratio {err/base:.2f}", flush=True)
