"""Deliver 1: 256-colour quantization of pictures that have MORE than 256 colours (a quantized exact render is
lossless, so t01's quant256 row is trivially exact): a 0.5x INTER_AREA downscale and a JPEG q90 picture,
quantized by Pillow (median cut / fast octree / libimagequant when present, with and without dither), default call."""
import numpy as np, cv2, truepix as tp
from PIL import Image, features
import _common as c

N = 256
F = {k: c.crop(v, N) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "grace_hopper")}
F["bumps"] = c.smooth_fields(N)["bumps"]
MAPS = ["viridis", "jet", "magma", "coolwarm", "turbo", "gray"]
methods = [("mediancut", Image.Quantize.MEDIANCUT), ("fastoctree", Image.Quantize.FASTOCTREE)]
if features.check_feature("libimagequant"):
    methods.append(("libimagequant", Image.Quantize.LIBIMAGEQUANT))
print("quantizers:", [m for m, _ in methods])
agg = {}
for m in MAPS:
    base = c.Baseline(m)
    for fn, f in F.items():
        rgb = c.render(f, m)
        small, tr = c.resize(rgb, f, 0.5, cv2.INTER_AREA)
        for src_name, src, truth in (("resize0.5", small, tr), ("jpeg90", c.jpeg(rgb, 90), f)):
            for qn, q in methods:
                for dith in (Image.Dither.NONE, Image.Dither.FLOYDSTEINBERG):
                    pic = np.asarray(Image.fromarray(src).quantize(256, method=q, dither=dith).convert("RGB"))
                    est = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
                    mt, pt, ht = c.score(est, truth); mb, pb, _ = c.score(base(pic), truth)
                    key = (src_name, qn, "dither" if dith else "nodither", "smooth" if fn == "bumps" else "real")
                    agg.setdefault(key, []).append((mt, mb, ht, pt, pb, m, fn))
    print("#", m, "done", flush=True)
print(f"{'source':10}{'quantizer':14}{'dither':9}{'kind':7}{'ratio':>7}{'holes_mean%':>12}{'holes_max%':>11}{'p99 worse':>10}  worst holes case")
for k, L in agg.items():
    mt = sum(x[0] for x in L); mb = sum(x[1] for x in L); w = max(L, key=lambda x: x[2])
    print(f"{k[0]:10}{k[1]:14}{k[2]:9}{k[3]:7}{mt/mb:7.3f}{100*np.mean([x[2] for x in L]):12.3f}{100*w[2]:11.2f}{sum(x[3] > x[4]*1.001 for x in L):>6}/{len(L)}  {w[5]} {w[6]}")
print("load", c.loadavg())
