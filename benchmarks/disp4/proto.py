import sys, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import *
from test_decolorize_disparity import _cells
import truepix as tp
from truepix.color._decolorize import _jpeg as J, _alone as AL
from skimage import data as skd
STEP = float(sys.argv[1]); cases = sys.argv[2:]
G = {}
orig = AL.alone
def alone(groups, n_groups, candidates, foreign, luma, width, height, **k):
    p, pos = G["p"], G["pos"]
    lab = groups > 0; ev = lab & foreign
    if STEP < 1 and ev.any():
        pix = candidates[ev]; best = sides_steps(pix, p, pos)
        g = groups[ev]
        med = np.zeros(n_groups + 1)
        for gg in np.unique(g): med[gg] = np.median(best[g == gg])
        foreign = foreign & ~(lab & (med[groups] >= STEP))
    return orig(groups, n_groups, candidates, foreign, luma, width, height, **k)
J.alone = alone
import io
from PIL import Image
for case in cases:
    m, q, src = case.split(":"); q = int(q)
    t, p, touch, cover = case_picture(m, q, src)
    G["p"], G["pos"] = p, nearest(p, m)
    v = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
    if cover is None: print(f"STEP {STEP} {case} holes {100*np.isnan(v).mean():.3f}% ratio {error(v,t)/error(nearest(p,m),t):.2f}", flush=True)
    else: print(f"STEP {STEP} {case} cover flagged {100*np.isnan(v)[cover].mean():.1f}% off-cover flagged {100*np.isnan(v)[~touch].mean():.2f}%", flush=True)
