"""First decolorize call in a fresh process of a fresh install (no numba cache yet): seconds.
Run:  cp -r /work/wt/trial35/src /tmp/trial35/freshsrc_N && PYTHONPATH=/tmp/trial35/freshsrc_N python cold_first_call.py"""
import time, os
t0 = time.perf_counter()
import numpy as np, matplotlib as mpl, io
from PIL import Image
import truepix as tp
t_imp = time.perf_counter() - t0
rng = np.random.default_rng(0)
y, x = np.mgrid[0:1000, 0:1000] / 1000.0
u = (np.sin(6 * x) * np.cos(4 * y) + 1) / 2
pic = mpl.colormaps["viridis"](u, bytes=True)[..., :3]
b = io.BytesIO(); Image.fromarray(pic).save(b, "JPEG", quality=75); jp = np.asarray(Image.open(b))
out = {"load": os.getloadavg()[0], "import_s": round(t_imp, 2)}
for nm, p in (("exact_1MP", pic), ("jpeg75_1MP", jp), ("noise2_1MP", np.clip(pic + rng.normal(0, 2, pic.shape), 0, 255).astype(np.uint8))):
    t0 = time.perf_counter(); tp.decolorize(p, cmap="viridis", vmin=0, vmax=1); out[nm + "_first_s"] = round(time.perf_counter() - t0, 2)
    t0 = time.perf_counter(); tp.decolorize(p, cmap="viridis", vmin=0, vmax=1); out[nm + "_second_s"] = round(time.perf_counter() - t0, 3)
print(out)
