"""contourf figure saved as JPEG (matplotlib savefig, its default quality), axes area cropped by the
user: every pixel is a filled level band, yet the default call leaves holes (> 0.2 %) on jet.
Run: PYTHONPATH=src python benchmarks/decolorize_trial/trial16/repro_contourf_jpeg.py [maps]"""
import io, sys, warnings
import numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
import truepix as tp

n = 64
y, x = np.mgrid[0:n, 0:n] / n
f = np.sin(3 * x + 1) * np.cos(2 * y) + 0.5 * np.exp(-((x - .6) ** 2 + (y - .4) ** 2) / .05)
for cm in (sys.argv[1].split(",") if len(sys.argv) > 1 else ["jet", "turbo", "RdBu", "coolwarm"]):
    for dpi in (100, 150, 200):
        fig = plt.figure(figsize=(5, 4), dpi=dpi)
        ax = fig.add_axes([0.12, 0.1, 0.7, 0.8]); ax.contourf(f, levels=10, cmap=cm); ax.set_axis_off()
        fig.canvas.draw(); bb = ax.get_window_extent()
        b = io.BytesIO(); fig.savefig(b, format="jpg", dpi=dpi); plt.close(fig)
        img = np.asarray(Image.open(b).convert("RGB")); H = img.shape[0]
        crop = img[H - int(bb.y1) + 2:H - int(bb.y0) - 2, int(bb.x0) + 2:int(bb.x1) - 2]
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = tp.Decolorizer(cm, vmin=0, vmax=1).decode(crop)
        nan = np.isnan(r.values)
        print(f"{cm:8s} dpi {dpi}: {crop.shape[1]}x{crop.shape[0]} holes {100*nan.mean():.2f} % "
              f"(jpeg={bool(r.jpeg)}, noise={float(r.noise):.1f} DN, threshold={float(r.threshold):.1f} DN)"
              + ("  <-- > 0.2 %" if nan.mean() > 0.002 else ""))
