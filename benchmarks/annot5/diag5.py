import sys, numpy as np
from scipy.ndimage import binary_dilation
import truepix as tp
from truepix.color._decolorize import _lines as L, _jpeg as J
pics = np.load("/tmp/annot3/pics.npz")
L.LINES_BESIDE = int(sys.argv[1])
orig = J.ink_lines
def w(*a):
    before = a[5].sum()
    r = orig(*a); print("  inks", np.round(r, 1), "marked", a[5].sum() - before); return r
J.ink_lines = w
for key in sys.argv[2:]:
    m, fn, ink = key.split("/")
    v = tp.decolorize(pics[f"{key}/jpg"], cmap=m, vmin=0, vmax=1)
    d = pics[f"{key}/d"]; near = binary_dilation(d > 0, iterations=3)
    print(key, "flagged %.1f clean holes %.3f" % (100 * np.isnan(v)[d > 10].mean(), 100 * np.isnan(v)[~near].mean()), flush=True)
