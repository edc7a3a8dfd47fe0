"""Trial 50 t82 part d alone, over several maps, and where the in-range holes lie.

python rings.py [MAP:UNDER:OVER,...]   (default RdYlGn:navy:magenta)

Per map, PNG and JPEG q75, by name and by the Colormap object: in-range holes, MAE,
the under / over pixels marked, and the holes in rings 1-5 px from the under / over
regions (r1..r5) and farther (far)."""
import sys, io, numpy as np, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp, warnings, time
sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "decolorize_trial", "trial50"))
from _p5 import c, F, fig_truth
import cv2
N = 384; rf = c.real_fields(512)
dem = cv2.resize(rf["dem_jacksboro"].astype(np.float32), (N, N), interpolation=cv2.INTER_CUBIC).astype(float)
nd = np.clip(0.55 * dem + 0.45 * c.crop(rf["camera"], N), 0, 1) * 2 - 1
maps = sys.argv[1].split(",") if len(sys.argv) > 1 else ["RdYlGn:navy:magenta"]
def grow(m, k):
    for _ in range(k):
        g = m.copy(); g[1:] |= m[:-1]; g[:-1] |= m[1:]; g[:, 1:] |= m[:, :-1]; g[:, :-1] |= m[:, 1:]; m = g
    return m
for spec in maps:
    m, un, ov = spec.split(":")
    lo, hi = -0.5, 0.8
    cmx = mpl.colormaps[m].with_extremes(under=un, over=ov)
    fg, ax = plt.subplots(); art = ax.imshow(nd, cmap=cmx, vmin=lo, vmax=hi); fg.colorbar(art, ax=ax, extend="both")
    for fmt in ("png", "jpg"):
        pic, (sl,), (tr,), raw = fig_truth(fg, [art], fmt)
        und = tr <= 0.5 / 256 + 1e-9; ovr = tr >= 255.5 / 256 - 1e-9
        mid = ~und & ~ovr & np.isfinite(tr)
        ext = und | ovr
        rings = [ext] + [grow(ext, k) & ~grow(ext, k - 1) for k in range(1, 6)]
        for route, arg in (("name", m), ("object", cmx)):
            t0 = time.process_time()
            with warnings.catch_warnings(record=True) as ws:
                warnings.simplefilter("always")
                r = tp.Decolorizer(arg, vmin=lo, vmax=hi).decode(pic)
            dt = time.process_time() - t0
            v = r.values[sl]; h = np.isnan(v) & mid
            ring = " ".join(f"r{k}:{int((h & rr).sum())}/{int((mid & rr).sum())}" for k, rr in enumerate(rings) if k)
            far = int((h & ~grow(ext, 5)).sum())
            um = 100 * np.asarray(r.under)[sl][und].mean() if und.any() else float('nan')
            om = 100 * np.asarray(r.over)[sl][ovr].mean() if ovr.any() else float('nan')
            err = np.abs((v - lo) / (hi - lo) - tr)[mid & np.isfinite(v)]
            print(f"{m:8} {fmt} {route:6} holes {100*h.sum()/mid.sum():6.3f}% MAE {100*err.mean():.3f}% under {int(und.sum())} marked {um:5.1f}% over {int(ovr.sum())} marked {om:5.1f}% | rings {ring} far {far} | cpu {dt:.2f}s")
            for w in ws: print("    W:", str(w.message)[:300])
    plt.close(fg)
