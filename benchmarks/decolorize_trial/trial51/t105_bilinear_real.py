"""Follow-up of t102 on real fields: low-resolution real arrays (the camera photo and the Jacksboro DEM shrunk to 128x128 and
120x150 by area averaging, an fBm 100x100) drawn by imshow(interpolation="bilinear") in a 640x480 figure (~3x up, matplotlib's
default 'auto' stage), jet / turbo / viridis, PNG and JPEG q75 and q90. DEFAULT decolorize(fig, cmap=name, vmin=0, vmax=1)."""
import numpy as np, matplotlib.pyplot as plt, cv2, truepix as tp
from _p6 import c, kd, call, wshort, header, fig_truth, line, LHEAD, fbm

header(__doc__.splitlines()[0])
rf = c.real_fields(512)
arrs = {"camera128": cv2.resize(rf["camera"].astype(np.float32), (128, 128), interpolation=cv2.INTER_AREA).astype(float),
        "dem120x150": cv2.resize(rf["dem_jacksboro"].astype(np.float32), (150, 120), interpolation=cv2.INTER_AREA).astype(float),
        "fbm100": fbm(100, seed=9)}
print(LHEAD)
for m in ("jet", "turbo", "viridis"):
    for an, a in arrs.items():
        fg, ax = plt.subplots(); art = ax.imshow(np.clip(a, 0, 1), cmap=m, vmin=0, vmax=1, interpolation="bilinear"); fg.colorbar(art, ax=ax)
        for fmt, q in (("png", 0), ("jpg", 90), ("jpg", 75)):
            pic, (sl,), (tr,), raw = fig_truth(fg, [art], fmt, q=q or 75)
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
            if v is None: print(f"{m} {an} {fmt}{q}: ERROR {err}"); continue
            line(f"{m} {an} bilinear {fmt}{q or ''}", v[sl], tr, kd(m)(pic[sl]), "", ws)
        plt.close(fg)
