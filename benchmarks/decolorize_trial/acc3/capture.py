import os, sys, pickle, numpy as np
sys.path.insert(0, "/work/wt/acc3/benchmarks"); sys.path.insert(0, "/work/wt/acc3/benchmarks/decolorize_trial/acc2")
sys.argv = ["x"]
from colormaps import MAPS, CYCLIC
from _conditions import colormap
from truepix import Decolorizer
from truepix.color._decolorize import _filter
rec = {}
orig = _filter.deblock
def hook(*a):
    rec["args"] = a; return orig(*a)
_filter.deblock = hook
CACHE = "/tmp/acc2/pics"
fields = pickle.load(open(f"{CACHE}/fields.pkl", "rb"))
out = []
for m in MAPS:
    dec = Decolorizer(colormap(m), cyclic=m in CYCLIC, vmin=0.0, vmax=1.0)
    for f, (kind, data) in fields.items():
        if kind != "real": continue
        for c in ("q90", "q75", "q50", "q75_444"):
            z = np.load(f"{CACHE}/{m.replace(':','_')}_{f}_{c}.npz")
            rec.clear()
            est = dec.values(z["img"])
            out.append(dict(m=m, f=f, c=c, est=est, truth=z["truth"], tree=z["tree"], cyc=m in CYCLIC,
                            args=rec.get("args")))
pickle.dump(out, open("/tmp/acc3/cap.pkl", "wb"))
print(len(out), sum(o["args"] is not None for o in out))
