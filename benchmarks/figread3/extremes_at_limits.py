"""Trial 50 t82 d (RdYlGn under navy / over magenta, JPEG q75, cmap=object): where the pixels at vmin / vmax that are not marked lie."""
import os as _os; ROOT = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "..", "..")
import sys, os, io, numpy as np, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp, warnings
sys.path.insert(0, __import__("os").path.join(ROOT, "benchmarks", "decolorize_trial", "trial50"))
from _p5 import c, F, fig_truth
import cv2
N = 384; rf = c.real_fields(512)
dem = cv2.resize(rf["dem_jacksboro"].astype(np.float32), (N, N), interpolation=cv2.INTER_CUBIC).astype(float)
nd = np.clip(0.55 * dem + 0.45 * c.crop(rf["camera"], N), 0, 1) * 2 - 1
lo, hi = -0.5, 0.8
cmx = mpl.colormaps["RdYlGn"].with_extremes(under="navy", over="magenta")
fg, ax = plt.subplots(); art = ax.imshow(nd, cmap=cmx, vmin=lo, vmax=hi); fg.colorbar(art, ax=ax, extend="both")
pic, (sl,), (tr,), raw = fig_truth(fg, [art], "jpg")
und = tr <= 0.5 / 256 + 1e-9; ovr = tr >= 255.5 / 256 - 1e-9; mid = ~und & ~ovr & np.isfinite(tr)
r = tp.Decolorizer(cmx, vmin=lo, vmax=hi).decode(pic)
v = r.values[sl]; O = np.asarray(r.over)[sl]; U = np.asarray(r.under)[sl]
atmax = np.isclose(v, hi) & ~O; atmin = np.isclose(v, lo) & ~U
print("over truth", ovr.sum(), "marked", (O & ovr).sum(), "marked wrongly", (O & ~ovr).sum(), "at vmax unmarked: truly over", (atmax & ovr).sum(), "in range", (atmax & mid).sum())
print("under truth", und.sum(), "marked", (U & und).sum(), "marked wrongly", (U & ~und).sum(), "at vmin unmarked: truly under", (atmin & und).sum(), "in range", (atmin & mid).sum())
# how far are the in-range at-vmax pixels from vmax in truth?
print("in-range at vmax: truth pos median", np.median(tr[atmax & mid]) if (atmax&mid).any() else None, "in-range at vmin truth median", np.median(tr[atmin & mid]))
# over-region sizes
from scipy import ndimage
lab, n = ndimage.label(ovr); sizes = ndimage.sum(ovr, lab, range(1, n+1))
print("over regions", n, "sizes", np.sort(sizes)[::-1][:15])
rd = tp.Decolorizer("RdYlGn", vmin=lo, vmax=hi).decode(pic)
print("by name NaN in under", np.isnan(rd.values[sl][und]).mean(), "in range holes", np.isnan(rd.values[sl][mid]).mean())
