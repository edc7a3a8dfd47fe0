"""jpeg_lattice scores (and CPU time) on JPEG XL, JPEG 4:4:4 / 4:2:0, WebP, AVIF, noise, resampling."""
import sys, os, io, time, numpy as np, imagecodecs, cv2
from PIL import Image
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c
from truepix.color._decolorize._lossy import jpeg_lattice
N = 192
F = {k: c.crop(v, N) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
F.update({k: v for k, v in c.smooth_fields(N).items() if k != "waves"})
def pil(rgb, fmt, **kw):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, fmt, **kw)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
CONDS = {
 "jxl1": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=1.0)),
 "jxl4": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=4.0)),
 "j444q95": lambda rgb: pil(rgb, "JPEG", quality=95, subsampling=0),
 "j444q90": lambda rgb: pil(rgb, "JPEG", quality=90, subsampling=0),
 "j444q50": lambda rgb: pil(rgb, "JPEG", quality=50, subsampling=0),
 "j420q75": lambda rgb: pil(rgb, "JPEG", quality=75),
 "cv444q90": lambda rgb: cv2.imdecode(cv2.imencode(".jpg", rgb, [cv2.IMWRITE_JPEG_QUALITY, 90, cv2.IMWRITE_JPEG_SAMPLING_FACTOR, cv2.IMWRITE_JPEG_SAMPLING_FACTOR_444])[1], 1),
 "j444q75crop": lambda rgb: pil(rgb, "JPEG", quality=75, subsampling=0)[3:, 5:],
 "webp75": lambda rgb: pil(rgb, "WEBP", quality=75),
 "avif75": lambda rgb: pil(rgb, "AVIF", quality=75),
 "noise2": lambda rgb: np.clip(rgb + np.random.default_rng(1).normal(0, 2, rgb.shape), 0, 255).round().astype(np.uint8),
 "cub2": lambda rgb: cv2.resize(rgb, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC),
}
for cn in sys.argv[1].split(","):
    out, t = [], 0.0
    for m in ["viridis", "jet", "turbo", "coolwarm", "magma"]:
        for fn, f in F.items():
            x = np.ascontiguousarray(CONDS[cn](c.render(f, m)))
            t0 = time.process_time(); s = jpeg_lattice(x, 1.0); t += time.process_time() - t0
            out.append(f"{s:4.2f}")
    print(f"{cn:12} {1000*t/len(out):5.1f}ms", " ".join(out), flush=True)
