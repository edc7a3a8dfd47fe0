"""Warm numba's cache for this worktree (first run compiles)."""
import io, time, numpy as np, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
import truepix as tp
y, x = np.mgrid[0:256, 0:256] / 256
d = np.sin(6 * x) * np.cos(4 * y) + x
buf = io.BytesIO(); plt.imsave(buf, d, cmap="viridis", format="png"); buf.seek(0)
rgb = np.asarray(Image.open(buf).convert("RGB"))
for name, pic in [("exact", rgb)]:
    t = time.time(); tp.decolorize(pic, cmap="viridis", vmin=d.min(), vmax=d.max()); print(name, time.time() - t, flush=True)
b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=75); b.seek(0)
t = time.time(); tp.decolorize(np.asarray(Image.open(b)), cmap="viridis", vmin=d.min(), vmax=d.max()); print("jpeg", time.time() - t, flush=True)
n = np.clip(rgb + np.random.default_rng(0).normal(0, 2, rgb.shape), 0, 255).astype(np.uint8)
t = time.time(); tp.decolorize(n, cmap="viridis", vmin=d.min(), vmax=d.max()); print("noise", time.time() - t, flush=True)
r = np.asarray(Image.fromarray(rgb).resize((128, 128), Image.BILINEAR))
t = time.time(); tp.decolorize(r, cmap="viridis", vmin=d.min(), vmax=d.max()); print("resize", time.time() - t, flush=True)
