import os, sys
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np, matplotlib as mpl
sys.path.insert(0, os.path.join(ROOT, "benchmarks/decolorize_trial/trial45"))
import _common as c, truepix as tp
from truepix.color._decolorize import _inputs as I
fields = {k: c.crop(v, 256) for k, v in c.real_fields().items()}
fields.update({k: c.crop(v, 256) for k, v in c.smooth_fields(256).items()})
for m in ("gray", "Greys", "binary"):
    t = mpl.colormaps[m](np.arange(256) / 255, bytes=True)[:, 0]
    missing = np.setdiff1d(np.arange(256), t)
    for name, f in fields.items():
        rgb = c.render(f, m)
        for cond in ("exact", "q95", "q75", "q50", "q75_444"):
            pic = rgb if cond == "exact" else c.jpeg(rgb, int(cond[1:3]), 0 if "444" in cond else 2)
            d = tp.Decolorizer(m, vmin=0, vmax=1)
            pix, kind, scale = I.as_pixels(pic)
            pix, kind, scale, plan = I.planned(d, pix, kind, scale)
            h = np.bincount(pic[..., 0].ravel(), minlength=256).astype(float)
            lo, hi = pic[...,0].min(), pic[...,0].max()
            mm = missing[(missing > lo) & (missing < hi)]
            exp = ((h[mm - 1] + h[mm + 1]) / 2).sum()
            print(f"{m:7} {name:15} {cond:8} kind {kind} jpeg {plan.jpeg!s:5} exact {plan.exact!s:5} sharp {plan.sharp!s:5} "
                  f"noise {plan.noise:.2f} at-missing {int(h[mm].sum()):6d} expected {exp:8.0f}")
