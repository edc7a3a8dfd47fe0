"""pcolormesh(shading='gouraud') of a photograph (24x24 nodes -> 320 px), savefig PNG then Pillow JPEG q85:
NaN share with the default call (every pixel is data)."""
import io, numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from PIL import Image
from skimage import data; from skimage.transform import resize
import truepix as tp
small = resize(data.camera() / 2.55, (24, 24), anti_aliasing=True)
for cmap in ["jet", "hsv", "turbo", "viridis"]:
    fig = plt.figure(figsize=(3.2, 3.2), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    y = np.linspace(0, 1, 24); ax.pcolormesh(*np.meshgrid(y, y), small, shading="gouraud", cmap=cmap, vmin=0, vmax=100)
    b = io.BytesIO(); fig.savefig(b, format="png"); plt.close(fig)
    png = np.asarray(Image.open(b).convert("RGB"))
    for q in (95, 85, 75):
        j = io.BytesIO(); Image.fromarray(png).save(j, "JPEG", quality=q); pic = np.asarray(Image.open(j))
        r = tp.Decolorizer(cmap, vmin=0, vmax=100).decode(pic)
        print(f"{cmap:7s} q{q}: NaN {np.isnan(r.values).mean():.2%} (PNG: {np.isnan(tp.decolorize(png, cmap=cmap, vmin=0, vmax=100)).mean():.2%}) jpeg={r.jpeg} noise={r.noise:.2f} threshold={r.threshold:.1f}")
