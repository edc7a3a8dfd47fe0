"""The seismic alpha=0.8 PNG regression as a paste-able repro (fbm = trial 51's _p6.fbm)."""
import io, sys, pathlib, warnings
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial51"))
import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p6 import fbm
h = fbm(200, seed=2)
fig, ax = plt.subplots(); im = ax.imshow(h, cmap="seismic", vmin=0, vmax=1, alpha=0.8); fig.colorbar(im)
b = io.BytesIO(); fig.savefig(b, format="png"); pic = np.asarray(Image.open(b).convert("RGB"))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    v = tp.decolorize(pic, cmap="seismic", vmin=0, vmax=1)
bb = ax.get_window_extent(); H = pic.shape[0]
sl = (slice(int(H - bb.y1) + 3, int(H - bb.y0) - 3), slice(int(bb.x0) + 3, int(bb.x1) - 3))
print(f"NaN in the plot area {100*np.isnan(v[sl]).mean():.2f} %; warnings: {[str(x.message)[:120] for x in w]}")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    v2 = tp.decolorize(pic, cmap="seismic", vmin=0, vmax=1, alpha=0.8)
print(f"with alpha=0.8: NaN {100*np.isnan(v2[sl]).mean():.2f} %; warnings {len(w)}")
