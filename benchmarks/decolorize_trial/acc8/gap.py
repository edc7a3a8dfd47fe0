"""acc8: the RGB answer taken where the two answers differ (by 0.03 / 0.1) and the RGB one lies
within a margin (2-16 DN, or any) as close to the pixel in the luma metric. argv: maps fields
kinds."""
import numpy as np
from _cases import cases, luma_lut, mscore, summary

for m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores in cases():
    mo, po, mb, pb, mt, pt, ml, pl, mr, pr = scores
    out = []
    cp, lutA, dl = luma_lut(m, pic)
    gap = dl(rgb) - dl(lum)
    for t in (0.03, 0.1):
        far = np.abs(lum - rgb) > t
        for mg in (2, 4, 8, 16, 1000):
            v = np.where(far & (gap < mg), rgb, lum)
            mv, pv, _ = mscore(v, f); out.append(f"t{t}m{mg}:{mv/mb:.3f}/{pv/pb:.2f}")
    print(" ".join(out))
    print(summary(m, fn, k, f, lum, rgb, eb, top, edge, scores), flush=True)
