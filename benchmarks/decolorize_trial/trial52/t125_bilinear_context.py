"""Follow-up of t112: the bilinear noisy jet figure (seed 2, JPEG q75) has ~3 % holes decoded whole and 0 % with the plot
area cropped. Where the holes lie (by distance from the plot area's edges), and whether the colorbar or the white margin
makes the difference: the figure without a colorbar, the plot area padded with white, the plot area beside the colorbar."""
import numpy as np, matplotlib.pyplot as plt, truepix as tp
from _p7 import c, kd, call, wshort, header, fig_truth, mscore

header(__doc__.splitlines()[0])
rng = np.random.default_rng(2); y, x = np.mgrid[0:120, 0:150] / 150
a = c.norm01(np.sin(5 * x) * np.cos(3 * y) + 0.4 * rng.normal(size=(120, 150)))
for m in ("jet", "turbo"):
    for bar in (True, False):
        fg, ax = plt.subplots(); art = ax.imshow(a, cmap=m, vmin=0, vmax=1, interpolation="bilinear")
        if bar: cb = fg.colorbar(art, ax=ax)
        pic, (sl,), (tr,), raw = fig_truth(fg, [art], "jpg", q=75); plt.close(fg)
        v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1)); r = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
        mt, pt, ht = mscore(v[sl], tr); mb, pb, _ = mscore(kd(m)(pic[sl]), tr)
        hv = np.isnan(v[sl]) & np.isfinite(tr); H, W = hv.shape
        yy, xx = np.nonzero(hv); dist = np.minimum.reduce([yy, H - 1 - yy, xx, W - 1 - xx]) if len(yy) else np.array([])
        print(f"{m} {'with' if bar else 'without'} colorbar: holes {100*ht:.3f}% ratio {mt/mb:.2f} | jpeg {r.jpeg} noise {float(r.noise):.2f} thr {float(r.threshold):.1f} | "
              f"hole px {hv.sum()}, share within 5/20/50 px of the plot edge {[round(100*np.mean(dist <= d), 1) if len(dist) else None for d in (5, 20, 50)]} | {wshort(ws)}", flush=True)
        crop = np.ascontiguousarray(pic[sl])
        for tag, p, s2 in (("crop padded 60 px white", np.pad(crop, ((60, 60), (60, 60), (0, 0)), constant_values=255), (slice(60, -60), slice(60, -60))),
                           ("crop + right part of the figure (colorbar)", np.ascontiguousarray(pic[sl[0], sl[1].start:]), (slice(None), slice(0, crop.shape[1])))):
            v2, err, ws2 = call(lambda: tp.decolorize(p, cmap=m, vmin=0, vmax=1)); r2 = tp.Decolorizer(m, vmin=0, vmax=1).decode(p)
            m2, p2, h2 = mscore(v2[s2], tr)
            print(f"    {tag}: holes {100*h2:.3f}% ratio {m2/mb:.2f} | jpeg {r2.jpeg} noise {float(r2.noise):.2f} thr {float(r2.threshold):.1f} | {wshort(ws2)}", flush=True)
