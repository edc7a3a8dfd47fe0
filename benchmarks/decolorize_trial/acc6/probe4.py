import os, sys, io, numpy as np
sys.path.insert(0, "/work/wt/acc6/benchmarks/decolorize_trial/trial45")
sys.path.insert(0, "/work/wt/acc6/benchmarks/decolorize_trial/trial52")
import _common as c, _p7
from PIL import Image
import matplotlib as mpl
import truepix as tp
from truepix.color._decolorize import _plan as P
from truepix.color._decolorize._lossy import residual_correlation
log = {}
f0 = P.block_score
def bs(flat, scale, codes, width, max_code, line):
    log["corr"] = residual_correlation(codes, (len(flat) // width, width), max_code)
    return f0(flat, scale, codes, width, max_code, line)
P.block_score = bs
g0 = P.jpeg_grid
def jg(*a):
    r = g0(*a); log["grid"] = r; return r
P.jpeg_grid = jg
coins = np.asarray(Image.open(os.path.join(c.SKDIR, "coins.png")).convert("L"))
rf = c.real_fields(256)
fields = {"coins": c.norm01(coins[:256, :256]), "camera": rf["camera"], "moon": rf["moon"], "grace": rf["grace_hopper"], "fbm": _p7.fbm(256)}
maps = sys.argv[1].split(",")
rng = np.random.default_rng(7)
for fn, f in fields.items():
  for m in maps:
    png = mpl.colormaps[m](f, bytes=True)[..., :3]
    pics = {}
    for s in (1, 2, 3):
        pics[f"n{s}"] = np.clip(png + rng.normal(0, s, png.shape), 0, 255).round().astype(np.uint8)
    for q, sub in ((75, 0), (85, 0), (90, 0), (95, 0), (90, 2), (95, 2)):
        b = io.BytesIO(); Image.fromarray(png).save(b, "JPEG", quality=q, subsampling=sub)
        pics[f"j{q}s{sub}"] = np.asarray(Image.open(b))
    out = []
    for k, pic in pics.items():
        log.clear()
        r = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
        out.append(f"{k}:{int(r.jpeg)}{str(log.get('grid','-'))[0]}/{log.get('corr', np.nan):.2f}")
    print(f"{fn:7} {m:9}", " ".join(out), flush=True)
