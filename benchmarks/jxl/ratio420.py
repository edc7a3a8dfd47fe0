"""4:2:0 model / map chroma error ratio (``_plan``'s chroma_errors) on JPEG 4:2:0 vs JPEG XL."""
import sys, os, io, numpy as np, imagecodecs
from PIL import Image
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c
import truepix as tp
from truepix.color._decolorize import _plan as P
from truepix.color._decolorize._inputs import as_pixels, planned
REC = {}
f0 = P.chroma_errors
def ce(*a, **k):
    r = f0(*a, **k); REC.setdefault("r", r[1] / max(r[0], 1e-9)); return r
P.chroma_errors = ce
F = {k: c.crop(v, 192) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper", "brick")}
def pil(rgb, **kw):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", **kw)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
C = {"jxl2": lambda r: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(r, distance=2.0)),
     "jxl4": lambda r: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(r, distance=4.0)),
     "j420q95": lambda r: pil(r, quality=95), "j420q75": lambda r: pil(r, quality=75), "j420q50": lambda r: pil(r, quality=50)}
for cn, f in C.items():
    out = []
    for m in ["viridis", "jet", "turbo", "coolwarm", "magma"]:
        for fn, fld in F.items():
            x = f(c.render(fld, m)); REC.clear()
            dec = tp.Decolorizer(m, vmin=0, vmax=1)
            px, kind, scale = as_pixels(x)
            _, kind, scale, plan = planned(dec, px, kind, scale)
            r = REC.get("r", -1)
            out.append(f"{r:4.2f}{'J' if plan.jpeg else ''}{'S' if plan.subsampled else ''}")
    print(f"{cn:8}", " ".join(out), flush=True)
