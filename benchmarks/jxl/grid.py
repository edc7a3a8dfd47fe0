"""dct_grid / luma_grid / residual neighbour correlation on JXL vs JPEG 4:4:4 / 4:2:0 vs WebP."""
import sys, os, io, numpy as np, imagecodecs
from PIL import Image
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c
from truepix.color._decolorize._grid import dct_grid, luma_grid
N = 192
F = {k: c.crop(v, N) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
F.update({k: v for k, v in c.smooth_fields(N).items() if k != "waves"})
def pil(rgb, fmt, **kw):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, fmt, **kw)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
CONDS = {
 "jxl1": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=1.0)),
 "jxl2": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=2.0)),
 "jxl4": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=4.0)),
 "j444q90": lambda rgb: pil(rgb, "JPEG", quality=90, subsampling=0),
 "j444q75": lambda rgb: pil(rgb, "JPEG", quality=75, subsampling=0),
 "j444q50": lambda rgb: pil(rgb, "JPEG", quality=50, subsampling=0),
 "j420q75": lambda rgb: pil(rgb, "JPEG", quality=75),
 "webp75": lambda rgb: pil(rgb, "WEBP", quality=75),
 "avif75": lambda rgb: pil(rgb, "AVIF", quality=75),
}
for cn in sys.argv[1].split(","):
    out = []
    for m in ["viridis", "jet", "turbo", "coolwarm", "magma"]:
        for fn, f in F.items():
            x = CONDS[cn](c.render(f, m))
            s, own = dct_grid(x)
            out.append(f"{s:4.2f}{'o' if own else 's'}")
    print(f"{cn:8}", " ".join(out), flush=True)
