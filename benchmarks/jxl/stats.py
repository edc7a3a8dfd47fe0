"""Plan statistics (chroma_errors, block_score, jpeg_grid, full_chroma) per degraded picture."""
import sys, os, io, numpy as np, imagecodecs, truepix as tp, warnings, cv2
from PIL import Image
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c
from truepix.color._decolorize import _plan as P
from truepix.color._decolorize._inputs import as_pixels, planned
REC = {}
def wrap(name):
    f = getattr(P, name)
    def g(*a, **k):
        r = f(*a, **k); REC.setdefault(name, r); return r
    setattr(P, name, g)
for n in ("chroma_errors", "block_score", "jpeg_grid", "full_chroma_grid", "smooth_lossy"):
    wrap(n)
N = 192
F = {k: c.crop(v, N) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
F.update({k: v for k, v in c.smooth_fields(N).items() if k != "waves"})
def webp(rgb, q):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "WEBP", quality=q)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
CONDS = {
 "jxl1": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=1.0)),
 "jxl2": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=2.0)),
 "jxl4": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=4.0)),
 "webp75": lambda rgb: webp(rgb, 75),
 "lin0.5": lambda rgb: cv2.resize(rgb, None, fx=.5, fy=.5, interpolation=cv2.INTER_LINEAR),
 "cub2": lambda rgb: cv2.resize(rgb, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC),
 "noise3": lambda rgb: np.clip(rgb + np.random.default_rng(1).normal(0, 3, rgb.shape), 0, 255).round().astype(np.uint8),
 "noise2cub2": lambda rgb: cv2.resize(np.clip(rgb + np.random.default_rng(1).normal(0, 2, rgb.shape), 0, 255).round().astype(np.uint8), None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC),
 "q256": lambda rgb: c.quant256(rgb),
 "noise2": lambda rgb: np.clip(rgb + np.random.default_rng(1).normal(0, 2, rgb.shape), 0, 255).round().astype(np.uint8),
}
conds = sys.argv[1].split(",")
maps = sys.argv[2].split(",") if len(sys.argv) > 2 else ["viridis", "jet", "turbo", "coolwarm", "magma"]
for cn in conds:
    for m in maps:
        for fn, f in F.items():
            x = CONDS[cn](c.render(f, m))
            dec = tp.Decolorizer(m, vmin=0, vmax=1)
            REC.clear()
            px, kind, scale = as_pixels(x)
            _, kind, scale, plan = planned(dec, px, kind, scale)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                v = dec.values(x)
            em, emod = REC.get("chroma_errors", (0, 0)); b = REC.get("block_score", (0, 0, 0))
            print(f"{cn:7}{m:9}{fn:14} holes {100*np.isnan(v).mean():5.2f} noise {plan.noise:5.2f} "
                  f"model/map {emod/max(em,1e-9):5.2f} blocks {b[0]:5.2f} detail {b[1]:5.2f} luma {b[2]:5.2f} "
                  f"grid {REC.get('jpeg_grid')} jpeg {plan.jpeg} full {plan.full_chroma} unmix {plan.unmix} lossy {plan.lossy}", flush=True)
