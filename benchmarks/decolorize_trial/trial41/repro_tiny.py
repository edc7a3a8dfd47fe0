"""Small pictures (plt.imsave -> Pillow JPEG q75 / WebP q75), default call: holes by picture size."""
import io, numpy as np, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
from skimage.transform import resize
import truepix as tp
from common import fields, baseline
fl = fields(256)
for fname in ["smooth", "terrain"]:
    for cm in ["jet", "RdBu_r", "viridis"]:
        for fmt in ["JPEG", "WEBP"]:
            row = []
            for n in [32, 48, 64, 96, 128, 256]:
                d = resize(fl[fname], (n, n), anti_aliasing=True); lo, hi = d.min(), d.max()
                b = io.BytesIO(); plt.imsave(b, d, cmap=cm, vmin=lo, vmax=hi, format="png"); rgb = np.asarray(Image.open(b).convert("RGB"))
                o = io.BytesIO(); Image.fromarray(rgb).save(o, fmt, quality=75); p = np.asarray(Image.open(o).convert("RGB"))
                r = tp.Decolorizer(cm, vmin=lo, vmax=hi).decode(p); v = r.values
                eh = np.where(np.isnan(v), 100, np.abs(v - d) / (hi - lo) * 100).mean()
                eb = (np.abs(baseline(p, cm, lo, hi) - d) / (hi - lo) * 100).mean()
                row.append(f"{n}: NaN {np.isnan(v).mean()*100:4.1f}% x{eh/eb:4.2f} {'J' if r.jpeg else '-'}{'D' if r.denoised else '-'}")
            print(f"{fname:8s} {cm:8s} {fmt:5s} " + " | ".join(row), flush=True)
