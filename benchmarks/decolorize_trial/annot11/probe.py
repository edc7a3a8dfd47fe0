"""annot11 probe (issue 11 D1): annotated 8x8 heatmap cells (matplotlib's annotated-heatmap recipe) and matshow + black
contours, PNG / q75 / q95: holes (NaN data pixels) by stage, by distance to the ink; ink flagged, for the contours by
what the line is drawn over (jet's navy end or elsewhere). Pictures and truth as trial56's t404 (the gray redraw).

run: cd benchmarks/decolorize_trial/annot11 && PYTHONPATH=../../../src NUMBA_NUM_THREADS=1 MPLBACKEND=Agg python probe.py
"""
import sys, pathlib
H = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(H.parent / "trial56"))
from _p9 import pics, fbm, annotated_cells  # noqa: E402
import numpy as np, matplotlib.pyplot as plt, truepix as tp  # noqa: E402
from scipy import ndimage  # noqa: E402
from truepix.color._decolorize import _plan as P, _api as A  # noqa: E402

STAGES = {}


def recorder(mod, name):
    f = getattr(mod, name)
    def wrapped(*a, **k):
        r = f(*a, **k)
        res = r[0] if isinstance(r, tuple) else r
        if hasattr(res, "values") and np.ndim(res.values) == 2:
            STAGES.setdefault("order", []).append((name, np.isnan(np.asarray(res.values)).copy()))
        return r
    setattr(mod, name, wrapped)


for nm in ("without_fills", "without_ruled_lines", "without_cell_marks", "without_overlays"):
    recorder(P, nm)
_pal = A.palette_filled
def _pal_w(*a, **k):
    r = _pal(*a, **k); STAGES.setdefault("order", []).append(("decode", np.isnan(np.asarray(r.values)).copy())); return r
A.palette_filled = _pal_w

d8 = np.random.default_rng(56).uniform(size=(8, 8)); dfield = fbm(64, seed=4)[:40, :60]


def annotated(m):
    return annotated_cells(m, d8)


def contoured(m):
    def make(cm, ink, face):
        fg, ax = plt.subplots()
        if face: ax.set_facecolor(face)
        im = ax.matshow(dfield, cmap=cm or m); plt.colorbar(im, shrink=0.6)
        ax.contour(dfield, levels=6, colors=[ink], linewidths=1)
        return fg, ax, im.norm
    return make


QUALS = (("png", None), ("q75", 75), ("q95", 95))
print(f"{'case':34} {'holes%':>7} {'flag%':>6} | holes by stage (new NaN data px) | holes by distance to ink px "
      "(<=1, 1-3, 3-6, >6) | unflagged ink over navy (truth<0.1) / elsewhere", flush=True)
for kind, maker in (("annot", annotated), ("contour", contoured)):
    for m in ("viridis", "jet"):
        ps, truth, ink, sl, nm = pics(maker(m), quals=QUALS)
        tr, ik = truth[sl], ink[sl]
        data = np.isfinite(tr)
        dist = ndimage.distance_transform_edt(~ik)
        # the data's value under each ink pixel: the nearest data pixel's truth
        _, (iy, ix) = ndimage.distance_transform_edt(~data, return_indices=True)
        under = tr[iy, ix]
        for lab, pic in ps.items():
            STAGES.clear()
            v = np.asarray(tp.decolorize(pic, cmap=m, vmin=float(nm.vmin), vmax=float(nm.vmax)))[sl]
            h = np.isnan(v) & data
            prev = np.zeros_like(h)
            st = []
            for name, nan in STAGES.get("order", []):
                n = nan[sl] & data
                st.append(f"{name.replace('without_', '')}+{int((n & ~prev).sum())}")
                prev = n
            st.append(f"later+{int((h & ~prev).sum())}")
            dh = dist[h]
            bins = [(dh <= 1).sum(), ((dh > 1) & (dh <= 3)).sum(), ((dh > 3) & (dh <= 6)).sum(), (dh > 6).sum()]
            miss = ik & ~np.isnan(v)
            navy = under < 0.1
            print(f"{kind} {m} {lab:5} {'':14} {100*h.sum()/data.sum():7.3f} {100*np.isnan(v)[ik].mean():6.1f} | "
                  f"{' '.join(st)} | {bins} | {int((miss & navy).sum())}/{int((ik & navy).sum())} navy, "
                  f"{int((miss & ~navy).sum())}/{int((ik & ~navy).sum())} else", flush=True)
