"""A 4000x3000 JPEG'd figure (imshow + contours + colorbar + white margins, dpi 300) and the same plot area
cropped: fresh process, import + first decode, then warm calls; peak RSS. Usage: python t7_big.py [jet|viridis] [fig|crop] [dpi, 300: 4000x3000]"""
import sys, time, resource, io
t0 = time.perf_counter()
import numpy as np
from common import fields, jpeg
import matplotlib.pyplot as plt
from PIL import Image
from skimage.transform import resize
name = sys.argv[1] if len(sys.argv) > 1 else "jet"; what = sys.argv[2] if len(sys.argv) > 2 else "fig"; dpi = int(sys.argv[3]) if len(sys.argv) > 3 else 300
f = resize(fields(256)["terrain"], (1000, 1000), order=3)
fig, ax = plt.subplots(figsize=(13.333, 10), dpi=dpi)
im = ax.imshow(f, cmap=name, vmin=200, vmax=4000); ax.contour(f, levels=[1000, 2000, 3000], colors="k", linewidths=0.8)
fig.colorbar(im, ax=ax, label="elevation (m)"); ax.set_title("DEM")
b = io.BytesIO(); fig.savefig(b, format="jpg", dpi=dpi, pil_kwargs={"quality": 90}); plt.close(fig)
pic = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
if what == "crop":
    bb = ax.get_window_extent(); h = pic.shape[0]
    pic = pic[int(h - bb.y1) + 4:int(h - bb.y0) - 4, int(bb.x0) + 4:int(bb.x1) - 4].copy()
t1 = time.perf_counter()
import truepix as tp
import warnings
for i in range(3):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        s = time.perf_counter(); v = tp.decolorize(pic, cmap=name, vmin=200, vmax=4000); d = time.perf_counter() - s
    mp = pic.shape[0] * pic.shape[1] / 1e6
    print(f"{name} {what} {pic.shape[1]}x{pic.shape[0]} JPEG q90 call {i+1}: {d:.2f} s ({mp/d:.2f} MP/s) NaN {np.isnan(v).mean()*100:.1f}% warnings {len(w)}" + (f" (import+first {time.perf_counter()-t1:.2f} s)" if i == 0 else ""), flush=True)
    for x in w: print("   W:", str(x.message)[:200])
print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1e6:.2f} GB; making the picture took {t1-t0:.1f} s")
