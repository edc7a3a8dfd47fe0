# Matplotlib annotations over an imshow of a photograph (skimage camera), 400x400 PNG and Pillow JPEG q75.
# Share of each annotation's pixels (differing > 10 DN from the same figure without it) that come back NaN.
import io, numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, matplotlib as mpl, skimage.data, skimage.transform
from PIL import Image
import truepix as tp
f = skimage.transform.resize(skimage.data.camera() / 255.0, (256, 256), anti_aliasing=True)
KINDS = {"black text": lambda ax: ax.text(15, 100, "Elevation (m) 1234", color="black", fontsize=12),
         "black line": lambda ax: ax.plot([10, 240], [200, 230], color="black", lw=1),
         "white text": lambda ax: ax.text(15, 120, "white label 567", color="white", fontsize=11),
         "white line": lambda ax: ax.plot([10, 240], [30, 60], color="white", lw=1.5),
         "gray text":  lambda ax: ax.text(120, 20, "gray text", color="0.45", fontsize=11),
         "gray line":  lambda ax: ax.plot([20, 200], [245, 170], color="0.5", lw=1)}
def draw(cmap, kinds):
    fig = plt.figure(figsize=(4, 4)); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(f, cmap=cmap, vmin=0, vmax=1, interpolation="nearest")
    for k in kinds: KINDS[k](ax)
    ax.set_xlim(-0.5, 255.5); ax.set_ylim(255.5, -0.5)
    b = io.BytesIO(); fig.savefig(b, format="png", dpi=100); plt.close(fig)
    return np.asarray(Image.open(b).convert("RGB"))
def jpeg(a, q):
    b = io.BytesIO(); Image.fromarray(a).save(b, "JPEG", quality=q); return np.asarray(Image.open(b).convert("RGB"))
for cmap in ["jet", "viridis", "coolwarm", "twilight"]:
    lut = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
    clean, ann = draw(cmap, []), draw(cmap, list(KINDS))
    for cond, img in [("PNG", ann), ("JPEG q75", jpeg(ann, 75))]:
        v = tp.decolorize(img, cmap=cmap, vmin=0, vmax=1)
        parts = []
        for k in KINDS:
            m = np.abs(draw(cmap, [k]).astype(int) - clean).max(-1) > 10
            parts.append(f"{k} {np.isnan(v[m]).mean()*100:5.1f}%")
        print(f"{cmap:8s} {cond:8s} " + ", ".join(parts))
    print(f"         color distance to the map (DN): black {np.sqrt((lut**2).sum(1)).min():.0f}, white {np.sqrt(((lut-255)**2).sum(1)).min():.0f}, gray 0.45 {np.sqrt(((lut-115)**2).sum(1)).min():.0f}")
