import sys, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__)); sys.path.insert(0, "/work/wt/disp4/tests/color")
from common import *
from test_decolorize_disparity import _cells
import truepix as tp
from truepix.color._decolorize import _jpeg as J, _alone as AL
from skimage import data as skd
STEP = float(sys.argv[1]); cases = sys.argv[2:]
G = {}
orig = AL.alone
def alone(groups, n_groups, candidates, foreign, luma, width, height, **k):
    p, pos = G["p"], G["pos"]; H, W = p.shape[:2]
    lab = groups > 0; ev = lab & foreign
    if STEP < 1 and ev.any():
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
        med = np.zeros(n_groups + 1)
        for gg in np.unique(g): med[gg] = np.median(best[g == gg])
        foreign = foreign & ~(lab & (med[groups] >= STEP))
    return orig(groups, n_groups, candidates, foreign, luma, width, height, **k)
J.alone = alone
import io
from PIL import Image
for case in cases:
    m, q, src = case.split(":"); q = int(q); cover = None
    if src == "disp": t = disparity(); p = jpeg(t, m, q)
    elif src.startswith("cells"): t = _cells(256, int(src[5:])); p = jpeg(t, m, q)
    else:
        from _annotate import annotated
        base = skd.camera()[:256, :256] / 255.0 if src == "camera" else np.add.outer(np.linspace(0, 1, 256), np.linspace(0, .3, 256)).clip(0, 1)
        drawn, touch, cover = annotated(mpl.colormaps[m](base, bytes=True)[..., :3], ["black", "black"], ["black", "black"])
        b = io.BytesIO(); Image.fromarray(drawn).save(b, format="JPEG", quality=q); p = np.asarray(Image.open(b).convert("RGB")); t = base
    G["p"], G["pos"] = p, nearest(p, m)
    v = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
    if cover is None: print(f"STEP {STEP} {case} holes {100*np.isnan(v).mean():.3f}% ratio {error(v,t)/error(nearest(p,m),t):.2f}", flush=True)
    else: print(f"STEP {STEP} {case} cover flagged {100*np.isnan(v)[cover].mean():.1f}% off-cover flagged {100*np.isnan(v)[~touch].mean():.2f}%", flush=True)
