import sys, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import *
from test_decolorize_disparity import _cells
import truepix as tp
from truepix.color._decolorize import _alone as AL
o = AL.strung
def strung(pixels, luma, width, height, inks=None, *rest):
    r = o(pixels, luma, width, height, inks, *rest)
    if len(pixels):
        s = AL._structures(pixels, width, height); c, sp = AL.luma_spread(s, luma)
        crit = {"60/15": (c >= 60) & (sp <= 15), "30/10": (c >= 30) & (sp <= 10), "200/30": (c >= 200) & (sp <= 30), "1000/75": (c >= 1000) & (sp <= 75)}
        if inks is not None: crit["1000/75+one_ink"] = crit["1000/75"] & AL._one_ink(s, luma, inks, len(c))
        print("strung", r, {k: [(int(c[i]), round(float(sp[i]), 1)) for i in np.flatnonzero(v)] for k, v in crit.items() if v.any()})
    return r
AL.strung = strung
for case in sys.argv[1:]:
    m, q, src = case.split(":"); t = _cells(256, int(src[5:])); p = jpeg(t, m, int(q))
    print(case); tp.decolorize(p, cmap=m, vmin=0, vmax=1)
