import sys, numpy as np, functools
import truepix as tp
from truepix.color._decolorize import _jpeg as J, _ringed as R
z = np.load(sys.argv[2] if len(sys.argv) > 2 else "/tmp/thin_case.npz"); im, d = z["im"], z["d"]
m = sys.argv[1]
S = np.flatnonzero((d > 10).reshape(-1))
def share(mask): return f"{100*mask[S].mean():5.1f}%"
def wrap(mod, name):
    fn = getattr(mod, name)
    @functools.wraps(fn)
    def w(*a, **k):
        offs = [x for x in a if isinstance(x, np.ndarray) and x.dtype == bool and x.ndim == 1 and x.size == d.size]
        before = [share(o) for o in offs]
        out = fn(*a, **k)
        after = [share(o) for o in offs]
        extra = ""
        if isinstance(out, np.ndarray) and out.dtype == bool and out.size == d.size:
            extra = " ret " + share(out.reshape(-1))
        print(f"  {name:22} {before} -> {after}{extra}")
        return out
    setattr(mod, name, w)
for n in ["_follow_strokes", "strokes_unbled", "inked_strokes", "jump_strokes", "end_ink_strokes",
          "ink_blends", "fringes", "gray_ink_strokes"]:
    if hasattr(J, n): wrap(J, n)
wrap(R, "jpeg_off_map")
orig_cg = J.counted_groups
def cg(seeds, distance, cands, *a):
    n = orig_cg(seeds, distance, cands, *a)
    idx = np.isin(cands, S)
    print(f"  counted_groups seeds on stroke {seeds[idx].mean():.3f} groups>0 {(a[-1][idx]>0).mean():.3f} n={n}")
    return n
J.counted_groups = cg
orig_model = J._model
def model(flat, scale, width, position, cands, line):
    out = orig_model(flat, scale, width, position, cands, line)
    idx = np.isin(cands, S)
    if idx.sum() > 50:
        print(f"  _model on stroke cands {idx.sum()}: distance p10/50/90 {np.percentile(out[0][idx],[10,50,90])} strong {out[1][idx].mean():.3f}")
    return out
J._model = model
orig_alone = J.alone
def alone(groups, *a, **k):
    out = orig_alone(groups, *a, **k)
    print(f"  alone removes {np.asarray(out).sum() if np.asarray(out).dtype==bool else len(out)}")
    return out
J.alone = alone
orig_t = J._textured
def tex(groups, *a):
    out = orig_t(groups, *a); print(f"  _textured removes {np.count_nonzero(out)}"); return out
J._textured = tex
r = tp.Decolorizer(m, vmin=0, vmax=1).decode(im)
print("thr", r.threshold, "final flag", np.isnan(r.values.reshape(-1)[S]).mean(),
      "resid>thr", (r.residual.reshape(-1)[S] > r.threshold).mean())
