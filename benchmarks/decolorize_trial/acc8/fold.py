"""acc8: the fold rule's sweep -- switch to the RGB answer where the luma-weighted (L) or either
(LR) answer is an entry with another within F DN (4-32) in the luma metric 0.1 of the range away;
ratio / p99 per F. argv: maps fields kinds."""
import numpy as np
from _cases import cases, luma_lut, mscore

for m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores in cases():
    mo, po, mb, pb, mt, pt, ml, pl, mr, pr = scores
    out = []
    cp, lutA, dl = luma_lut(m, pic)
    n = 256; idx = np.arange(n)
    D = np.sqrt((((lutA[:, None] - lutA[None]) ** 2).sum(-1)))
    D[np.abs(idx[:, None] - idx[None]) < n // 10] = np.inf
    fold = D.min(1)
    il = np.clip((lum * 256).astype(int), 0, 255); ir = np.clip((rgb * 256).astype(int), 0, 255)
    out.append(f"foldfrac {np.mean(fold < 16):.2f}")
    for F in (4, 8, 12, 16, 24, 32):
        for nm, cond in (("L", fold[il] < F), ("LR", (fold[il] < F) | (fold[ir] < F))):
            v = np.where(cond, rgb, lum)
            mv, pv, _ = mscore(v, f); out.append(f"{nm}{F}:{mv/mb:.3f}/{pv/pb:.2f}")
    print(" ".join(out))
    print(f"{m:9} {fn:6} {k:9} tp {mt/mb:.3f}/{pt/pb:.2f} lumproj {ml/mb:.3f}/{pl/pb:.2f} "
          f"rgbproj {mr/mb:.3f}/{pr/pb:.2f} oracle-pick {mo/mb:.3f}/{po/pb:.2f} | top1%: "
          f"lum wrong-arm {np.mean(np.abs(lum - f)[top] > 0.05):.2f} rgb right "
          f"{np.mean(np.abs(rgb - f)[top] < 0.02):.2f} kd right {np.mean(eb[top] < 0.02):.2f} "
          f"lum!=rgb {np.mean(np.abs(lum - rgb)[top] > 0.05):.2f} edge {np.mean(edge[top]):.2f} "
          f"all lum!=rgb {np.mean(np.abs(lum - rgb) > 0.05):.3f}", flush=True)
