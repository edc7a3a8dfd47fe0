"""Where the 0.38% NaN of t2's clean contourf PNG (axes, ticks, colorbar, title; no annotations) lie.
python t2c_contourf_holes.py -> contourf_holes.png (NaN in red)"""
import numpy as np, warnings
from PIL import Image
from t2_figures import make, rgb_of, truth_map
import truepix as tp
warnings.simplefilter("ignore")
png, jpg, d, vmin, vmax, bb, top = make("contourf", "viridis", False)
a = rgb_of(png); H, W = a.shape[:2]
tv, inside, inner, edge = truth_map("contourf", d, vmin, vmax, bb, H, W, top)
v = tp.decolorize(a, cmap="viridis", vmin=vmin, vmax=vmax)
nan = np.isnan(v) & inner
rr, cc = np.nonzero(nan)
print("NaN inner px", nan.sum(), "of", inner.sum(), f"({100*nan.sum()/inner.sum():.2f}%)")
print("rows", rr.min(), rr.max(), "cols", cc.min(), cc.max(), " axes box rows", H - bb.y1, H - bb.y0, "cols", bb.x0, bb.x1)
print("on a layer edge (5 px):", f"{100*edge[nan].mean():.0f}%", " sample colors:", a[nan][:5].tolist())
out = a.copy(); out[nan] = [255, 0, 0]; Image.fromarray(out).save("contourf_holes.png")
