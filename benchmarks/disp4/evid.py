import sys, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import *
import truepix as tp
from truepix.color._decolorize import _jpeg as J, _alone as AL
m, q = sys.argv[1], int(sys.argv[2]); src = sys.argv[3] if len(sys.argv) > 3 else "disp"
t = disparity() if src == "disp" else pieces(256, int(src))
p = jpeg(t, m, q); H, W = t.shape
st = {}
o_end = J.end_undershoots
def eu(flat, scale, width, pix, lum, line):
    r = o_end(flat, scale, width, pix, lum, line); st["beyond_pix"] = pix; st["beyond_own"] = r; return r
J.end_undershoots = eu
o_tex = J._textured
def tx(groups, n, luma, far, beyond):
    st["far"] = far.copy(); st["beyond"] = beyond.copy(); return o_tex(groups, n, luma, far, beyond)
J._textured = tx
orig = AL.alone
def alone(groups, n_groups, candidates, foreign, luma, width, height, **k):
    r = orig(groups, n_groups, candidates, foreign, luma, width, height, **k)
    lab = groups > 0
    strength = np.bincount(groups[lab & foreign], minlength=n_groups + 1)
    far, bey = st["far"], st["beyond"]
    for g in np.flatnonzero(strength >= 8):
        sel = groups == g; pix = candidates[sel]
        y, x = pix // width, pix % width
        print(f"core {g}: {sel.sum()} px, foreign {strength[g]} far {np.sum(far & sel)} beyond {np.sum(bey & sel)} y{y.min()}-{y.max()} x{x.min()}-{x.max()}")
        for i in np.flatnonzero(sel & foreign)[:12]:
            c = candidates[i]; yy, xx = c // width, c % width
            print(f"   ({yy},{xx}) rgb {p[yy,xx]} luma {luma[i]:.0f} far {far[i]} beyond {bey[i]} truth {t[yy,xx]:.2f} jet(truth) {(np.array(mpl.colormaps[m](t[yy,xx], bytes=True)[:3]))} block truth {t[yy//8*8:yy//8*8+8, xx//8*8:xx//8*8+8].min():.2f}-{t[yy//8*8:yy//8*8+8, xx//8*8:xx//8*8+8].max():.2f}")
    return r
J.alone = alone
v = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
print(f"holes {100*np.isnan(v).mean():.3f}%", "beyond judged", len(st.get("beyond_pix", [])), "own", np.sum(st.get("beyond_own", [])))
