import sys, io, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import *
from test_decolorize_disparity import _cells
import truepix as tp
from truepix.color._decolorize import _jpeg as J, _alone as AL
from scipy import ndimage
from truepix.color._decolorize import _end_piles as EP
from truepix.color._decolorize._plan import _YCBCR as _Y
from truepix.color._decolorize._end_inks import _to_segment as _seg
from skimage import data as skd
from PIL import Image
G = {}
oj = J.jpeg_off_map
def jo(flat, scale, width, position, residual, plan, line, *rest):
    G.update(scale=scale, line=line, flat=flat, width=width, position=position.copy(), residual=residual, thr=plan.threshold); return oj(flat, scale, width, position, residual, plan, line, *rest)
for mod in list(sys.modules.values()):
    if mod and getattr(mod, "__name__", "").startswith("truepix") and getattr(mod, "jpeg_off_map", None) is oj:
        mod.jpeg_off_map = jo
orig = AL.alone
def alone(groups, n_groups, candidates, foreign, luma, width, height, **k):
    pos, res, thr = G["position"], G["residual"], G["thr"]
    endpix = ((res <= thr) & (pos <= 0.03)).reshape(height, width)
    lab = groups > 0
    strength = np.bincount(groups[lab & foreign], minlength=n_groups + 1)
    out = []
    for g in np.flatnonzero(strength >= 8):
        m = np.zeros(height * width, bool); m[candidates[groups == g]] = True
        near = ndimage.binary_dilation(m.reshape(height, width), np.ones((7, 7), bool))
        px = candidates[(groups == g) & foreign]
        mk = np.zeros((height, width), bool); mk[px // width, px % width] = True
        lab2, n2 = ndimage.label(mk, np.ones((3, 3)))
        sz = np.bincount(lab2[mk])
        out.append((int((groups == g).sum()), int(strength[g]), int(sz.max()), n2))
    print("  evidence cores (size, foreign, largest foreign group, n groups):", out, "| end px in picture", int(endpix.sum()))
    return orig(groups, n_groups, candidates, foreign, luma, width, height, **k)
J.alone = alone
for case in sys.argv[1:]:
    m, q, src = case.split(":"); q = int(q); cover = None
    t, p, touch, cover = case_picture(m, q, src)
    print(case); v = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
