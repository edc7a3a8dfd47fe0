"""Part 2: imshow(field) + contour(field, colors="k", linewidths=0.8) (+ clabel), viridis / jet / coolwarm, a DEM and a
smooth field, savefig PNG, JPEG q90 and q75 (dpi 100). DEFAULT decolorize(fig, cmap=name, vmin, vmax = clim).
Line pixels: those the contours (and labels) change by > 10 DN against the same figure without them.
Report: holes off the lines (truth: the gray redraw), the share of line pixels flagged NaN, ratio off the lines."""
import numpy as np, matplotlib.pyplot as plt, truepix as tp
from _p6 import c, kd, call, wshort, header, cpu, fig_truth, line, LHEAD

header(__doc__.splitlines()[0])
rf = c.real_fields(256); sf = c.smooth_fields(256)
fields = {"dem": c.crop(rf["dem_jacksboro"], 256), "bumps": sf["bumps"]}
print(LHEAD); rows = []
for m in ("viridis", "jet", "coolwarm"):
    for fn, f in fields.items():
        for lab in (False, True):
            fg, ax = plt.subplots()
            art = ax.imshow(f, cmap=m, vmin=0, vmax=1); fg.colorbar(art, ax=ax)
            cs = ax.contour(f, levels=8, colors="k", linewidths=0.8)
            if lab: ax.clabel(cs, fontsize=8)
            for fmt, q in (("png", 75), ("jpg", 90), ("jpg", 75)):
                pic, (sl,), (tr,), raw = fig_truth(fg, [art], fmt, q=q)
                cs.set_visible(False); txts = list(ax.texts)
                for t in txts: t.set_visible(False)
                pic0, _, _, _ = fig_truth(fg, [art], fmt, q=q)
                cs.set_visible(True)
                for t in txts: t.set_visible(True)
                ch = np.abs(pic[sl].astype(int) - pic0[sl].astype(int)).max(-1) > 10
                tag = f"{m} {fn} {'clabel' if lab else 'lines'} {fmt}{q if fmt == 'jpg' else ''}"
                t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1)); dt = cpu() - t0
                if v is None: print(f"{tag:46}ERROR {err}", flush=True); continue
                vv = v[sl]; t2 = tr.copy(); t2[ch] = np.nan
                fl = np.isnan(vv[ch]).mean()
                r = line(tag, vv, t2, kd(m)(pic[sl]), f"line px {int(ch.sum())} flagged {100*fl:.1f}% cpu {dt:.2f}s", ws)
                rows.append((m, fn, lab, fmt + str(q), fl) + r[1:])
            plt.close(fg)
print("\nSUMMARY by format (holes off lines max, ratio off lines, line px flagged min/mean):")
for k in ("png75", "jpg90", "jpg75"):
    rr = [r for r in rows if r[3] == k]
    print(f"  {k}: n={len(rr)} holes max {100*max(r[6] for r in rr):.3f}% (>0.2%: {[(r[0], r[1], r[2], round(100*r[6], 2)) for r in rr if r[6] > .002]}) "
          f"ratio {sum(r[7] for r in rr)/sum(r[8] for r in rr):.3f} flagged min {100*min(r[4] for r in rr):.1f}% mean {100*np.mean([r[4] for r in rr]):.1f}%")
