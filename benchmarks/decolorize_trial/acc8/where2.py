"""acc8: where.py's pictures with the 5x5 / 3x3 median or the oracle pick written in where the
two projections differ by 0.02-0.1: ratio / p99 of each. argv: maps fields kinds."""
import numpy as np
from _cases import cases, mscore, median_filter

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
    print(f"{m:9} {fn:6} {k:9} tp {mt/mb:.3f}/{pt/pb:.2f} lumproj {ml/mb:.3f}/{pl/pb:.2f} "
          f"rgbproj {mr/mb:.3f}/{pr/pb:.2f} oracle-pick {mo/mb:.3f}/{po/pb:.2f} | top1%: "
          f"lum wrong-arm {np.mean(np.abs(lum - f)[top] > 0.05):.2f} rgb right "
          f"{np.mean(np.abs(rgb - f)[top] < 0.02):.2f} kd right {np.mean(eb[top] < 0.02):.2f} "
          f"lum!=rgb {np.mean(np.abs(lum - rgb)[top] > 0.05):.2f} edge {np.mean(edge[top]):.2f} "
          f"all lum!=rgb {np.mean(np.abs(lum - rgb) > 0.05):.3f}", flush=True)
