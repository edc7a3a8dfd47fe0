"""Which stage of _jpeg.jpeg_off_map flags the pixels (off_map count after each)."""
import sys
sys.path.insert(0, "benchmarks/interp2")
import numpy as np
import measure
from truepix.color._decolorize import _jpeg, _edges
import truepix as tp

NAMES = ["_follow_strokes", "strokes_unbled", "inked_strokes", "jump_strokes",
         "gray_ink_strokes", "end_ink_strokes", "dip_lines", "ink_blends", "fringes"]


def wrap(name):
    f = getattr(_jpeg, name)
    def g(*a, **k):
        om = next(x for x in a if isinstance(x, np.ndarray) and x.dtype == bool and x.ndim == 1
                  and len(x) > 10000)
        before = om.sum()
        r = f(*a, **k)
        print(f"   {name}: {before} -> {om.sum()}")
        return r
    setattr(_jpeg, name, g)


for n in NAMES:
    wrap(n)
orig = _edges.resized_blends
def rb(*a, **k):
    b, r = orig(*a, **k)
    print("   resized", r, b.sum())
    return b, r
_jpeg.resized_blends = rb
m, interp, q = sys.argv[1], sys.argv[2], int(sys.argv[3])
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
noise = float(sys.argv[5]) if len(sys.argv) > 5 else 0.4
pic = measure.drawn(measure.array(seed, noise), m, interp, q)
v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
print("holes", np.isnan(v).sum(), np.isnan(v).mean())
