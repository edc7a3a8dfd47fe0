# Black text and a black line drawn by matplotlib over a jet photograph, saved as PNG:
# a large share of the annotation pixels come back as data (not NaN), though black is 127 DN from jet.
import io, numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, skimage.data, skimage.transform
from PIL import Image
import truepix as tp
f = skimage.transform.resize(skimage.data.camera() / 255.0, (256, 256), anti_aliasing=True)
def draw(annot, cmap="jet"):
    fig = plt.figure(figsize=(4, 4)); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(f, cmap=cmap, vmin=0, vmax=1, interpolation="nearest")
    if annot:
        ax.text(15, 100, "Elevation (m) 1234", color="black", fontsize=12)
        ax.plot([10, 240], [200, 230], color="black", lw=1)
        ax.set_xlim(-0.5, 255.5); ax.set_ylim(255.5, -0.5)
    b = io.BytesIO(); fig.savefig(b, format="png", dpi=100); plt.close(fig)
    return np.asarray(Image.open(b).convert("RGB"))
for cmap in ["jet", "viridis"]:
    clean, ann = draw(False, cmap), draw(True, cmap)
    mask = np.abs(clean.astype(int) - ann).max(-1) > 10       # annotation pixels
    v = tp.decolorize(ann, cmap=cmap, vmin=0, vmax=1)
    print(f"{cmap}: annotation pixels {mask.sum()}, flagged NaN {np.isnan(v[mask]).mean()*100:.1f}%   "
          f"(pure-black pixels among them: {np.mean(np.isnan(v[mask & (ann.max(-1) < 20)]))*100:.1f}% flagged)")
