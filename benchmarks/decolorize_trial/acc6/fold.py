import os, sys, io, numpy as np
sys.path.insert(0, "/work/wt/acc6/benchmarks/decolorize_trial/trial45")
import _common as c
from PIL import Image
import matplotlib as mpl, matplotlib.pyplot as plt
import truepix as tp
from truepix.color._decolorize import _plan as P
if os.environ.get("W"): P.CHROMA_WEIGHTS["luma"] = float(os.environ["W"])
from scipy.spatial import cKDTree
coins = np.asarray(Image.open(os.path.join(c.SKDIR, "coins.png")).convert("L"))
rf = c.real_fields(384)
fields = {"coins": c.norm01(c.crop(coins, 384)), "camera": rf["camera"]}
for m in sys.argv[1].split(","):
    lut = mpl.colormaps[m](np.arange(256), bytes=True)[:, :3].astype(float)
    luma = lut @ [0.299, 0.587, 0.114]
    for fn, f in fields.items():
        p = "/tmp/acc6/a.png"; plt.imsave(p, f, cmap=m, vmin=0, vmax=1)
        png = np.asarray(Image.open(p).convert("RGB"))
        b = io.BytesIO(); Image.fromarray(png).save(b, "JPEG", quality=75); pic = np.asarray(Image.open(b))
        v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
        kd = (cKDTree(lut).query(pic.reshape(-1, 3).astype(float))[1].reshape(f.shape) + .5) / 256
        e = np.abs(v - f); ek = np.abs(kd - f)
        t99 = np.quantile(e, .99); worst = e >= t99
        # luma of truth and of decoded positions
        lt = luma[np.clip((f * 255).round().astype(int), 0, 255)]; lv = luma[np.clip((v * 255).round().astype(int), 0, 255)]
        lk = luma[np.clip((kd * 255).round().astype(int), 0, 255)]
        print(f"{m:9}{fn:7} p99 tp {100*t99:.1f} kd {100*np.quantile(ek,.99):.1f} | worst1%: |dluma| tp {np.abs(lv-lt)[worst].mean():.1f} kd-at-those {np.abs(lk-lt)[worst].mean():.1f} err kd-at-those {100*ek[worst].mean():.1f} tp {100*e[worst].mean():.1f}; pic luma vs truth luma {np.abs(pic.reshape(-1,3)@[0.299,0.587,0.114]-lt.ravel()).reshape(f.shape)[worst].mean():.1f}", flush=True)
