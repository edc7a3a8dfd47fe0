import sys, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import *
import truepix as tp
from truepix.color._decolorize import _jpeg as J, _alone as AL
from skimage import data as skd
m, q, src = sys.argv[1], int(sys.argv[2]), sys.argv[3]
t, p, touch, cover = case_picture(m, q, src)
H, W = p.shape[:2]
pos = nearest(p, m)
st = {}
orig = AL.alone
def alone(groups, n_groups, candidates, foreign, luma, width, height, **k):
    r = orig(groups, n_groups, candidates, foreign, luma, width, height, **k)
    lab = groups > 0
    strength = np.bincount(groups[lab & foreign], minlength=n_groups + 1)
    ev = lab & foreign & (strength[groups] >= 8)
    pix = candidates[ev]; best = sides_steps(pix, p, pos)
    g = groups[ev]
    for gg in np.unique(g):
        print("   core", gg, "n", np.sum(g == gg), "median step", round(float(np.median(best[g == gg])), 3), "share>=0.1", round(float(np.mean(best[g == gg] >= 0.1)), 2))
    print(f"{m} q{q} {src}: evidence px {len(pix)} sides-step quantiles 10/25/50/75/90:", np.round(np.percentile(best, [10, 25, 50, 75, 90]), 2) if len(pix) else None)
    return r
J.alone = alone
v = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
