"""acc8: the RGB answer taken where the two answers differ (by 0.03 / 0.1) and the RGB one lies
within a margin (2-16 DN, or any) as close to the pixel in the luma metric. argv: maps fields
kinds."""
import numpy as np
from _cases import cases, luma_lut, mscore

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
    print(f"{m:9} {fn:6} {k:9} tp {mt/mb:.3f}/{pt/pb:.2f} lumproj {ml/mb:.3f}/{pl/pb:.2f} "
          f"rgbproj {mr/mb:.3f}/{pr/pb:.2f} oracle-pick {mo/mb:.3f}/{po/pb:.2f} | top1%: "
          f"lum wrong-arm {np.mean(np.abs(lum - f)[top] > 0.05):.2f} rgb right "
          f"{np.mean(np.abs(rgb - f)[top] < 0.02):.2f} kd right {np.mean(eb[top] < 0.02):.2f} "
          f"lum!=rgb {np.mean(np.abs(lum - rgb)[top] > 0.05):.2f} edge {np.mean(edge[top]):.2f} "
          f"all lum!=rgb {np.mean(np.abs(lum - rgb) > 0.05):.3f}", flush=True)
