import sys, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import *
from test_decolorize_disparity import _cells
import truepix as tp
from truepix.color._decolorize import _jpeg as J, _alone as AL
m, q, src = sys.argv[1], int(sys.argv[2]), sys.argv[3]
t = disparity() if src == "disp" else _cells(256, int(src[5:])); p = jpeg(t, m, q)
ob = AL._blobs
def blobs(label, pixels, luma, width, n_groups):
    r = ob(label, pixels, luma, width, n_groups)
    for g in np.flatnonzero(r):
        px = pixels[label == g]; y, x = px // width, px % width; lu = luma[label == g]
        print(f"blob {g}: {len(px)} px y{y.min()}-{y.max()} x{x.min()}-{x.max()} luma mean {lu.mean():.1f} sd {lu.std():.1f}; rgb median {np.median(p[y, x], axis=0)}; truth {np.round(np.percentile(t[y, x], [0, 50, 100]), 2)}")
    return r
AL._blobs = blobs
v = tp.decolorize(p, cmap=m, vmin=0, vmax=1); print(f"holes {100*np.isnan(v).mean():.3f}")
