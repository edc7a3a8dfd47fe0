"""Diagnose JPEG XL cases: holes, ratio, plan fields."""
import sys, numpy as np, imagecodecs, dataclasses
sys.path.insert(0, "../decolorize_trial/trial46")
import _common as c
import truepix as tp
from truepix.color._decolorize import _inputs

N = 192
cases = [a.split(":") for a in (sys.argv[1:] or
         ["turbo:grace_hopper:4", "viridis:dem_jacksboro:4", "magma:dem_jacksboro:2", "jet:moon:2"])]
F = {k: c.crop(v, N) for k, v in c.real_fields().items()}
orig = _inputs.planned
plans = []
def spy(*a, **k):
    r = orig(*a, **k); plans.append(r[3]); return r
import truepix.color._decolorize._api as api
api.planned = spy
for m, fn, d in cases:
    f = F[fn]; rgb = c.render(f, m)
    im = imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=float(d)))
    plans.clear()
    est = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
    b = c.Baseline(m)(im)
    mt, pt, ht = c.score(est, f); mb, pb, hb = c.score(b, f)
    p = plans[-1] if plans else None
    pd = {k: v for k, v in dataclasses.asdict(p).items() if not isinstance(v, np.ndarray) and k not in ("posterior",)} if p else {}
    print(f"{m}/{fn}/d{d}: holes {100*ht:.3f}% ratio {mt/mb:.3f} ", {k: (round(v, 2) if isinstance(v, float) else v) for k, v in pd.items()})
