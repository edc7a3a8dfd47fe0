"""acc8: the pixels past the tree's own p99 error on JPEG'd folding maps: how many for the
default call, the tree and each projection; the share of the default call's that lie within the
truth's 9x9 range; those bad for both, only for it, only for the tree, and a sample of its own
(truth, answers, pixel and truth colors). Then where.py's line. argv: maps fields kinds."""
import matplotlib as mpl
import numpy as np
from _cases import cases, maximum_filter, minimum_filter, summary

for m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores in cases():
    lut_ = mpl.colormaps[m](np.linspace(0, 1, 256), bytes=True)[:, :3]
    pk = np.quantile(eb, 0.99)
    bad = err > pk
    print("n err>p99kd: tp", bad.mean(), "kd", (eb > pk).mean(), "lum", (np.abs(lum - f) > pk).mean(), "rgb", (np.abs(rgb - f) > pk).mean())
    tmin, tmax = minimum_filter(f, 9), maximum_filter(f, 9)
    inr = (est >= tmin - 0.01) & (est <= tmax + 0.01)
    print("of tp bad: within truth 9x9 range", inr[bad].mean(), " kd bad within", ((b >= tmin - .01) & (b <= tmax + .01))[eb > pk].mean())
    both = bad & (eb > pk)
    print("bad both", both.sum(), "tp only", (bad & ~both).sum(), "kd only", ((eb > pk) & ~both).sum())
    idx = np.argwhere(bad & ~both)[:: max(1, (bad & ~both).sum() // 25)]
    for y, x in idx:
        print(f"  ({y},{x}) truth {f[y,x]:.3f} tp {est[y,x]:.3f} lum {lum[y,x]:.3f} rgb {rgb[y,x]:.3f} kd {b[y,x]:.3f} range {tmin[y,x]:.2f}-{tmax[y,x]:.2f} pix {pic[y,x]} truthcol {lut_[int(f[y,x]*255.999)]}")
    print(summary(m, fn, k, f, lum, rgb, eb, top, edge, scores), flush=True)
