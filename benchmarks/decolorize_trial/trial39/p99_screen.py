"""p99 screen (issue 11, Deliver 2): JPEG pictures of the diverging/rainbow maps where trial 39
found the default call's p99 worse than the nearest-color k-d tree.
python p99_screen.py [fields,comma] [maps,comma] [conds,comma] -> one line per picture + counts"""
import sys
import numpy as np
from common import fields, imsave_png, pil_rgb, jpeg, baseline, metrics, decode

MAPS = ["RdBu_r", "coolwarm", "Spectral", "jet"]
CONDS = {"q50_420": (50, 2), "q75_420": (75, 2), "q90_420": (90, 2), "q95_420": (95, 2),
         "q50_444": (50, 0), "q75_444": (75, 0)}
F = fields()
fsel = sys.argv[1].split(",") if len(sys.argv) > 1 else ["camera", "astronaut", "coffee", "terrain"]
msel = sys.argv[2].split(",") if len(sys.argv) > 2 else MAPS
csel = sys.argv[3].split(",") if len(sys.argv) > 3 else list(CONDS)
worse, n, rm, rb = 0, 0, [], []
for fname in fsel:
    data = F[fname]
    vmin, vmax = float(data.min()), float(data.max())
    for cm in msel:
        rgb = pil_rgb(imsave_png(data, cm, vmin, vmax))
        for c in csel:
            pic = jpeg(rgb, *CONDS[c])
            v, _ = decode(pic, cmap=cm, vmin=vmin, vmax=vmax)
            m = metrics(v, data, vmin, vmax)
            b = metrics(baseline(pic, cm, vmin, vmax), data, vmin, vmax)
            bad = m["p99_h"] > b["p99_h"] + 1e-9
            worse += bad
            n += 1
            rm.append(m["mean_h"] / b["mean_h"])
            print(f"{fname:10s} {cm:9s} {c:8s} mean {m['mean_h']:.3f} / {b['mean_h']:.3f}  "
                  f"p99 {m['p99_h']:6.2f} / {b['p99_h']:6.2f} {'WORSE' if bad else ''}", flush=True)
print(f"p99 worse than the tree: {worse} of {n}; mean ratio (mean of ratios) {np.mean(rm):.3f}")
