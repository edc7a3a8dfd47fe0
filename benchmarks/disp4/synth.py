import sys, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import *
from test_decolorize_disparity import _cells
import truepix as tp
for kind in ("pieces", "cells"):
    for seed in (0, 1):
        t = pieces(256, seed) if kind == "pieces" else _cells(256, seed)
        for m in ("jet", "turbo", "rainbow"):
            for q in (50, 75):
                p = jpeg(t, m, q); v = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
                print(f"{kind}{seed} {m} q{q} holes {100*np.isnan(v).mean():.3f}% ratio {error(v,t)/error(nearest(p,m),t):.2f}", flush=True)
