import sys, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import *
import truepix as tp
from truepix.color._decolorize import _jpeg as J
m, q = sys.argv[1], int(sys.argv[2])
src = sys.argv[3] if len(sys.argv) > 3 else "disp"
from test_decolorize_disparity import _cells
t = disparity() if src == "disp" else _cells(256, int(src[5:])) if src.startswith("cells") else pieces(256, int(src))
p = jpeg(t, m, q)
H, W = t.shape
stages = {}
state = {"prev": None}
names = ["_follow_strokes", "strokes_unbled", "ink_lines", "inked_strokes", "jump_strokes",
         "gray_ink_strokes", "end_ink_strokes", "dip_lines", "straight_strokes", "ink_blends", "fringes"]
def wrap(name, f):
    def g(*a, **k):
        om = None
        for x in a:
            if isinstance(x, np.ndarray) and x.dtype == bool and x.size == H * W:
                om = x
        before = None if om is None else om.copy()
        r = f(*a, **k)
        if om is not None:
            new = om & ~before
            stages[name] = stages.get(name, np.zeros(H * W, bool)) | new
            if name == "_follow_strokes":
                stages["inline"] = before.copy()
        return r
    return g
for n in names:
    setattr(J, n, wrap(n, getattr(J, n)))
orig = J.jpeg_off_map
def jo(*a, **k):
    r = orig(*a, **k); stages["_result"] = r.copy(); return r
J.jpeg_off_map = jo
import truepix.color._decolorize._api as A
for mod in list(sys.modules.values()):
    if mod and getattr(mod, "__name__", "").startswith("truepix") and getattr(mod, "jpeg_off_map", None) is orig:
        mod.jpeg_off_map = jo
v = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
hole = np.isnan(v).ravel()
print(f"{m} q{q} {src}: holes {hole.sum()} ({100*hole.mean():.3f}%) ratio {error(v,t)/error(nearest(p,m),t):.2f}")
res = stages.get("_result")
print("off_map result", None if res is None else res.sum(), "holes not in result", None if res is None else (hole & ~res).sum())
for n, s in stages.items():
    if n != "_result": print(f"  {n:20} {s.sum():6d} in holes {np.sum(s & hole):6d}")
np.savez(f"tr_{m}_{q}_{src}.npz", pic=p, truth=t, hole=hole.reshape(H, W), **{k: v.reshape(H, W) for k, v in stages.items()})
