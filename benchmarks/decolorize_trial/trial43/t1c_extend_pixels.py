"""Extend pixels of JPEG'd with_extremes pictures decoded WITH the object: how many come back far from their limit
(silently: not NaN, unmarked), against a k-d tree over the table + the two extend colors (extend color -> the limit)."""
import numpy as np
from common import *
import matplotlib.pyplot as plt
from matplotlib.colors import to_rgba
from scipy.spatial import cKDTree
from scipy.ndimage import distance_transform_edt
F = fields(256)["terrain"]; vmin, vmax = 1000, 3500
over = F > vmax; under = F < vmin; truth = np.clip(F, vmin, vmax)
for name, o, u in [("jet", "magenta", "cyan"), ("viridis", "white", "black"), ("RdBu_r", "lime", "gray"), ("magma", "cyan", "0.5")]:
    cm = plt.get_cmap(name).with_extremes(over=o, under=u)
    png = cm(plt.Normalize(vmin, vmax)(F), bytes=True)[..., :3]
    T = np.vstack([table(name), np.round(np.array(to_rgba(o)[:3]) * 255), np.round(np.array(to_rgba(u)[:3]) * 255)]).astype(float)
    val = np.r_[vmin + (np.arange(256) + .5) / 256 * (vmax - vmin), vmax, vmin]
    for q in [95, 85, 75]:
        pic = jpeg(png, q); r, w, e, dt = dec(pic, cm, vmin, vmax)
        kd = val[cKDTree(T).query(pic.reshape(-1, 3).astype(float))[1]].reshape(F.shape)
        err = np.abs(r.values - truth) / (vmax - vmin) * 100; ek = np.abs(kd - truth) / (vmax - vmin) * 100
        for lab, m in [("over", over), ("under", under)]:
            far = (err[m] > 25); fark = (ek[m] > 25)
            d = distance_transform_edt(m)[m]   # depth inside the region
            print(f"{name:7s} {o}/{u} q{q} {lab:5s} ({m.sum():5d} px): truepix >25% off {far.mean()*100:5.2f}% ({far.sum()} px, depth p50 {np.median(d[far]) if far.any() else 0:.1f} px), NaN {np.isnan(r.values[m]).mean()*100:.2f}% | kd(table+extend) >25% off {fark.mean()*100:5.2f}% ({fark.sum()} px)")
