"""Repro: astronaut (gray) as twilight via plt.imsave, Pillow quantize(256, FASTOCTREE), default decolorize."""
import io, numpy as np, warnings
from PIL import Image
from scipy.spatial import cKDTree
import matplotlib.pyplot as plt
import truepix as tp
from common import fields, imsave_png, pil_rgb, baseline
warnings.simplefilter("ignore")
x = fields()["astronaut"]; vmin, vmax = x.min(), x.max()
rgb = pil_rgb(imsave_png(x, "twilight", vmin, vmax))
q = np.asarray(Image.fromarray(rgb).quantize(256, method=Image.Quantize.FASTOCTREE).convert("RGB"))
r = tp.Decolorizer("twilight", vmin=vmin, vmax=vmax).decode(q)
e = np.abs(r.values - x) / (vmax - vmin)
ec = np.minimum(e, 1 - e)
b = np.abs(baseline(q, "twilight", vmin, vmax) - x) / (vmax - vmin)
print(f"mean err {100*e.mean():.2f}% (cyclic {100*ec.mean():.2f}%)  baseline {100*b.mean():.2f}%;  pixels off >50%: {100*(e>.5).mean():.1f}% "
      f"of which flagged ambiguous {100*r.ambiguous[e>.5].mean():.1f}%;  noise {r.noise:.2f} jpeg {r.jpeg} denoised {r.denoised}")
print("truth of the far-off pixels: mean position", ((x[e > .5] - vmin) / (vmax - vmin)).mean(), " decoded", ((r.values[e > .5] - vmin) / (vmax - vmin)).mean())
print("distinct colors in picture:", len(np.unique(q.reshape(-1, 3), axis=0)))
