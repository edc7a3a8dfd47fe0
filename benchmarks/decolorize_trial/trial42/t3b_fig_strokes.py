"""savefig JPEG figure (imshow + contour lines + colorbar): plot-area NaN by distance to the contour strokes."""
import numpy as np
from scipy.ndimage import distance_transform_edt
from scipy.spatial import cKDTree
from common import *
import truepix as tp
F = fields(256)["terrain"]; vmin, vmax = float(F.min()), float(F.max())
for cmap in ["jet", "viridis", "turbo", "RdBu_r"]:
    w, h = 640, 480
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100); ax = fig.add_axes([80 / w, 60 / h, 256 / w, 256 / h])
    im = ax.imshow(F, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest"); ax.contour(F, levels=5, colors="k", linewidths=0.8)
    fig.colorbar(im, cax=fig.add_axes([356 / w, 60 / h, 15 / w, 256 / h]))
    png = savefig_arr(fig); jpg = savefig_arr(fig, "jpg", pil_kwargs={"quality": 85}); plt.close(fig)
    H = png.shape[0]; sl = (slice(H - 316 + 2, H - 60 - 2), slice(82, 334)); truth = F[2:-2, 2:-2]
    d, _ = cKDTree(table(cmap).astype(float)).query(png[sl].reshape(-1, 3).astype(float)); stroke = (d > 3).reshape(truth.shape)
    dist = distance_transform_edt(~stroke)
    for fmt, pic in [("png", png), ("jpg85", jpg)]:
        v = tp.decolorize(pic, cmap=cmap, vmin=vmin, vmax=vmax)[sl]
        kd = baseline(pic[sl], cmap, vmin, vmax)
        s = []
        for a, b in [(0, 0.5), (0.5, 2), (2, 4), (4, 8), (8, 999)]:
            m = (dist > a) & (dist <= b)
            s.append(f"d({a},{b}]: NaN {np.isnan(v[m]).mean():.1%} of {m.sum()}")
        far = dist > 4
        e = np.abs(v - truth) / (vmax - vmin) * 100; ek = np.abs(kd - truth) / (vmax - vmin) * 100
        eh = np.where(np.isnan(e), 100, e)[far]
        print(f"{cmap:7s} {fmt:5s} strokes {stroke.mean():.1%} | " + " | ".join(s) + f" || >4px from strokes: meanH {eh.mean():.3f} kd {ek[far].mean():.3f} ratio {eh.mean()/ek[far].mean():.2f}")
