"""Part 2: imshow interpolation. (a) a 40x50 and a 120x150 smooth+texture array drawn by imshow(interpolation="bilinear")
in a 640x480 figure (x7-8 and x2.5-3 upsampling); (b) a 2000x2000 DEM-like array drawn by imshow(interpolation=
"antialiased") in the same figure (~x0.18). viridis, jet, turbo; PNG and JPEG q75. DEFAULT decolorize(fig, cmap=name,
vmin, vmax). Truth: the gray redraw (same interpolation)."""
import numpy as np, matplotlib.pyplot as plt, truepix as tp
from _p6 import c, kd, call, wshort, header, cpu, fig_truth, line, LHEAD, fbm

header(__doc__.splitlines()[0])
rng = np.random.default_rng(2)
def small(h, w):
    y, x = np.mgrid[0:h, 0:w] / max(h, w)
    return c.norm01(np.sin(5 * x) * np.cos(3 * y) + 0.4 * rng.normal(size=(h, w)))
arrays = {"small40 bilinear": (small(40, 50), "bilinear"), "small120 bilinear": (small(120, 150), "bilinear"),
          "big2000 antialiased": (fbm(2000, seed=4), "antialiased")}
print(LHEAD); rows = []
for m in ("viridis", "jet", "turbo"):
    for an, (a, interp) in arrays.items():
        fg, ax = plt.subplots()
        art = ax.imshow(a, cmap=m, vmin=0, vmax=1, interpolation=interp); fg.colorbar(art, ax=ax)
        for fmt in ("png", "jpg"):
            pic, (sl,), (tr,), raw = fig_truth(fg, [art], fmt)
            tag = f"{m} {an} {fmt}"
            t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1)); dt = cpu() - t0
            if v is None: print(f"{tag:46}ERROR {err}", flush=True); continue
            rows.append((an, fmt) + line(tag, v[sl], tr, kd(m)(pic[sl]), f"cpu {dt:.2f}s px {int(np.isfinite(tr).sum())}", ws)[1:])
        plt.close(fg)
print("\nSUMMARY:")
for an in arrays:
    for fmt in ("png", "jpg"):
        rr = [r for r in rows if r[0] == an and r[1] == fmt]
        if rr: print(f"  {an:22}{fmt}: holes max {100*max(r[2] for r in rr):.3f}% ratio {sum(r[3] for r in rr)/sum(r[4] for r in rr):.3f} per map {[round(r[3]/r[4], 2) for r in rr]} p99 worse {sum(r[5] > r[6]*1.001 for r in rr)}")
