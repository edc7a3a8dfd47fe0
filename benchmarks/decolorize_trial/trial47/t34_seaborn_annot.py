"""Part 2: seaborn.heatmap(data, annot=True) -- seaborn's defaults (fmt '.2g', text colour picked per cell, no cell
lines, a colorbar) plus cmap viridis / coolwarm / jet and seaborn's own default 'rocket', 10x14 cells, 8x6 in at
dpi 100; PNG (canvas) and JPEG q75 (Pillow). Decoded with the DEFAULT call by name (seaborn:rocket for rocket) and
with cmap=find_colorbar(figure). Annotation pixels = those the annot text changed by > 10 DN (vs the same heatmap
without annot): share flagged NaN (goal >= 99 % PNG, >= 95 % JPEG q75) and share answered > 5 % off; cell pixels
>= 3 px from any text and from cell edges: holes, MAE vs the gray redraw, ratio to the k-d tree."""
import numpy as np, truepix as tp
import matplotlib.pyplot as plt
import seaborn as sns
from scipy.ndimage import binary_dilation
from _p2 import c, grab, interior, gray_truth, score, kd, call, wshort, jpeg, header

header(__doc__.splitlines()[0])
rng = np.random.default_rng(5)
base_f = c.smooth_fields(140)["bumps"][::14, ::10][:10, :14]
data = np.round(20 * base_f + rng.normal(0, 1.5, base_f.shape), 1)
vmin, vmax = float(data.min()), float(data.max())
print(f"{'map':9}{'fmt':5}{'route':6}{'annot_px':>9}{'flag%':>7}{'wrong>5%':>9}{'cell_holes%':>12}{'tp%':>8}{'kd%':>8}{'ratio':>7}  jpeg/noise/thr | note | warnings")
rows = []
for m in ("rocket", "viridis", "coolwarm", "jet"):
    name = "seaborn:rocket" if m == "rocket" else m
    figs = {}
    for annot in (False, True):
        fg, ax = plt.subplots(figsize=(8, 6), dpi=100)
        sns.heatmap(data, annot=annot, cmap=m if m != "rocket" else None, ax=ax)
        art = ax.collections[0]
        figs[annot] = grab(fg)
        if not annot:
            sl = interior(fg, ax, pad=0); truth = gray_truth(fg, art, sl)
        plt.close(fg)
    plain, pic_png = figs[False], figs[True]
    ann = np.abs(pic_png.astype(int) - plain.astype(int)).max(-1)[sl] > 10
    H, W = truth.shape
    yy, xx = np.mgrid[0:H, 0:W]
    ch, cw = H / data.shape[0], W / data.shape[1]
    edge = (np.abs((yy + .5) / ch - np.round((yy + .5) / ch)) * ch < 3) | (np.abs((xx + .5) / cw - np.round((xx + .5) / cw)) * cw < 3)
    clean = ~binary_dilation(ann, iterations=3) & ~edge
    for fmt, pic in (("png", pic_png), ("jpg75", jpeg(pic_png, 75))):
        for route in ("name", "bar"):
            note = ""
            if route == "name":
                kw = dict(cmap=name, vmin=vmin, vmax=vmax)
            else:
                bar, err, ws = call(lambda: tp.find_colorbar(pic))
                if bar is None:
                    print(f"{m:9}{fmt:5}{route:6} no bar {err}"); continue
                ent = bar.colormap_entry(); note = f"bar={getattr(ent, 'name', 'custom')} lim={bar.vmin},{bar.vmax}"
                kw = dict(cmap=bar) if bar.vmin is not None else dict(cmap=bar, vmin=vmin, vmax=vmax)
            v, err, ws = call(lambda: tp.decolorize(pic, **kw))
            if v is None:
                print(f"{m:9}{fmt:5}{route:6} ERROR {err}"); continue
            res = tp.Decolorizer(kw["cmap"], **{k: x for k, x in kw.items() if k != "cmap"}).decode(pic)
            vv = (v[sl] - vmin) / (vmax - vmin)
            flag = float(np.isnan(vv[ann]).mean())
            wrong = float((np.abs(vv[ann] - truth[ann]) > 0.05).mean())
            mt, pt, ht = score(vv[clean], truth[clean])
            base = kd(m)(pic[sl]); mb, pb, _ = score(base[clean], truth[clean])
            rows.append((m, fmt, route, flag, wrong, ht, mt, mb))
            print(f"{m:9}{fmt:5}{route:6}{int(ann.sum()):9}{100*flag:7.1f}{100*wrong:9.1f}{100*ht:12.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/max(mb, 1e-9):7.2f}  "
                  f"{bool(res.jpeg)}/{float(res.noise):.2f}/{float(res.threshold):.1f} | {note} | {wshort(ws)}", flush=True)
print("\nSUMMARY (fmt, route): annotations flagged mean/min, wrong>5% max, cell holes max, ratio")
for fmt in ("png", "jpg75"):
    for route in ("name", "bar"):
        rr = [r for r in rows if r[1] == fmt and r[2] == route]
        if rr:
            print(f"  {fmt:5} {route:5} flagged {100*np.mean([r[3] for r in rr]):.1f}/{100*min(r[3] for r in rr):.1f}  wrong max {100*max(r[4] for r in rr):.1f}"
                  f"  cell holes max {100*max(r[5] for r in rr):.3f}  ratio {sum(r[6] for r in rr)/max(sum(r[7] for r in rr), 1e-9):.3f}")
print("load", c.loadavg())
