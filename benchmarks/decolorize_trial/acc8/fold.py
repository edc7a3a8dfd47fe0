"""acc8: the fold rule's sweep -- switch to the RGB answer where the luma-weighted (L) or either
(LR) answer is an entry with another within F DN (4-32) in the luma metric 0.1 of the range away;
ratio / p99 per F. argv: maps fields kinds."""
import numpy as np
from _cases import cases, fold_distance, luma_lut, mscore, summary

for m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores in cases():
    mo, po, mb, pb, mt, pt, ml, pl, mr, pr = scores
    out = []
    cp, lutA, dl = luma_lut(m, pic)
    fold = fold_distance(lutA)
    il = np.clip((lum * 256).astype(int), 0, 255); ir = np.clip((rgb * 256).astype(int), 0, 255)
    out.append(f"foldfrac {np.mean(fold < 16):.2f}")
    for F in (4, 8, 12, 16, 24, 32):
        for nm, cond in (("L", fold[il] < F), ("LR", (fold[il] < F) | (fold[ir] < F))):
            v = np.where(cond, rgb, lum)
            mv, pv, _ = mscore(v, f); out.append(f"{nm}{F}:{mv/mb:.3f}/{pv/pb:.2f}")
    print(" ".join(out))
    print(summary(m, fn, k, f, lum, rgb, eb, top, edge, scores), flush=True)
