"""plt.imsave(jet) PNG -> Pillow WebP lossy (default method 4) -> default decolorize: holes and error vs k-d tree."""
import io, numpy as np, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
import truepix as tp
from common import fields, baseline
for fname in ["camera", "terrain", "smooth"]:
    d = fields()[fname]; lo, hi = d.min(), d.max()
    for cm in ["jet", "turbo", "hsv", "viridis"]:
        b = io.BytesIO(); plt.imsave(b, d, cmap=cm, vmin=lo, vmax=hi, format="png")
        rgb = np.asarray(Image.open(b).convert("RGB"))
        for q in [30, 50, 70]:
            w = io.BytesIO(); Image.fromarray(rgb).save(w, "WEBP", quality=q); pic = np.asarray(Image.open(w).convert("RGB"))
            r = tp.Decolorizer(cm, vmin=lo, vmax=hi).decode(pic)
            v = r.values; e = np.abs(np.where(np.isnan(v), np.inf, v - d)) / (hi - lo) * 100; e = np.minimum(e, 100)
            eb = np.abs(baseline(pic, cm, lo, hi) - d) / (hi - lo) * 100
            print(f"{fname:8s} {cm:8s} webp q{q}: NaN {np.isnan(v).mean()*100:5.2f}%  mean(holes=100%) {e.mean():.3f}  base {eb.mean():.3f}  "
                  f"base err on holes {eb[np.isnan(v)].mean() if np.isnan(v).any() else 0:.2f}%  noise {float(r.noise):.2f} thr {float(r.threshold):.1f} jpeg {bool(r.jpeg)} denoised {bool(r.denoised)}")
