"""acc8: where the default call's p99 pixels lie on JPEG'd folding maps. Per picture: the stage
positions (luma-weighted projection before the filter, RGB projection, final), and of the pixels
in the worst 1 % of the final answer's error: the share whose luma projection is already on the
wrong arm (|pos - truth| > 0.05), whose RGB projection is right (< 0.02), whose two projections
differ by > 0.05, beside an edge (truth's 3x3 range > 0.1), and the error of an oracle that
picks the projection nearest the 5x5 neighbourhood's median. argv: maps fields kinds."""
import matplotlib as mpl
import numpy as np
from _cases import cases, minimum_filter, maximum_filter

for m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores in cases():
    mo, po, mb, pb, mt, pt, ml, pl, mr, pr = scores
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
    print(f"{m:9} {fn:6} {k:9} tp {mt/mb:.3f}/{pt/pb:.2f} lumproj {ml/mb:.3f}/{pl/pb:.2f} "
          f"rgbproj {mr/mb:.3f}/{pr/pb:.2f} oracle-pick {mo/mb:.3f}/{po/pb:.2f} | top1%: "
          f"lum wrong-arm {np.mean(np.abs(lum - f)[top] > 0.05):.2f} rgb right "
          f"{np.mean(np.abs(rgb - f)[top] < 0.02):.2f} kd right {np.mean(eb[top] < 0.02):.2f} "
          f"lum!=rgb {np.mean(np.abs(lum - rgb)[top] > 0.05):.2f} edge {np.mean(edge[top]):.2f} "
          f"all lum!=rgb {np.mean(np.abs(lum - rgb) > 0.05):.3f}", flush=True)
