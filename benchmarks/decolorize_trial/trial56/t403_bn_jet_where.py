"""Follow-up of t402: seed 6's BoundaryNorm jet pcolormesh at q75 (18 % holes; q70 / q80 and seed 7: 0): holes by
distance to a cell border, and the same PNG shifted by 0-3 px (cropped at the top left) before Pillow's JPEG q75."""
from _p9 import *  # noqa
from _p9 import pics, header, fbm, jpeg_pil, wshort, call
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, truepix as tp, cv2

header(__doc__.splitlines()[0])
lv = np.arange(11); bn = mpl.colors.BoundaryNorm(lv, 256, extend="both")
d = fbm(64, seed=6)[:32, :48] * 14 - 2
def make(cm, ink, face):
    fg, ax = plt.subplots()
    if face: ax.set_facecolor(face)
    pm = ax.pcolormesh(d, cmap=cm or "jet", norm=bn); fg.colorbar(pm, extend="both")
    return fg, ax, bn
ps, truth, ink, sl, _ = pics(make, quals=(("png", None), ("q75", 75)))
tr = truth[sl]; t0 = np.nan_to_num(tr, nan=-1)
edge = np.zeros(tr.shape, bool); edge[:, 1:] |= t0[:, 1:] != t0[:, :-1]; edge[1:, :] |= t0[1:, :] != t0[:-1, :]
dist = cv2.distanceTransform((~edge).astype(np.uint8), cv2.DIST_L2, 3)
v = np.asarray(tp.decolorize(ps["q75"], cmap="jet", vmin=0.0, vmax=10.0))[sl]; h = np.isnan(v) & np.isfinite(tr)
print(f"savefig q75: holes {100*h.sum()/np.isfinite(tr).sum():.2f} %; by distance to a border: <=1 px {100*h[dist<=1].mean():.1f} %, "
      f"1-3 px {100*h[(dist>1)&(dist<=3)].mean():.2f} %, >3 px {100*h[dist>3].mean():.3f} % (share of pixels <=1 px: {100*(dist<=1).mean():.0f} %)", flush=True)
for s in range(4):
    pic = jpeg_pil(ps["png"][s:, s:], 75); sl2 = (slice(sl[0].start - s, sl[0].stop - s), slice(sl[1].start - s, sl[1].stop - s))
    v, err, ws = call(lambda: tp.decolorize(pic, cmap="jet", vmin=0.0, vmax=10.0))
    h = np.isnan(np.asarray(v)[sl2]) & np.isfinite(tr)
    r = tp.Decolorizer("jet", vmin=0.0, vmax=10.0).decode(pic)
    print(f"PNG shifted {s} px then Pillow q75: holes {100*h.sum()/np.isfinite(tr).sum():.2f} % (jpeg {bool(r.jpeg)} noise {float(r.noise):.2f}) | {wshort(ws, 120)}", flush=True)
