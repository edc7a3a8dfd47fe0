"""cProfile of a warm decode of a whole matplotlib figure PNG (imshow terrain 256^2 viridis + colorbar + title,
640x480, savefig dpi 100, no JPEG anywhere) vs its plot area; Decolorizer's jpeg judgement."""
import cProfile, io, pstats, time
import numpy as np
from PIL import Image
from common import fields, plt
import truepix as tp
f = fields(256)["terrain"]
fig = plt.figure(figsize=(6.4, 4.8), dpi=100); ax = fig.add_subplot()
fig.colorbar(ax.imshow(f, cmap="viridis", vmin=200, vmax=4000)); ax.set_title("field")
b = io.BytesIO(); fig.savefig(b, format="png", dpi=100); plt.close(fig)
a = np.asarray(Image.open(b).convert("RGB"))
d = tp.Decolorizer("viridis", vmin=200, vmax=4000)
r = d.decode(a); print("jpeg judged:", bool(r.jpeg), "noise", float(r.noise))
for k in range(2):
    t = time.perf_counter(); d.decode(a); print(f"warm {time.perf_counter()-t:.2f}s")
pr = cProfile.Profile(); pr.enable(); d.decode(a); pr.disable()
s = io.StringIO(); pstats.Stats(pr, stream=s).sort_stats("cumulative").print_stats(22); print(s.getvalue()[-4200:])
