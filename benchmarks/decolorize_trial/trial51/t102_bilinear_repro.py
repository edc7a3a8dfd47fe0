"""Repro of t94's worst case: a 120x150 noisy array drawn by imshow(interpolation="bilinear") (~2.7x up: matplotlib's 'auto'
stage interpolates RGBA there, so pixels are blends of neighbouring map colors), jet / turbo / viridis, JPEG q75.
Variants: the whole figure vs the plot area cropped; q75/q90/q95; interpolation_stage="data"; less noise (0.1); the
Decolorizer's .jpeg/.noise/.threshold; the same PNG. holes in the plot area and ratio to the k-d tree."""
import numpy as np, matplotlib.pyplot as plt, truepix as tp
from _p6 import c, kd, call, wshort, header, cpu, fig_truth, line, LHEAD

header(__doc__.splitlines()[0])
def small(h, w, amp, seed=2):
    rng = np.random.default_rng(seed); y, x = np.mgrid[0:h, 0:w] / max(h, w)
    return c.norm01(np.sin(5 * x) * np.cos(3 * y) + amp * rng.normal(size=(h, w)))
print(LHEAD)
for m in ("jet", "turbo", "viridis"):
    for amp in (0.4, 0.1):
        for stage in ("auto", "data"):
            a = small(120, 150, amp)
            fg, ax = plt.subplots(); art = ax.imshow(a, cmap=m, vmin=0, vmax=1, interpolation="bilinear", interpolation_stage=stage); fg.colorbar(art, ax=ax)
            for fmt, q in (("png", 0), ("jpg", 75), ("jpg", 90), ("jpg", 95)):
                if (amp, stage) != (0.4, "auto") and q not in (0, 75): continue
                pic, (sl,), (tr,), raw = fig_truth(fg, [art], fmt, q=q or 75)
                tag = f"{m} noise{amp} stage={stage} {fmt}{q or ''}"
                v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
                r = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
                line(tag + " figure", v[sl], tr, kd(m)(pic[sl]), f"jpeg {r.jpeg} noise {float(r.noise):.2f} thr {float(r.threshold):.1f}", ws)
                if (amp, stage, q) == (0.4, "auto", 75):
                    crop = np.ascontiguousarray(pic[sl]); vc, err, ws = call(lambda: tp.decolorize(crop, cmap=m, vmin=0, vmax=1))
                    rc = tp.Decolorizer(m, vmin=0, vmax=1).decode(crop)
                    line(tag + " plot area only", vc, tr, kd(m)(crop), f"jpeg {rc.jpeg} noise {float(rc.noise):.2f} thr {float(rc.threshold):.1f}", ws)
            plt.close(fg)
