"""Where do the in-range NaNs of a JPEG'd with_extremes picture sit (decoded with the Colormap object)?"""
import numpy as np
from scipy.ndimage import distance_transform_edt
from common import *
F = fields(256)["terrain"]; vmin, vmax = 1000.0, 3500.0
inr = (F >= vmin) & (F <= vmax); ext = ~inr
dist = distance_transform_edt(~ext)           # px from the nearest over/under pixel
for name, o, u in [("viridis", "magenta", "cyan"), ("viridis", "white", "black"), ("jet", "white", "black")]:
    cm = plt.get_cmap(name).with_extremes(over=o, under=u)
    png = cm(plt.Normalize(vmin, vmax)(F), bytes=True)[..., :3]
    for q in (95, 85, 75):
        pic = jpeg(png, q); r, w, err, dt = dec(pic, cm, vmin, vmax)
        nan = np.isnan(r.values) & inr
        bands = [(0, 2), (2, 4), (4, 8), (8, 999)]
        s = " ".join(f"d{a}-{b}: {nan[(dist > a) & (dist <= b)].sum()}/{(inr & (dist > a) & (dist <= b)).sum()}" for a, b in bands)
        bl = metrics(baseline(pic, name, vmin, vmax), np.clip(F, vmin, vmax), vmin, vmax, inr)
        m = metrics(r.values, np.clip(F, vmin, vmax), vmin, vmax, inr)
        print(f"{name} {o}/{u} q{q}: in-range NaN {nan.sum()} ({m['nan']:.2f}%) by distance to an extend pixel [{s}] meanH {m['mean_h']:.3f} kd {bl['mean']:.3f} ({m['mean_h']/bl['mean']:.1f}x) {dt:.2f}s")
