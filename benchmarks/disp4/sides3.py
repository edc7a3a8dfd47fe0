import sys, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__)); sys.path.insert(0, "/work/wt/disp4/tests/color")
from common import *
import truepix as tp
from truepix.color._decolorize import _jpeg as J, _alone as AL
from skimage import data as skd
m, q, src = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if src == "disp": t = disparity(); p = jpeg(t, m, q)
else:
    from _annotate import annotated
    import io
    from PIL import Image
    base = skd.camera()[:256, :256] / 255.0 if src == "camera" else np.add.outer(np.linspace(0, 1, 256), np.linspace(0, .3, 256)).clip(0, 1)
    pic = mpl.colormaps[m](base, bytes=True)[..., :3]
    drawn, touch, cover = annotated(pic, ["black", "black"], ["black", "black"])
    b = io.BytesIO(); Image.fromarray(drawn).save(b, format="JPEG", quality=q); p = np.asarray(Image.open(b).convert("RGB")); t = base
H, W = p.shape[:2]
pos = nearest(p, m)
st = {}
orig = AL.alone
def alone(groups, n_groups, candidates, foreign, luma, width, height, **k):
    r = orig(groups, n_groups, candidates, foreign, luma, width, height, **k)
    lab = groups > 0
    strength = np.bincount(groups[lab & foreign], minlength=n_groups + 1)
    ev = lab & foreign & (strength[groups] >= 8)
    pix = candidates[ev]; y, x = pix // W, pix % W
    best = np.zeros(len(pix)); score = np.full(len(pix), -1e9)
    L = p.astype(float) @ np.array([0.299, 0.587, 0.114])
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        for rch in (2, 3):
            ya, xa, yb, xb = y - dy * rch, x - dx * rch, y + dy * rch, x + dx * rch
            ok = (ya >= 0) & (yb < H) & (xa >= 0) & (xa < W) & (xb >= 0) & (xb < W)
            sc = np.full(len(pix), -1e9); sc[ok] = np.minimum(L[ya[ok], xa[ok]], L[yb[ok], xb[ok]])
            d = np.zeros(len(pix)); d[ok] = np.abs(pos[ya[ok], xa[ok]] - pos[yb[ok], xb[ok]])
            tk = sc > score; score[tk] = sc[tk]; best[tk] = d[tk]
    g = groups[ev]
    for gg in np.unique(g):
        print("   core", gg, "n", np.sum(g == gg), "median step", round(float(np.median(best[g == gg])), 3), "share>=0.1", round(float(np.mean(best[g == gg] >= 0.1)), 2))
    print(f"{m} q{q} {src}: evidence px {len(pix)} sides-step quantiles 10/25/50/75/90:", np.round(np.percentile(best, [10, 25, 50, 75, 90]), 2) if len(pix) else None)
    return r
J.alone = alone
v = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
