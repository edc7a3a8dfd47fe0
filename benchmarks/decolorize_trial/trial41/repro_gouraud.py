"""pcolormesh(shading='gouraud') of a 24x24 camera field with jet: data pixels come back NaN (default call)."""
import io, time, numpy as np, cv2, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
from skimage import data
import truepix as tp
from common import baseline
small = cv2.resize(data.camera().astype(float) / 2.55, (24, 24), interpolation=cv2.INTER_AREA)
lo, hi = small.min(), small.max()
for cm in ["jet", "turbo", "viridis", "hsv", "nipy_spectral"]:
    fig = plt.figure(figsize=(3.2, 3.2), dpi=100); ax = fig.add_axes([0, 0, 1, 1])
    ax.pcolormesh(np.arange(24), np.arange(24), small[::-1], shading="gouraud", cmap=cm, vmin=lo, vmax=hi); ax.set_axis_off()
    ax.set_xlim(0, 23); ax.set_ylim(0, 23)
    b = io.BytesIO(); fig.savefig(b, format="png"); plt.close(fig)
    pic = np.asarray(Image.open(b).convert("RGB"))[4:-4, 4:-4]
    t = time.perf_counter(); r = tp.Decolorizer(cm, vmin=lo, vmax=hi).decode(pic); dt = time.perf_counter() - t
    yy, xx = np.mgrid[0:320, 0:320].astype(np.float32)
    tr = cv2.remap(small.astype(np.float32), xx * 23 / 319, yy * 23 / 319, cv2.INTER_LINEAR)[4:-4, 4:-4]
    e = np.abs(r.values - tr) / (hi - lo) * 100; eb = np.abs(baseline(pic, cm, lo, hi) - tr) / (hi - lo) * 100
    print(f"{cm:14s} NaN {np.isnan(r.values).mean()*100:5.2f}%  answered mean {np.nanmean(e):.3f}%  baseline mean {eb.mean():.3f}% "
          f"baseline on truepix-NaN pixels {eb[np.isnan(r.values)].mean() if np.isnan(r.values).any() else 0:.2f}%  noise {float(r.noise):.2f} thr {float(r.threshold):.1f} jpeg {r.jpeg} {dt:.2f}s")
