"""Extend colors: with_extremes objects vs plain names, PNG and JPEG q75/85/95; follow the warning's advice literally."""
import re, sys, time, numpy as np
from common import *
import matplotlib.pyplot as plt
F = fields(256)["terrain"]; vmin, vmax = 1000, 3500
inr = (F >= vmin) & (F <= vmax); over = F > vmax; under = F < vmin
truth = np.clip(F, vmin, vmax)
pairs = [("jet", "magenta", "cyan"), ("viridis", "white", "black"), ("RdBu_r", "lime", "gray"), ("magma", "cyan", "0.5")]
if len(sys.argv) > 1: pairs = [p for p in pairs if p[0] in sys.argv[1:]]
for name, o, u in pairs:
    cm = plt.get_cmap(name).with_extremes(over=o, under=u)
    png = cm(plt.Normalize(vmin, vmax)(F), bytes=True)[..., :3]
    for form in ["png", "q95", "q85", "q75"]:
        pic = png if form == "png" else jpeg(png, int(form[1:]))
        kd = baseline(pic, name, vmin, vmax)
        mk = metrics(kd, truth, vmin, vmax, inr)
        for how in ["object", "name"]:
            r, w, e, dt = dec(pic, cm if how == "object" else name, vmin, vmax)
            if e: print(f"{name} {o}/{u} {form} {how}: ERROR {e}"); continue
            m = metrics(r.values, truth, vmin, vmax, inr)
            ov = r.over[over].mean() * 100 if r.over is not None else float("nan")
            un = r.under[under].mean() * 100 if r.under is not None else float("nan")
            fo = (r.over[~over].mean() * 100 if r.over is not None else 0) + (r.under[~under].mean() * 100 if r.under is not None else 0)
            nx = np.isnan(r.values[~inr]).mean() * 100
            print(f"{name:7s} {o}/{u} {form} {how:6s}: inrange NaN {m['nan']:.2f}% meanH {m['mean_h']:.3f} (kd {mk['mean']:.3f}) p99 {m['p99']:.2f} (kd {mk['p99']:.2f}) | over marked {ov:.1f}% under marked {un:.1f}% false marks {fo:.2f}% extend NaN {nx:.1f}% | {dt:.2f}s")
            for x in w: print("   W:", x)
            # follow advice literally
            for x in w:
                mm = re.search(r"cmap=(plt\.get_cmap\([^)]*\)\.with_extremes\([^)]*\))", x)
                if mm and how == "name":
                    adv = eval(mm.group(1))
                    r2, w2, e2, dt2 = dec(pic, adv, vmin, vmax)
                    if e2: print("   ADVICE ERROR", e2); continue
                    m2 = metrics(r2.values, truth, vmin, vmax, inr)
                    nx2 = np.isnan(r2.values[~inr]).mean() * 100
                    print(f"   advice {mm.group(1)}: inrange NaN {m2['nan']:.2f}% meanH {m2['mean_h']:.3f} extend NaN {nx2:.1f}% warnings {len(w2)}")
                    for x2 in w2: print("     W:", x2)
