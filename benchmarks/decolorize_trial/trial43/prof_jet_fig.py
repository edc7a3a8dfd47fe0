"""cProfile of one warm decode of the 1333x1000 JPEG'd jet figure of t7_big.py (dpi 100)."""
import io, cProfile, pstats, numpy as np
from common import fields
import matplotlib.pyplot as plt
from PIL import Image
from skimage.transform import resize
import truepix as tp
f = resize(fields(256)["terrain"], (1000, 1000), order=3)
fig, ax = plt.subplots(figsize=(13.333, 10), dpi=100)
im = ax.imshow(f, cmap="jet", vmin=200, vmax=4000); ax.contour(f, levels=[1000, 2000, 3000], colors="k", linewidths=0.8)
fig.colorbar(im, ax=ax, label="elevation (m)"); ax.set_title("DEM")
b = io.BytesIO(); fig.savefig(b, format="jpg", dpi=100, pil_kwargs={"quality": 90}); plt.close(fig)
pic = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
tp.decolorize(pic, cmap="jet", vmin=200, vmax=4000)
pr = cProfile.Profile(); pr.enable(); tp.decolorize(pic, cmap="jet", vmin=200, vmax=4000); pr.disable()
pstats.Stats(pr).sort_stats("cumulative").print_stats(25)
pstats.Stats(pr).sort_stats("tottime").print_stats(12)
