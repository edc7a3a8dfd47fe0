"""acc8: the neighbours as candidates -- each pixel's answer chosen among its 5x5 neighbours'
positions by distance in the luma-weighted metric plus continuity (with an oracle pick): did not
lower p99 (README). argv: maps fields kinds."""
import numpy as np
from _cases import cases, luma_lut, mscore, summary

for m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores in cases():
    mo, po, mb, pb, mt, pt, ml, pl, mr, pr = scores
    out = []
    cp, lutA, dl = luma_lut(m, pic)
    H, W = f.shape
    R = 2
    pad = np.pad(lum, R, mode="edge")
    shifts = [pad[R + dy:R + dy + H, R + dx:R + dx + W] for dy in range(-R, R + 1) for dx in range(-R, R + 1)]
    n8 = [pad[R + dy:R + dy + H, R + dx:R + dx + W] for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx]
    cost, dist, supp = [], [], []
    for cand in shifts:
        i = np.clip((cand * 256).astype(int), 0, 255)
        d = np.sqrt(((cp - lutA[i]) ** 2).sum(-1))
        s_ = sum((np.abs(q - cand) < 0.03).astype(float) for q in n8)
        dist.append(d); supp.append(s_)
    dist = np.array(dist); supp = np.array(supp)
    best = np.array(shifts)
    cands = np.array(shifts)
    # oracle: best candidate vs truth
    orc = cands[np.abs(cands - f).argmin(0), np.arange(H)[:, None], np.arange(W)]
    mo, po, _ = mscore(orc, f); out.append(f"oracle:{mo/mb:.3f}/{po/pb:.2f}")
    for kap in (0.5, 1.0, 2.0, 4.0):
        c_ = dist + kap * (8 - supp)
        j = c_.argmin(0)
        v = cands[j, np.arange(H)[:, None], np.arange(W)]
        mv, pv, _ = mscore(v, f); out.append(f"k{kap}:{mv/mb:.3f}/{pv/pb:.2f}({np.mean(v != lum):.3f})")
    print(" ".join(out))
    print(summary(m, fn, k, f, lum, rgb, eb, top, edge, scores), flush=True)
