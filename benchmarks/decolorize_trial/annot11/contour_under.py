"""annot11: matshow(jet) + black contours at q75/q95: the ink left unflagged, by the data value under it."""
import sys
import pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial56"))
from _p9 import pics, fbm
import numpy as np, matplotlib.pyplot as plt, truepix as tp, matplotlib as mpl
from scipy import ndimage
dfield = fbm(64, seed=4)[:40, :60]
def make(cm, ink, face, m="jet"):
    fg, ax = plt.subplots()
    if face: ax.set_facecolor(face)
    im = ax.matshow(dfield, cmap=cm or m); plt.colorbar(im, shrink=0.6)
    ax.contour(dfield, levels=6, colors=[ink], linewidths=1)
    return fg, ax, im.norm
ps, truth, ink, sl, nm = pics(make, quals=(("png", None), ("q75", 75), ("q95", 95)))
tr, ik = truth[sl], ink[sl]; data = np.isfinite(tr)
_, (iy, ix) = ndimage.distance_transform_edt(~data, return_indices=True)
under = tr[iy, ix]
lut = (mpl.colormaps["jet"](np.linspace(0, 1, 256))[:, :3] * 255)
for lab in ("q75", "q95"):
    pic = ps[lab][sl]
    v = np.asarray(tp.decolorize(ps[lab], cmap="jet", vmin=float(nm.vmin), vmax=float(nm.vmax)))[sl]
    miss = ik & ~np.isnan(v)
    print(lab, "ink", ik.sum(), "missed", miss.sum())
    h, e = np.histogram(under[miss], bins=10, range=(0, 1)); ha, _ = np.histogram(under[ik], bins=10, range=(0, 1))
    print("  under-value bins: missed/ink", [f"{a}/{b}" for a, b in zip(h, ha)])
    # decoded value of missed vs underlying value
    pos = (v[miss] - nm.vmin) / (nm.vmax - nm.vmin)
    print("  missed decoded pos - under: median", np.median(pos - under[miss]).round(3), "abs p50/p90", np.percentile(np.abs(pos - under[miss]), [50, 90]).round(3))
    print("  missed pixel colors sample", pic[miss][:8].tolist())
    # run length: are missed pixels isolated?
    lbl, n = ndimage.label(miss, np.ones((3, 3)))
    sizes = np.bincount(lbl.ravel())[1:]
    print("  missed groups", n, "sizes p50/p90/max", np.percentile(sizes, [50, 90]).round(1), sizes.max())
