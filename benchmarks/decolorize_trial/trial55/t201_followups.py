"""Follow-ups of t200's two worst: (a) pcolormesh(edgecolors="k") JPEG: holes by distance to the cell borders, whole
cells lost, cell size and quality; (b) hexbin(cmap="jet") exact PNG: are the holes the blends on the hexagons' shared
edges (a 3x3 neighbourhood of the truth holding two levels)? the same with linewidths=0."""
import sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial54"))
import os
os.environ["ONLY"] = "-"
from t200_new_inputs import pics  # noqa
from _p8 import header, call, cpu, wshort
import numpy as np
from scipy.ndimage import distance_transform_edt, maximum_filter, minimum_filter, label
import matplotlib.pyplot as plt
import truepix as tp

header("t201 follow-ups: pcolormesh edges, hexbin jet")
rng = np.random.default_rng(55)


def bands(tag, pic, truth, ink, sl, m, nm):
    t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=float(nm.vmin), vmax=float(nm.vmax))); dt = cpu() - t0
    if v is None:
        print(tag, err); return None
    tr = truth[sl]; h = np.isnan(v[sl]); ok = np.isfinite(tr)
    d = distance_transform_edt(~ink[sl])
    parts = []
    for lo, hi in ((0, 2), (2, 4), (4, 6), (6, 1e9)):
        s = ok & (d > lo) & (d <= hi)
        parts.append(f"({lo},{hi if hi < 1e8 else 'inf'}] {100*h[s].mean() if s.any() else float('nan'):5.1f}%")
    # whole cells: connected regions of one truth level, > 90 % NaN
    lab, n = label(ok & (d > 0))
    cnt = np.bincount(lab.ravel(), minlength=n + 1); nan_c = np.bincount(lab.ravel(), weights=h.ravel(), minlength=n + 1)
    big = cnt[1:] >= 20
    lost = int(((nan_c[1:] / np.maximum(cnt[1:], 1)) > 0.9)[big].sum())
    print(f"{tag:44} holes {100*h[ok].mean():6.2f}% | {' '.join(parts)} | cells > 90% NaN {lost} of {int(big.sum())} | ink flagged "
          f"{100*h[ink[sl]].mean():5.1f}% ({dt:.2f} s) | {wshort(ws, 100)}", flush=True)
    return v


print("# (a) pcolormesh(edgecolors=k): holes by distance to the borders (px)", flush=True)
for shape in ((16, 24), (8, 12), (32, 48)):
    d = rng.uniform(size=shape)
    for m in ("viridis", "jet"):
        for lw in (0.5,):
            def make(cm, ink, face, m=m, lw=lw, d=d):
                fg, ax = plt.subplots()
                if face: ax.set_facecolor(face)
                pm = ax.pcolormesh(d, cmap=cm or m, edgecolors=ink, linewidth=lw); fg.colorbar(pm)
                return fg, ax, pm.norm
            ps, truth, ink, sl, nm = pics(make, quals=(("png", None), ("q75", 75), ("q90", 90), ("q95", 95)))
            for lab_, pic in ps.items():
                if lab_ == "png": continue
                bands(f"(a) {shape} {m} lw {lw} {lab_}", pic, truth, ink, sl, m, nm)
    # the same without edges, for the control
    def make0(cm, ink, face, d=d):
        fg, ax = plt.subplots()
        if face: ax.set_facecolor(face)
        pm = ax.pcolormesh(d, cmap=cm or "viridis"); fg.colorbar(pm)
        return fg, ax, pm.norm
    ps, truth, ink, sl, nm = pics(make0)
    bands(f"(a) {shape} viridis no edges q75", ps["q75"], truth, ink, sl, "viridis", nm)

