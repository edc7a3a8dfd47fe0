"""Stop 59's holes6 claim: noisy 256-colour palettes 24 -> 1 of 144 cells over 0.2 % holes. My own grid of that kind
(holes6's script is not on main): camera / terrain 512^2 x 6 maps (viridis, jet, turbo, magma, RdBu_r, gray) x
(noise sigma 2, sigma 3, Lanczos 0.5x of the sigma-2 render, exact) x Pillow quantize(256, MEDIANCUT / FASTOCTREE /
MAXCOVERAGE), decoded by name, vmin 0, vmax 1. Truth: the bin centre of the rendered index (Lanczos: the field halved)."""
import sys
from _p9 import *  # noqa
from _p9 import dec_any, header, HEAD8, summary
import numpy as np, matplotlib as mpl, skimage.data as sd
from PIL import Image
sys.path.insert(0, "/work/wt/trial56/benchmarks")
from _conditions import terrain_field

header(__doc__.splitlines()[0])
print(HEAD8, flush=True)
cam = sd.camera().astype(float) / 255
t = terrain_field(512, np.random.default_rng(1)); t = (t - t.min()) / (t.max() - t.min())
Q = {"mediancut": Image.Quantize.MEDIANCUT, "octree": Image.Quantize.FASTOCTREE, "maxcov": Image.Quantize.MAXCOVERAGE}
rows, allrows = [], []
for fname, x in (("camera", cam), ("terrain", t)):
    k = np.clip((x * 256).astype(int), 0, 255); tr = (k + 0.5) / 256
    for m in ("viridis", "jet", "turbo", "magma", "RdBu_r", "gray"):
        lut = (mpl.colormaps[m](np.arange(256))[:, :3] * 255).round().astype(np.uint8)
        rgb = lut[k]
        for cond in ("noise2", "noise3", "lanczos", "exact"):
            if cond == "exact": p, tt = rgb, tr
            else:
                s = 3 if cond == "noise3" else 2
                p = np.clip(rgb + np.random.default_rng(5).normal(0, s, rgb.shape), 0, 255).round().astype(np.uint8); tt = tr
                if cond == "lanczos":
                    p = np.asarray(Image.fromarray(p).resize((256, 256), Image.LANCZOS))
                    tt = np.asarray(Image.fromarray(tr.astype(np.float32)).resize((256, 256), Image.BOX), dtype=float)
            for qn, qm in Q.items():
                pq = np.asarray(Image.fromarray(p).quantize(256, method=qm).convert("RGB"))
                r = dec_any(f"{fname} {m} {cond} {qn}", pq, tt, m, vmin=0.0, vmax=1.0, info=False, rows=allrows)
summary(allrows, "all 144")
