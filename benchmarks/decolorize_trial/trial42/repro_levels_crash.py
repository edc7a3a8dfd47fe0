"""Crash: a JPEG'd few-level picture decoded with the few-level Colormap object (or its BoundaryNorm)."""
import io, traceback, numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt, matplotlib.colors as mc
from PIL import Image
import truepix as tp
from skimage import data
F = data.camera()[::2, ::2].astype(float) / 2.55
def jpeg(a, q=75):
    b = io.BytesIO(); Image.fromarray(a).save(b, "JPEG", quality=q); return np.asarray(Image.open(b))
pic = jpeg(plt.get_cmap("viridis", 8)(F / 100, bytes=True)[..., :3])
for label, kw in [("cmap=get_cmap('viridis', 8)", dict(cmap=plt.get_cmap("viridis", 8), vmin=0, vmax=100)),
                  ("cmap='viridis', norm=BoundaryNorm(np.linspace(0,100,9), 256)", dict(cmap="viridis", norm=mc.BoundaryNorm(np.linspace(0, 100, 9), 256)))]:
    try:
        v = tp.decolorize(pic, **kw); print(label, "OK, NaN", np.isnan(v).mean())
    except Exception:
        print(label); traceback.print_exc(limit=-3)
