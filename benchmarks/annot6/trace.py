"""annot6: trace a t02 figure (dash, line or all black ink) through _jpeg's stages: dash pixels flagged after each. python trace.py MAP FIELD [dash|line|all]"""
import sys, numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
sys.path.insert(0, "/work/wt/annot6/benchmarks/decolorize_trial/trial45")
import t02_annotations as t, _common as c
from scipy.ndimage import binary_dilation
import truepix as tp
from truepix.color._decolorize import _jpeg
m, fn = sys.argv[1], sys.argv[2]
part = sys.argv[3] if len(sys.argv) > 3 else "dash"
def fig(f, m, part):
    h, w = f.shape
    fg = plt.figure(figsize=(w / 100, h / 100), dpi=100)
    ax = fg.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(f, cmap=m, vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if part in ("dash", "all"): ax.plot([10, w - 10], [h * .2, h * .8], "k--", lw=0.6)
    if part == "all": ax.text(20, 60, "Elevation 1234 m", color="k", fontsize=14)
    if part in ("line", "all"): ax.plot([10, w - 10], [h * .7, h * .3], "k-", lw=1)
    fg.canvas.draw(); a = np.asarray(fg.canvas.buffer_rgba())[..., :3].copy(); plt.close(fg); return a
f = t.fields[fn]
clean = fig(f, m, None).astype(int); a = fig(f, m, part)
d = np.abs(fig(f, m, "dash").astype(int) - clean).max(-1); sel = (d > 10).ravel(); core = (d > 100).ravel()
near = binary_dilation(np.abs(a.astype(int) - clean).max(-1) > 0, iterations=3).ravel()
im = c.jpeg(a, 75)
STAGES = ["ink_lines", "inked_strokes", "jump_strokes", "gray_ink_strokes", "end_ink_strokes",
          "dip_lines", "straight_strokes", "ink_blends", "fringes", "strokes_unbled"]
state = {}
def wrap(name):
    orig = getattr(_jpeg, name)
    def w(*args, **kw):
        om = [x for x in args if isinstance(x, np.ndarray) and x.dtype == bool and x.ndim == 1 and len(x) == len(sel)]
        b = om[0].copy() if om else None
        r = orig(*args, **kw)
        if om:
            o = om[0]
            print(f"{name:18} dash {100*o[sel].mean():5.1f}% core {100*o[core].mean():5.1f}%  (+{int((o&~b)[sel].sum())})  clean {int((o&~near).sum())}")
        return r
    setattr(_jpeg, name, w)
for s in STAGES: wrap(s)
v = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
nan = np.isnan(v).ravel()
print(f"FINAL {m}/{fn} {part}: {100*nan[sel].mean():.1f}% core {100*nan[core].mean():.1f}% ({sel.sum()}) clean holes {100*nan[~near].mean():.3f}%")
np.save(f"/tmp/annot6/{m}_{fn}_{part}.npy", np.stack([nan.reshape(d.shape), d > 10]))
np.save(f"/tmp/annot6/{m}_{fn}_{part}_im.npy", im)
