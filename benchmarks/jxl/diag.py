import sys, os, numpy as np, imagecodecs, truepix as tp, warnings
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c
from truepix.color._decolorize import _plan as P
from truepix.color._decolorize._inputs import as_pixels, planned
N = 192
F = {k: c.crop(v, N) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
d = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
if len(sys.argv) > 2 and sys.argv[2] == "force":
    P.jpeg_grid = lambda *a, **k: True
    import truepix.color._decolorize._full_chroma as FC
    if len(sys.argv) > 3:
        import truepix.color._decolorize._jpeg as J
        J.speckled = lambda *a, **k: True; J.model_fits = lambda *a, **k: True
for m in ["viridis", "jet", "turbo", "coolwarm", "gray", "magma"]:
    base = c.Baseline(m)
    for fn, f in F.items():
        rgb = c.render(f, m)
        x = imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=d))
        dec = tp.Decolorizer(m, vmin=0, vmax=1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = dec.decode(x)
        px, kind, scale = as_pixels(x)
        _, kind, scale, plan = planned(dec, px, kind, scale)
        holes = np.isnan(r.values).mean()
        mt, pt, ht = c.score(r.values, f); mb, pb, hb = c.score(base(x), f)
        res = r.residual[np.isnan(r.values)]
        print(f"{m:9}{fn:14} holes {100*holes:6.2f}% ratio {mt/mb:5.2f} noise {plan.noise:5.2f} thr {plan.threshold:5.1f} jpeg {plan.jpeg} unmix {plan.unmix} den {plan.denoise} post {plan.posterior is not None} nanres50 {np.median(res) if len(res) else 0:6.1f}")
