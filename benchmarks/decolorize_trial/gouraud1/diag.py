"""gouraud1 diag: the plan a tripcolor gouraud picture gets, and what its holes are (residual to the map, on a
ramp or not, distance to a triangle edge).  Usage: python diag.py CMAP [png|q75]"""
import sys, numpy as np
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from probe import case_pics, jpeg
import truepix as tp
from truepix.color._decolorize._inputs import as_pixels, planned
from truepix.color._decolorize import _exact

cmap = sys.argv[1] if len(sys.argv) > 1 else "jet"; lab = sys.argv[2] if len(sys.argv) > 2 else "png"
pic, truth, sl, vmin, vmax = case_pics("tri", cmap)
if lab != "png": pic = jpeg(pic, int(lab[1:]))
d = tp.Decolorizer(cmap, vmin=vmin, vmax=vmax)
px, kind, scale = as_pixels(pic)
_, kind, scale, plan = planned(d, px, kind, scale)
print({k: getattr(plan, k) for k in ("noise", "threshold", "jpeg", "denoise", "unmix", "unmix_residual", "exact", "sharp", "palette", "fields", "dct", "lossy")})
r = d.decode(pic)
v = r.values[sl]; res = r.residual[sl]
m = np.isfinite(truth); hole = m & ~np.isfinite(v)
print("holes", hole.sum(), "of", m.sum(), f"{100*hole.sum()/m.sum():.3f} %")
print("residual of holes: pct 10/50/90", np.percentile(res[hole], [10, 50, 90]) if hole.any() else "-")
print("residual of data (finite): pct 50/90/99", np.percentile(res[m & np.isfinite(v)], [50, 90, 99]))
flat = pic[sl].reshape(-1, 3); W = pic[sl].shape[1]
rp = _exact.ramps(flat, 1.0, W, hole.reshape(-1)).reshape(hole.shape)
print("holes on ramps (exact means):", rp.sum())
ys, xs = np.nonzero(hole)
print("hole sample (y, x, rgb, residual, truth):")
for i in np.random.default_rng(0).choice(len(ys), min(12, len(ys)), replace=False):
    y, x = ys[i], xs[i]; print(" ", y, x, pic[sl][y, x], f"{res[y, x]:.1f}", f"{truth[y, x]:.3f}")
# hole blobs: sizes
from scipy import ndimage
lb, n = ndimage.label(hole); sz = np.bincount(lb.ravel())[1:]
print("hole blobs", n, "sizes pct 50/90/max", np.percentile(sz, [50, 90]) if n else "-", sz.max() if n else "-")
np.save(f"/tmp/gouraud1/hole_{cmap}_{lab}.npy", hole)
