"""contour3: accuracy of the pixels _smeared gives back (NaN without it, valued with it) on t164's q75 pictures (probe.py's
cache), against the truth and against a k-d tree over the map on the same pixels; and the other data pixels' MAE without
-> with the rule. Values in [0, 1] (vmin 0, vmax 1)."""
import sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import numpy as np
import truepix as tp
import truepix.color._decolorize._smeared as sm
from probe import pictures, kd

ps = pictures()
for m in ("gray", "viridis", "jet", "magma"):
    for lines in ("colors=red", "colors=magenta", "cmap=autumn"):
        pic, truth, ink, sl = ps[(m, lines, "q75")]
        rounds = sm.SMEAR_ROUNDS
        sm.SMEAR_ROUNDS = 0; v0 = tp.decolorize(pic, cmap=m, vmin=0.0, vmax=1.0)[sl]
        sm.SMEAR_ROUNDS = rounds; v1 = tp.decolorize(pic, cmap=m, vmin=0.0, vmax=1.0)[sl]
        t = truth[sl]; k = kd(m)(pic[sl])
        new = np.isnan(v0) & ~np.isnan(v1) & np.isfinite(t)
        old = ~np.isnan(v0) & np.isfinite(t)
        e = np.abs(v1[new] - t[new]); ek = np.abs(k[new] - t[new])
        print(f"{lines:15} {m:8} new {new.sum():6d} MAE {e.mean():.4f} p95 {np.percentile(e, 95):.3f} p99 {np.percentile(e, 99):.3f}"
              f" >0.1 {100 * (e > 0.1).mean():5.2f}% | kd MAE {ek.mean():.4f} p99 {np.percentile(ek, 99):.3f} | other data MAE"
              f" {np.abs(v0[old] - t[old]).mean():.4f} -> {np.abs(v1[old] - t[old]).mean():.4f}", flush=True)
