"""gouraud1 diag_err: where the error of a gouraud picture's decode lies, by the pixel's residual to the map (DN):
decode's and the k-d tree's MAE (% of range) per residual band.  Usage: python diag_err.py CMAP [png|q75] [case]"""
import sys, numpy as np
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from probe import case_pics, jpeg, kd_values
import truepix as tp

cmap = sys.argv[1] if len(sys.argv) > 1 else "jet"; lab = sys.argv[2] if len(sys.argv) > 2 else "png"
pic, truth, sl, vmin, vmax = case_pics(sys.argv[3] if len(sys.argv) > 3 else "tri", cmap)
if lab != "png": pic = jpeg(pic, int(lab[1:]))
r = tp.Decolorizer(cmap, vmin=vmin, vmax=vmax).decode(pic)
v = (r.values[sl] - vmin) / (vmax - vmin); res = r.residual[sl]; k = kd_values(pic, cmap)[sl]
m = np.isfinite(truth); e = np.abs(v - truth); e[~np.isfinite(e)] = 1.0; ek = np.abs(k - truth)
tot = m.sum()
for lo, hi in ((0, 2), (2, 5), (5, 10), (10, 20), (20, 40), (40, 1e9)):
    b = m & (res >= lo) & (res < hi)
    if b.any():
        print(f"residual {lo:>3}-{hi:<4}: {100 * b.sum() / tot:5.1f} % of pixels, MAE tp {100 * e[b].mean():6.2f} kd {100 * ek[b].mean():6.2f}; "
              f"share of tp's total error {100 * e[b].sum() / e[m].sum():5.1f} %, kd's {100 * ek[b].sum() / ek[m].sum():5.1f} %")
