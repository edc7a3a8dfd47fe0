"""Same gouraud picture, default call: alone in a process vs after decoding another jet picture first."""
import io, sys, numpy as np, cv2, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
import truepix as tp
from common import fields
d = fields(1024)["camera"]; lo, hi = float(d.min()), float(d.max())
small = cv2.resize(d, (24, 24), interpolation=cv2.INTER_AREA)
fig = plt.figure(figsize=(3.2, 3.2), dpi=100); ax = fig.add_axes([0, 0, 1, 1])
ax.pcolormesh(np.arange(24), np.arange(24), small[::-1], shading="gouraud", cmap="jet", vmin=lo, vmax=hi); ax.set_axis_off()
ax.set_xlim(0, 23); ax.set_ylim(0, 23)
b = io.BytesIO(); fig.savefig(b, format="png"); plt.close(fig)
pic = np.asarray(Image.open(b).convert("RGB"))[4:-4, 4:-4]
if sys.argv[1:] == ["after"]:
    fig = plt.figure(figsize=(4, 4), dpi=100); ax = fig.add_axes([0.1, 0.1, 0.8, 0.8])
    ax.imshow(d, cmap="jet", vmin=lo, vmax=hi, aspect="auto"); ax.set_axis_off()
    b = io.BytesIO(); fig.savefig(b, format="png"); plt.close(fig)
    other = np.asarray(Image.open(b).convert("RGB"))[45:355, 45:355]
    tp.decolorize(other, cmap="jet", vmin=lo, vmax=hi)
v = tp.decolorize(pic, cmap="jet", vmin=lo, vmax=hi)
r = tp.Decolorizer("jet", vmin=lo, vmax=hi).decode(pic)
print(sys.argv[1:], f"decolorize NaN {np.isnan(v).mean()*100:.2f}%   fresh Decolorizer.decode NaN {np.isnan(r.values).mean()*100:.2f}% noise {float(r.noise):.2f} thr {float(r.threshold):.1f}")
