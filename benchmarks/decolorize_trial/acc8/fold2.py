"""acc8: fold.py's rule with the 5x5 median of the positions as the arbiter (did not lower p99:
the neighbours are smeared as much as the pixel). argv: maps fields kinds."""
import numpy as np
from _cases import cases, fold_distance, luma_lut, median_filter, mscore, summary

for m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores in cases():
    mo, po, mb, pb, mt, pt, ml, pl, mr, pr = scores
    out = []
    cp, lutA, dl = luma_lut(m, pic)
    fold = fold_distance(lutA)
    il = np.clip((lum * 256).astype(int), 0, 255); ir = np.clip((rgb * 256).astype(int), 0, 255)
    out.append(f"foldfrac {np.mean(fold < 16):.2f}")
    med = median_filter(lum, 5)
    for F in (12, 16, 24):
        cond = (fold[il] < F) | (fold[ir] < F)
        for nm, v in (("LR", np.where(cond, rgb, lum)),
                      ("pk", np.where(cond & (np.abs(rgb - med) < np.abs(lum - med)), rgb, lum)),
                      ("md", np.where(cond & (np.abs(lum - rgb) > 0.05), med, np.where(cond, rgb, lum)))):
            mv, pv, _ = mscore(v, f); out.append(f"{nm}{F}:{mv/mb:.3f}/{pv/pb:.2f}")
    print(" ".join(out))
    print(summary(m, fn, k, f, lum, rgb, eb, top, edge, scores), flush=True)
