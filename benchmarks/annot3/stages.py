"""Which stage of _jpeg.jpeg_off_map flags a t02 case's ink: the ink share flagged after each stage
(and the clean pixels' share). ``python stages.py map/field/ink ...``."""
import sys
import numpy as np
from scipy.ndimage import binary_dilation
import truepix as tp
from truepix.color._decolorize import _jpeg, _ringed

have = dict(np.load("/tmp/annot3/pics.npz"))
STAGES = ["straight_strokes", "_follow_strokes", "strokes_unbled", "inked_strokes",
          "jump_strokes", "gray_ink_strokes", "end_ink_strokes", "dip_lines", "ink_blends",
          "fringes"]
state = {}


def wrap(name):
    fn = getattr(_jpeg, name)

    def inner(*a, **k):
        off = next(x for x in a if isinstance(x, np.ndarray) and x.dtype == bool and x.ndim == 1
                   and len(x) == state["n"])
        if "first" not in state:
            state["first"] = True
            state["log"].append(("cores", off.copy()))
        r = fn(*a, **k)
        state["log"].append((name, off.copy()))
        return r
    setattr(_jpeg, name, inner)


for s in STAGES:
    wrap(s)
orig = _ringed.jpeg_off_map


def jom(flat, scale, width, position, residual, plan, line):
    state["n"] = len(position)
    state["residual"] = residual.copy()
    return orig(flat, scale, width, position, residual, plan, line)


_ringed.jpeg_off_map = jom
for key in sys.argv[1:]:
    m = key.split("/")[0]
    d = have[key + "/d"].ravel(); im = have[key + "/jpg"]
    ink = d > 10; clean = ~binary_dilation(have[key + "/d"] > 0, iterations=3).ravel()
    state.clear(); state["log"] = []
    v = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
    print(key, "final", f"{100 * np.isnan(v).ravel()[ink].mean():.1f}")
    for name, off in state["log"]:
        print(f"   {name:18} ink {100 * off[ink].mean():5.1f}  clean {100 * off[clean].mean():.3f}")
    if "residual" in state:
        r = state["residual"]
        print("   residual ink pct 10/50/90:", np.percentile(r[ink], [10, 50, 90]).round(1),
              " clean p99/p99.9:", np.percentile(r[clean], [99, 99.9]).round(1))
