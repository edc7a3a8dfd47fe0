"""Part 2: matplotlib imshow with interpolation 'bicubic', 'bilinear' at dpi 50/100/300 (the default 'antialiased' at 50/72/100/150/300, 4 maps: t22_imshow_interp_partial_antialiased.txt, the run cut there)
(4x3 in figure, a 200x260 array: drawn down at low dpi, up at high dpi), 4 maps, smooth field and DEM. Default call on
the whole figure; scored on the plot area interior; truth = same figure with cmap 'gray'."""
import numpy as np, truepix as tp, cv2, warnings
import matplotlib.pyplot as plt
import _fig as F, _common as c

dem = cv2.resize(c.norm01(c.real_fields()["dem_jacksboro"]).astype(np.float32), (260, 200), interpolation=cv2.INTER_AREA).astype(np.float64)
fields = {"smooth": F.smooth(200, 260), "dem": dem}
MAPS = ["viridis", "jet", "magma"]  # cut to fit the loaded machine; antialiased x 5 dpi x 4 maps: t22_imshow_interp_partial_antialiased.txt
print(f"{'interp':12}{'dpi':>4} {'map':9}{'field':7}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}  jpeg/noise/thr")
rows = []
for interp in ("bicubic", "bilinear"):
    for dpi in (50, 100, 300):
        for m in MAPS:
            for fn, f in fields.items():
                fg = plt.figure(figsize=(4, 3), dpi=dpi); ax = fg.add_axes([0.1, 0.1, 0.65, 0.8])
                art = ax.imshow(f, cmap=m, vmin=0, vmax=1, interpolation=interp, aspect="auto"); fg.colorbar(art)
                pic = F.grab(fg); sl = F.interior(fg, ax); truth = F.gray_truth(fg, art, sl); plt.close(fg)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    r = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
                    v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
                mt, pt, ht = F.score(v[sl], truth); mb, pb, _ = F.score(F.kd(m)(pic[sl]), truth)
                rows.append((interp, dpi, m, fn, mt, mb, ht, pt, pb))
                print(f"{interp:12}{dpi:>4} {m:9}{fn:7}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{100*pt:7.2f}{100*pb:7.2f}  {bool(r.jpeg)}/{float(r.noise):.2f}/{float(r.threshold):.1f}", flush=True)
print("\nSUMMARY per interpolation x dpi (4 maps x 2 fields)")
for interp in ("bicubic", "bilinear"):
    for dpi in (50, 100, 300):
        rr = [r for r in rows if r[0] == interp and r[1] == dpi]
        print(f"  {interp:12}{dpi:>4}: ratio {sum(r[4] for r in rr)/sum(r[5] for r in rr):.3f} holes mean {100*np.mean([r[6] for r in rr]):.3f}% max {100*max(r[6] for r in rr):.3f}% (>0.2%: {sum(r[6]>.002 for r in rr)}/{len(rr)}) p99 worse {sum(r[7]>r[8]*1.001 for r in rr)}/{len(rr)}")
print("load", F.loadavg())
