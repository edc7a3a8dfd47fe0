"""acc8: where.py's pictures with the 5x5 / 3x3 median or the oracle pick written in where the
two projections differ by 0.02-0.1: ratio / p99 of each. argv: maps fields kinds."""
import numpy as np
from _cases import cases, median_filter, mscore, summary

for m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores in cases():
    mo, po, mb, pb, mt, pt, ml, pl, mr, pr = scores
    out = []
    for t in (0.02, 0.05, 0.1):
        far = np.abs(lum - rgb) > t
        v1 = np.where(far & (np.abs(rgb - med) < np.abs(lum - med)), rgb, lum)
        v2 = np.where(far, med, lum)
        med3 = median_filter(lum, 3)
        v3 = np.where(far, med3, lum)
        for nm, v in (("pick", v1), ("med5", v2), ("med3", v3)):
            mv, pv, _ = mscore(v, f); out.append(f"{nm}{t}:{mv/mb:.3f}/{pv/pb:.2f}")
    print(" ".join(out))
    print(summary(m, fn, k, f, lum, rgb, eb, top, edge, scores), flush=True)
