"""Few-level pictures JPEG'd: how many pixels land more than one level off, and where (plain name / N-color object)."""
import numpy as np, matplotlib.colors as mc
from scipy.ndimage import binary_dilation
from common import *
F = fields(256)["camera"]; vmin, vmax = 0.0, 100.0
for name in ["jet", "RdBu_r", "viridis", "turbo"]:
    for N in [5, 8]:
        cmN = plt.get_cmap(name, N)
        lvl = np.clip(np.floor(F / 100 * N), 0, N - 1); truth = (lvl + 0.5) / N * 100
        edge = binary_dilation(lvl != np.roll(lvl, 1, 0), iterations=2) | binary_dilation(lvl != np.roll(lvl, 1, 1), iterations=2)
        png = cmN(F / 100, bytes=True)[..., :3]
        for q in (90, 75):
            pic = jpeg(png, q)
            for how, c in [("name", name), ("objN", cmN)]:
                r, w, err, dt = dec(pic, c, vmin, vmax)
                if err: print(name, N, q, how, "ERROR", err.split(":")[0]); continue
                e = np.abs(r.values - truth); nan = np.isnan(e)
                far = (e > 100 / N * 1.0)        # more than one level off
                kd = np.abs(baseline(pic, cmN, vmin, vmax) - truth) > 100 / N    # nearest of the N colors
                print(f"{name:7s} N={N} q{q} {how:4s} NaN {nan.mean():.2%} (off edges {nan[~edge].mean():.2%}) >1 level off {far.mean():.2%} (off edges {far[~edge].mean():.2%}) | nearest-of-N >1 level {kd.mean():.2%} | {dt:.2f}s {'W' if w else ''}")
