import sys, time, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import *
import truepix as tp
t = disparity()
for m in sys.argv[1].split(","):
    for q in [int(x) for x in sys.argv[2].split(",")]:
        p = jpeg(t, m, q); c0 = time.process_time()
        v = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
        print(f"{m} q{q} holes {100*np.isnan(v).mean():.3f}% ratio {error(v,t)/error(nearest(p,m),t):.2f} cpu {time.process_time()-c0:.1f}", flush=True)
