"""(4) pcolormesh(shading='gouraud') figures (PNG, JPEG) and lossy WebP of real fields."""
import numpy as np
from common import *
from skimage.transform import resize
fl = fields(256)
for fname in ["terrain", "smooth", "camera"]:
    F = fl[fname]; vmin, vmax = float(F.min()), float(F.max())
    for name in ["jet", "hsv", "viridis", "turbo", "RdBu_r"]:
        small = resize(F, (24, 24), anti_aliasing=True)
        fig = plt.figure(figsize=(3.2, 3.2), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
        y = np.linspace(0, 1, 24); X, Y = np.meshgrid(y, y)
        ax.pcolormesh(X, Y, small, shading="gouraud", cmap=name, vmin=vmin, vmax=vmax); ax.set_xlim(0, 1); ax.set_ylim(0, 1)
        g = savefig_arr(fig); plt.close(fig)
        # truth for gouraud: bilinear interpolation of the normalized node values (linear RGB blend approx of data)
        from scipy.interpolate import RegularGridInterpolator
        it = RegularGridInterpolator((y, y), small); yy = (np.arange(320) + .5) / 320
        Yq, Xq = np.meshgrid(yy[::-1], yy, indexing="ij"); gt = it(np.stack([Yq, Xq], -1))
        u8 = (plt.get_cmap(name)((F - vmin) / (vmax - vmin), bytes=True)[..., :3])
        cases = [("gouraud_png", g, gt), ("gouraud_jpg85", jpeg(g, 85), gt)] + [(f"webp_q{q}", webp(u8, q), F) for q in (50, 75, 90)]
        for cname, pic, truth in cases:
            r, w, err, dt = dec(pic, name, vmin, vmax)
            if err: print(fname, name, cname, "ERROR", err); continue
            m = metrics(r.values, truth, vmin, vmax); bl = metrics(baseline(pic, name, vmin, vmax), truth, vmin, vmax)
            print(f"{fname:8s} {name:7s} {cname:14s} NaN {m['nan']:.2f}% meanH {m['mean_h']:.3f} p99H {m['p99_h']:.2f} | kd {bl['mean']:.3f} p99 {bl['p99']:.2f} ratio {m['mean_h']/bl['mean']:.2f} | jpeg {r.jpeg} noise {r.noise:.2f} {dt:.2f}s")
            for x in w: print("    W", x)
