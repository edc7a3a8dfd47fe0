"""Trace a decode: the plan (dataclass fields) and the NaN count after each stage of Decolorizer._run.
usage: python trace.py big|small  (big: trial 49's 4096^2 mosaic; small: repro.py's 2x2 of 1024)"""
import sys, os, numpy as np, matplotlib as mpl, dataclasses
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial45"))
import _common as c
import truepix as tp
from truepix.color._decolorize import _api
def nan(r):
    v = getattr(r, "values", None); return "-" if v is None else f"{100*np.isnan(np.asarray(v)).mean():.3f}%"
def wrap(mod, name):
    f = getattr(mod, name)
    def g(*a, **k):
        r = f(*a, **k)
        if name == "planned":
            p = r[3]; print("PLAN", {k2: v for k2, v in dataclasses.asdict(p).items() if np.isscalar(v) or v is None}, flush=True)
        else: print(f"  after {mod.__name__.split('.')[-1]}.{name}: NaN {nan(r)}", flush=True)
        return r
    setattr(mod, name, g)
wrap(_api, "planned")
for m, n in [(_api.shifts, "undone"), (_api, "palette_filled"), (_api.planning, "without_marks"),
             (_api.levels, "snapped"), (_api.lobes, "lobed"), (_api.extremes, "censored")]: wrap(m, n)
D = _api.Decolorizer; orig = D._decode
def dec(self, *a, **k):
    r = orig(self, *a, **k); print(f"  after _decode: NaN {nan(r)}", flush=True); return r
D._decode = dec
if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "big"
    if which == "big":
        exec(open(os.path.join(os.path.dirname(__file__), "big.py")).read().split("tp.decolorize(pic[:256")[0])
    else:
        import repro
        ts = repro.tiles_for(1024, 2); truth = np.block([[ts[0][1], ts[1][1]], [ts[2][1], ts[3][1]]])
        pic = c.jpeg(mpl.colormaps["viridis"](truth, bytes=True)[..., :3], 75)
    v = tp.decolorize(pic, cmap="viridis", vmin=0, vmax=1)
    print("final NaN", f"{100*np.isnan(v).mean():.3f}%")