print("# (b) hexbin jet PNG: holes on shared edges?", flush=True)
x, y = rng.normal(size=20000), rng.normal(size=20000)
for lwk in ("default", "linewidths=0", "edgecolors=none"):
    for gs in (25, 60):
        def make(cm, ink, face, gs=gs, lwk=lwk):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            kw = {} if lwk == "default" else ({"linewidths": 0} if lwk == "linewidths=0" else {"edgecolors": "none"})
            hb = ax.hexbin(x, y, gridsize=gs, cmap=cm or "jet", **kw); fg.colorbar(hb)
            return fg, ax, hb.norm
        ps, truth, ink, sl, nm = pics(make, quals=(("png", None),))
        pic = ps["png"]; tr = truth[sl]; ok = np.isfinite(tr)
        v, err, ws = call(lambda: tp.decolorize(pic, cmap="jet", vmin=float(nm.vmin), vmax=float(nm.vmax)))
        h = np.isnan(v[sl])
        t0 = np.nan_to_num(tr, nan=-1)
        edge = (maximum_filter(t0, 3) - minimum_filter(t0, 3)) > 1.5 / 256
        print(f"(b) hexbin jet gridsize {gs} {lwk:16} holes {100*h[ok].mean():6.3f}% | of the holes on a 3x3 two-level "
              f"neighbourhood {100*edge[h & ok].mean() if (h & ok).any() else float('nan'):5.1f}% | such pixels {100*edge[ok].mean():5.1f}% of the data, "
              f"NaN {100*h[ok & edge].mean() if (ok & edge).any() else float('nan'):5.1f}% | {wshort(ws, 100)}", flush=True)

print("# (c) with_extremes by object: per region (under / over / bad, from a redraw in three colours) NaN / marked / valued",
      flush=True)
import matplotlib as mpl  # noqa: E402
from _p8 import fig_bytes, pil_rgb, plot_slice  # noqa: E402
from _p8 import fbm  # noqa: E402
f = fbm(256, seed=55); fm = np.ma.masked_where(f > 0.9, f)
for m, ext in (("viridis", dict(under="white", over="magenta", bad="0.5")), ("jet", dict(under="white", over="black", bad="0.8"))):
    cmo = mpl.colormaps[m].with_extremes(**ext)
    g3 = mpl.colormaps["gray"].with_extremes(under=(1, 0, 0), over=(0, 1, 0), bad=(1, 0, 1))
    out = {}
    for key, cm in (("pic", cmo), ("reg", g3)):
        fg, ax = plt.subplots(); im = ax.imshow(fm, cmap=cm, vmin=0.2, vmax=0.75); fg.colorbar(im, extend="both")
        for lab_, kw in (("png", {}), ("q75", {"pil_kwargs": {"quality": 75}})):
            if key == "reg" and lab_ == "q75": continue
            out[(key, lab_)] = pil_rgb(fig_bytes(fg, "png" if lab_ == "png" else "jpeg", dpi=100, **kw))
        sl = plot_slice(fg, ax, out[("reg", "png")].shape if key == "reg" else out[("pic", "png")].shape); plt.close(fg)
    r = out[("reg", "png")][sl].astype(int)
    regs = {"under": (r[..., 0] > 200) & (r[..., 1] < 50) & (r[..., 2] < 50), "over": (r[..., 1] > 200) & (r[..., 0] < 50),
            "bad": (r[..., 0] > 200) & (r[..., 2] > 200) & (r[..., 1] < 50)}
    core = {k: minimum_filter(v.astype(np.uint8), 5).astype(bool) for k, v in regs.items()}  # 2 px inside each region
    for lab_ in ("png", "q75"):
        pic = out[("pic", lab_)]
        for route, cm in (("name", m), ("object", cmo)):
            res = tp.Decolorizer(cm, vmin=0.2, vmax=0.75).decode(pic)
            vv, ov, un = res.values[sl], res.over[sl], res.under[sl]
            parts = [f"{k} ({100*core[k].mean():.1f}% of plot): NaN {100*np.isnan(vv[core[k]]).mean():5.1f} over {100*ov[core[k]].mean():5.1f} "
                     f"under {100*un[core[k]].mean():5.1f} valued-unmarked {100*(np.isfinite(vv) & ~ov & ~un)[core[k]].mean():5.1f}"
                     for k in ("under", "over", "bad")]
            print(f"(c) {m} {ext} {route} {lab_}: " + " | ".join(parts), flush=True)
