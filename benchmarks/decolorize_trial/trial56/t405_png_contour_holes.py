"""Follow-up of t404: matshow + 6 black contours, exact PNG, 0.63 % holes. Are the NaN data pixels pure map colours
(data lost) or blends with the line (a line's fringe the gray redraw shows gray)? Distance to the ink mask, and the
distance of each hole's colour to the nearest map colour (DN)."""
from _p9 import *  # noqa
from _p9 import pics, header, fbm
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, truepix as tp, cv2
from scipy.spatial import cKDTree

header(__doc__.splitlines()[0])
d = fbm(64, seed=4)[:40, :60]
for m in ("viridis", "jet"):
    def make2(cm, ink, face, m=m):
        fg, ax = plt.subplots()
        if face: ax.set_facecolor(face)
        im = ax.matshow(d, cmap=cm or m); plt.colorbar(im, shrink=0.6); ax.contour(d, levels=6, colors=[ink], linewidths=1)
        return fg, ax, im.norm
    ps, truth, ink, sl, nm = pics(make2, quals=(("png", None),))
    pic = ps["png"]; tr = truth[sl]
    v = np.asarray(tp.decolorize(pic, cmap=m, vmin=float(nm.vmin), vmax=float(nm.vmax)))[sl]
    h = np.isnan(v) & np.isfinite(tr)
    dist = cv2.distanceTransform((~ink[sl]).astype(np.uint8), cv2.DIST_L2, 3)
    lut = (mpl.colormaps[m](np.arange(256))[:, :3] * 255).round()
    dn, _ = cKDTree(lut).query(pic[sl][h].astype(float))
    print(f"{m} PNG: holes {h.sum()} px ({100*h.sum()/np.isfinite(tr).sum():.2f} %); distance to ink <=1 px {100*(dist[h]<=1).mean():.1f} %, "
          f"1-2 px {100*((dist[h]>1)&(dist[h]<=2)).mean():.1f} %, >2 px {100*(dist[h]>2).mean():.1f} %; hole colours' distance to the map: "
          f"0 DN {100*(dn==0).mean():.1f} %, <=2 DN {100*(dn<=2).mean():.1f} %, median {np.median(dn):.1f} DN, p90 {np.percentile(dn,90):.1f}", flush=True)
