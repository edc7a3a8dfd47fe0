"""Which of _jpeg's rules flag a JPEG-judged picture's pixels (counts after each step)."""
import sys, os, numpy as np, imagecodecs, truepix as tp, warnings
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c
from truepix.color._decolorize import _plan as P, _jpeg as J
P.jpeg_grid = lambda *a, **k: True
LOG = []
def wrap(name, idx):
    f = getattr(J, name)
    def g(*a, **k):
        r = f(*a, **k)
        om = a[idx] if idx is not None else r
        LOG.append((name, int(np.count_nonzero(om)) if om is not None and hasattr(om, "dtype") and om.dtype == bool else r))
        return r
    setattr(J, name, g)
for n, i in [("_follow_strokes", 6), ("strokes_unbled", 6), ("inked_strokes", 6), ("jump_strokes", 4),
             ("gray_ink_strokes", 4), ("end_ink_strokes", 4), ("ink_blends", 3), ("fringes", 3),
             ("mostly_off", None), ("speckled", None)]:
    wrap(n, i)
N = 192
F = {k: c.crop(v, N) for k, v in c.real_fields().items()}
for spec in sys.argv[1:]:
    m, fn, d = spec.split(":")
    x = imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(c.render(F[fn], m), distance=float(d)))
    LOG.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        v = tp.decolorize(x, cmap=m, vmin=0, vmax=1)
    print(spec, f"holes {100*np.isnan(v).mean():.2f}", LOG)
