"""Fresh-process timing: import + first decode of exact / JPEG / noisy pictures (run twice: compile, then cache)."""
import time, sys, io
t0 = time.perf_counter()
import numpy as np
import truepix as tp
t1 = time.perf_counter()
from PIL import Image
import matplotlib; matplotlib.use("Agg")
n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
m = int(sys.argv[2]) if len(sys.argv) > 2 else n
y, x = np.mgrid[0:n, 0:m] / max(n, m)
d = np.sin(6 * x) * np.cos(5 * y) + 0.3 * x
rgb = (matplotlib.colormaps["viridis"]((d - d.min()) / np.ptp(d), bytes=True)[..., :3])
b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=75); jp = np.asarray(Image.open(b))
noisy = np.clip(rgb + np.random.default_rng(0).normal(0, 2, rgb.shape), 0, 255).astype(np.uint8)
print(f"import truepix {t1-t0:.2f}s  picture {n}x{m}")
for name, p in [("exact", rgb), ("jpeg75", jp), ("noise2", noisy), ("exact again", rgb)]:
    t = time.perf_counter(); v = tp.decolorize(p, cmap="viridis", vmin=d.min(), vmax=d.max()); dt = time.perf_counter() - t
    print(f"{name:12s} {dt:7.2f}s  {p.shape[0]*p.shape[1]/1e6/dt:7.2f} MP/s  NaN {np.isnan(v).mean()*100:.3f}%")
