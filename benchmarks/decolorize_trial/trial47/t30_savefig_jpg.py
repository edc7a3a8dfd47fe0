"""Part 2: a matplotlib figure saved straight to JPEG with savefig(format="jpg") (Agg -> Pillow at its default
quality), imshow (default interpolation) 5x4 in at dpi 100 with a colorbar, 6 maps x smooth/DEM. Decoded with the
DEFAULT call decolorize(figure, cmap=name, vmin=0, vmax=1) and with cmap=find_colorbar(figure) (limits given if the bar
has none). Scored on the plot area's interior (3 px in): holes, MAE (holes = 1.0), p99, ratio to the k-d tree on the
same JPEG pixels; truth = the figure redrawn with 'gray' (8 bits). margin_ans% = share of non-plot, non-bar paper
pixels given a value (should be ~0)."""
import numpy as np, cv2, truepix as tp
import matplotlib.pyplot as plt
from _p2 import c, grab, interior, gray_truth, score, smooth, kd, call, wshort, savefig_bytes, read_rgb, header

header(__doc__.splitlines()[0])
dem = cv2.resize(c.norm01(c.real_fields()["dem_jacksboro"]).astype(np.float32), (260, 200), interpolation=cv2.INTER_AREA).astype(np.float64)
fields = {"smooth": smooth(200, 260), "dem": dem}
print(f"{'map':9}{'field':7}{'route':6}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}{'margin_ans%':>12}  jpeg/noise/thr | warnings")
rows = []
for m in ("viridis", "jet", "turbo", "magma", "RdBu_r", "cividis"):
    for fn, f in fields.items():
        fg = plt.figure(figsize=(5, 4), dpi=100); ax = fg.add_axes([0.1, 0.1, 0.65, 0.8])
        art = ax.imshow(f, cmap=m, vmin=0, vmax=1, aspect="auto"); cb = fg.colorbar(art)
        png = grab(fg); sl = interior(fg, ax); truth = gray_truth(fg, art, sl)
        pic = read_rgb(savefig_bytes(fg, "jpg"))
        bb = cb.ax.get_window_extent(); H = png.shape[0]
        margin = np.ones(png.shape[:2], bool)
        b2 = ax.get_window_extent(); margin[int(H - b2.y1) - 2:int(H - b2.y0) + 2, int(b2.x0) - 2:int(b2.x1) + 2] = False
        margin[int(H - bb.y1) - 2:int(H - bb.y0) + 2, int(bb.x0) - 2:int(bb.x1) + 2] = False
        plt.close(fg)
        assert pic.shape == png.shape, (pic.shape, png.shape)
        base = kd(m)(pic[sl]); mb, pb, _ = score(base, truth)
        for route in ("name", "bar"):
            if route == "name":
                kw = dict(cmap=m, vmin=0, vmax=1)
            else:
                bar, err, ws = call(lambda: tp.find_colorbar(pic))
                if bar is None:
                    print(f"{m:9}{fn:7}{route:6} find_colorbar -> None {err} {wshort(ws)}"); continue
                kw = dict(cmap=bar) if bar.vmin is not None else dict(cmap=bar, vmin=0, vmax=1)
            v, err, ws = call(lambda: tp.decolorize(pic, **kw))
            if v is None:
                print(f"{m:9}{fn:7}{route:6} ERROR {err}"); continue
            res = tp.Decolorizer(kw["cmap"], **{k: x for k, x in kw.items() if k != "cmap"}).decode(pic)
            mt, pt, ht = score(v[sl], truth)
            mans = float((~np.isnan(v[margin])).mean())
            rows.append((m, fn, route, ht, mt, mb, pt, pb, mans))
            print(f"{m:9}{fn:7}{route:6}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{100*pt:7.2f}{100*pb:7.2f}{100*mans:12.3f}  "
                  f"{bool(res.jpeg)}/{float(res.noise):.2f}/{float(res.threshold):.1f} | {wshort(ws)}", flush=True)
print("\nSUMMARY per route: holes mean/max %, ratio (sum tp / sum kd), p99 worse than kd n/N, margin answered max %")
for route in ("name", "bar"):
    rr = [r for r in rows if r[2] == route]
    if not rr: continue
    print(f"  {route:5} holes {100*np.mean([r[3] for r in rr]):.3f}/{100*max(r[3] for r in rr):.3f}  ratio {sum(r[4] for r in rr)/sum(r[5] for r in rr):.3f}"
          f"  p99 worse {sum(r[6] > r[7] * 1.001 for r in rr)}/{len(rr)}  margin_ans max {100*max(r[8] for r in rr):.3f}  holes>0.2%: {sum(r[3] > 0.002 for r in rr)}/{len(rr)}")
print("load", c.loadavg())
