"""Compile/load this worktree's numba kernels once (exact, JPEG, noisy decodes) and time each first call."""
import io, time, numpy as np, matplotlib as mpl
t0 = time.process_time()
import truepix as tp
from PIL import Image
print("import", round(time.process_time() - t0, 2), "s; load", open("/proc/loadavg").read().split()[:3])
x = np.linspace(0, 1, 512 * 512).reshape(512, 512)
for m in ("viridis", "jet"):
    rgb = mpl.colormaps[m](x, bytes=True)[..., :3]
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=75); j = np.asarray(Image.open(b))
    n = np.clip(rgb + np.random.default_rng(0).normal(0, 3, rgb.shape), 0, 255).astype(np.uint8)
    for k, p in (("exact", rgb), ("jpeg", j), ("noise", n)):
        t = time.process_time(); v = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
        print(m, k, round(time.process_time() - t, 2), "s CPU, holes", np.isnan(v).mean(), flush=True)
