"""Trial 50 t85 own-bars grid JPEG q75: each bar's identify score and the plot pixels' distance to its own read and the catalog map."""
import os as _os; ROOT = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "..", "..")
import sys, io, numpy as np
sys.path.insert(0, __import__("os").path.join(ROOT, "benchmarks", "decolorize_trial", "trial50"))
from _p5 import c, F, fig_truth
import matplotlib.pyplot as plt, truepix as tp
from truepix.color._identify._colorbar import find_colorbars
from truepix.color._identify._match import identify_colormap
from truepix.color._catalog import resolve
import dataclasses
rf = c.real_fields(512)
fl = [c.crop(rf["dem_jacksboro"], 200), c.crop(rf["camera"], 200), F.smooth(200, 200, seed=1), F.smooth(200, 200, seed=2)]
fg, axs = plt.subplots(2, 2); arts = []
spec = [("viridis", 0, 50), ("jet", -10, 10), ("magma", 100, 300), ("RdBu_r", -1, 1)]
for ax, f, (m, lo, hi) in zip(axs.flat, fl, spec):
    arts.append(ax.imshow(lo + (hi - lo) * f, cmap=m, vmin=lo, vmax=hi)); fg.colorbar(arts[-1], ax=ax)
plt.tight_layout()
pic, sls, trs, raw = fig_truth(fg, arts, "jpg")
for b in find_colorbars(pic):
    print(b.bbox, b.exact, resolve(dataclasses.replace(b, under=None, over=None)).source,
          [(m.name, m.reversed, round(m.score, 3)) for m in identify_colormap(b, top=3)])
from truepix.color._catalog import get
def curve(tab, n=1024):
    tab = np.asarray(tab, float)
    x = np.linspace(0, len(tab) - 1, n)
    return np.stack([np.interp(x, np.arange(len(tab)), tab[:, k]) for k in range(3)], 1)
def dist(px, tab):
    cv = curve(tab)
    d = np.sqrt(((px[:, None, :] - cv[None]) ** 2).sum(-1)).min(1)
    return np.mean(np.minimum(d, 30)), np.median(d)
import matplotlib as mpl
for (b, sl, (m, lo, hi)) in zip(sorted(find_colorbars(pic), key=lambda b: (b.bbox[1] // 100, b.bbox[0])), sls, spec):
    px = pic[sl].reshape(-1, 3)[::7].astype(float)
    cust = resolve(dataclasses.replace(b, under=None, over=None))
    best = identify_colormap(b, top=1)[0]
    cat = get(best.name + ("_r" if best.reversed else ""))
    print(m, best.name, "custom", cust.source, dist(px, cust.lut_bytes[:, :3]), "catalog", dist(px, cat.lut_bytes[:, :3]))
