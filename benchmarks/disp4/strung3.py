import sys, io, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import *
from test_decolorize_disparity import _cells
import truepix as tp
from truepix.color._decolorize import _alone as AL
from skimage import data as skd
from PIL import Image
from truepix.color._decolorize import _jpeg as J, _end_piles as EP
from truepix.color._decolorize._plan import _YCBCR as _Y
from truepix.color._decolorize._end_inks import _to_segment as _seg
G = {}
oj = J.jpeg_off_map
def jo(flat, scale, width, position, residual, plan, line, *rest):
    G.update(flat=flat, scale=scale, line=line); return oj(flat, scale, width, position, residual, plan, line, *rest)
for mod in list(sys.modules.values()):
    if mod and getattr(mod, "__name__", "").startswith("truepix") and getattr(mod, "jpeg_off_map", None) is oj:
        mod.jpeg_off_map = jo
o = AL.strung
def strung(pixels, luma, width, height, inks=None, *rest):
    r = o(pixels, luma, width, height, inks, *rest)
    if len(pixels):
        s = AL._structures(pixels, width, height); c, sp = AL.luma_spread(s, luma)
        out = []
        for i in np.flatnonzero(c >= 30):
            lv = np.clip(np.round(luma[s == i]), 0, 255).astype(int); h = np.bincount(lv, minlength=256)
            pk = np.convolve(h, np.ones(31), "same")
            crit = []
            if c[i] >= 60 and sp[i] <= 15: crit.append("60/15")
            if sp[i] <= 10: crit.append("30/10")
            if c[i] >= 200 and sp[i] <= 30: crit.append("200/30")
            if c[i] >= 1000 and sp[i] <= 75: crit.append("1000/75")
            if crit:
                sel = (s == i) & (np.abs(luma - pk.argmax()) <= 15)
                px = pixels[sel]; flat, scale = G["flat"], G["scale"]
                sides = EP._brightest_sides(flat, scale, width, px, True)
                chroma = flat[px, :3] @ _Y[1:].T * scale
                ends = np.broadcast_to(G["line"].vertices[0] @ _Y[1:].T, sides.shape)
                gain = _seg(chroma, sides, ends) - _seg(chroma, sides, np.zeros_like(sides))
                apart = _seg(np.zeros_like(sides), sides, ends) >= 20
                out.append((int(c[i]), round(float(sp[i]), 1), round(pk.max() / c[i], 2), int(pk.argmax()), "+".join(crit), "gain med", round(float(np.median(gain)), 1), "apart-med", round(float(np.median(gain[apart])), 1) if apart.any() else None, "share<3", round(float(np.mean(gain < 3)), 2)))
        print("  strung", r, out)
    return r
AL.strung = strung
for case in sys.argv[1:]:
    m, q, src = case.split(":"); q = int(q)
    t, p, touch, cover = case_picture(m, q, src)
    print(case, "end luma", round(float(np.array(mpl.colormaps[m](0.0, bytes=True)[:3]) @ [0.299, 0.587, 0.114]), 1)); tp.decolorize(p, cmap=m, vmin=0, vmax=1)
