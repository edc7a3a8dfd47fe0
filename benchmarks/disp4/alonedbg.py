import sys, numpy as np
sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import *
import truepix as tp
from truepix.color._decolorize import _jpeg as J, _alone as AL
m, q = sys.argv[1], int(sys.argv[2]); src = sys.argv[3] if len(sys.argv) > 3 else "disp"
from test_decolorize_disparity import _cells
t = disparity() if src == "disp" else _cells(256, int(src[5:])) if src.startswith("cells") else pieces(256, int(src))
p = jpeg(t, m, q)
orig = AL.alone
def alone(groups, n_groups, candidates, foreign, luma, width, height, **options):
    r = orig(groups, n_groups, candidates, foreign, luma, width, height, **options)
    cyclic, ring, inks = (options.get(name) for name in ("cyclic", "ring", "inks"))
    lab = groups > 0
    print("alone: cores px", lab.sum(), "n_groups", n_groups, "dropped", r.sum(), "foreign in cores", (lab & foreign).sum())
    strength = np.bincount(groups[lab & foreign], minlength=n_groups + 1)
    print("  cores with >=8 foreign", (strength >= 8).sum(), "foreign px in them", strength[strength>=8].sum())
    inside = lab if ring is None else lab & ~ring
    px, lu = candidates[inside], luma[inside]
    s = AL._structures(px, width, height)
    cnt, spr = AL.luma_spread(s, lu)
    ink = None if inks is None else inks[inside]
    big = np.argsort(cnt)[::-1][:6]
    oi = AL._one_ink(s, lu, ink, len(cnt)) if ink is not None else None
    for b in big:
        sel = s == b
        levels = np.clip(np.round(lu[sel]), 0, 255).astype(int); h = np.bincount(levels, minlength=256)
        pk = np.convolve(h, np.ones(31), "same")
        print(f"  structure {b}: {int(cnt[b])} px spread {spr[b]:.1f} peak share {pk.max()/cnt[b]:.2f} at {pk.argmax()} inks {0 if ink is None else ink[sel].sum()} one_ink {None if oi is None else oi[b]}")
    print("  strung:", AL.strung(px, lu, width, height, ink))
    bl = AL._blobs(groups[lab], candidates[lab], luma[lab], width, n_groups)
    print("  blobs", bl.sum())
    return r
J.alone = alone
v = tp.decolorize(p, cmap=m, vmin=0, vmax=1)
print(f"holes {100*np.isnan(v).mean():.3f}%")
