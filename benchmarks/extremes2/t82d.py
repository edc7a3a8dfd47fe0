"""Trial 50 t82 part d (extend colours, NDVI field) over maps and qualities: the three
numbers of trial 51's failure 6.

python t82d.py [MAP:UNDER:OVER,...] [--fmt png,jpg75,jpg90] [--figure]

Per map and format: by name (in-range holes, ratio vs the k-d tree, warning or not), with
the Colormap object (holes, under / over marked, in-range pixels set at vmin / vmax), and
with --figure read_figure's cmap / vmin / vmax / confidence."""
import sys, os, warnings, time, numpy as np, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial50"))
from _p5 import c, F, fig_truth, kd  # noqa: E402
import cv2  # noqa: E402

args = [a for a in sys.argv[1:] if not a.startswith("--")]
fmts = next((a.split("=")[1] for a in sys.argv if a.startswith("--fmt=")), "png,jpg75").split(",")
figure = "--figure" in sys.argv
N = 384; rf = c.real_fields(512)
dem = cv2.resize(rf["dem_jacksboro"].astype(np.float32), (N, N), interpolation=cv2.INTER_CUBIC).astype(float)
nd = np.clip(0.55 * dem + 0.45 * c.crop(rf["camera"], N), 0, 1) * 2 - 1
maps = args[0].split(",") if args else ["RdYlGn:navy:magenta"]
lo, hi = -0.5, 0.8
for spec in maps:
    m, un, ov = spec.split(":")
    cmx = mpl.colormaps[m].with_extremes(under=un, over=ov)
    base_f = kd(m)
    fg, ax = plt.subplots(); art = ax.imshow(nd, cmap=cmx, vmin=lo, vmax=hi)
    fg.colorbar(art, ax=ax, extend="both")
    for fmt in fmts:
        q = int(fmt[3:]) if fmt.startswith("jpg") else 75
        pic, (sl,), (tr,), raw = fig_truth(fg, [art], "jpg" if fmt.startswith("jpg") else "png", q=q)
        und = tr <= 0.5 / 256 + 1e-9; ovr = tr >= 255.5 / 256 - 1e-9
        mid = ~und & ~ovr & np.isfinite(tr)
        t2 = tr.copy(); t2[~mid] = np.nan
        mb = F.score(base_f(pic[sl]), t2, mid)[0]
        for route, arg in (("name", m), ("object", cmx)):
            t0 = time.process_time()
            with warnings.catch_warnings(record=True) as ws:
                warnings.simplefilter("always")
                r = tp.Decolorizer(arg, vmin=lo, vmax=hi).decode(pic)
            dt = time.process_time() - t0
            v = r.values[sl]; pos = (v - lo) / (hi - lo)
            mt, pt, ht = F.score(pos, t2, mid)
            line = f"{m:8} {un}/{ov} {fmt:5} {route:6} holes {100*ht:6.3f}% MAE {100*mt:.3f}% ratio {mt/mb:5.2f}"
            if route == "object":
                um = 100 * np.asarray(r.under)[sl][und].mean()
                om = 100 * np.asarray(r.over)[sl][ovr].mean()
                at_lo = int((np.isclose(v, lo) & mid).sum()); at_hi = int((np.isclose(v, hi) & mid).sum())
                far_hi = int((np.isclose(v, hi) & mid & (tr < 0.9)).sum())
                line += (f" | under {int(und.sum())} marked {um:5.1f}% over {int(ovr.sum())} marked {om:5.1f}%"
                         f" | in-range at vmin {at_lo} at vmax {at_hi} (of them truth<0.9: {far_hi})")
            line += f" | cpu {dt:.2f}s | warn {'; '.join(str(w.message)[:90] for w in ws) or '-'}"
            print(line, flush=True)
        if figure:
            rd = tp.read_figure(raw)
            if rd.panels:
                a = rd.panels[0].data.attrs; cb = rd.panels[0].colorbar
                print(f"    read_figure {fmt}: cmap {a.get('cmap')} vmin {a.get('vmin'):.3f} vmax {a.get('vmax'):.3f} "
                      f"conf {a.get('confidence'):.2f} under {getattr(cb, 'under', None)} over {getattr(cb, 'over', None)} "
                      f"doubts {str(a.get('doubts'))[:150]!r}", flush=True)
    plt.close(fg)
