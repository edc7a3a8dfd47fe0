"""Lag-1 correlation of the residual (pixel - nearest table colour) across neighbouring pixels."""
import sys, os, io, numpy as np, imagecodecs, cv2
from PIL import Image
from scipy.spatial import cKDTree
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c
N = 192
F = {k: c.crop(v, N) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
F.update({k: v for k, v in c.smooth_fields(N).items() if k != "waves"})
def webp(rgb, q):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "WEBP", quality=q)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
def jpg(rgb, q):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=q)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
CONDS = {
 "jxl1": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=1.0)),
 "jxl4": lambda rgb: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=4.0)),
 "webp75": lambda rgb: webp(rgb, 75), "jpg75": lambda rgb: jpg(rgb, 75),
 "lin0.5": lambda rgb: cv2.resize(rgb, None, fx=.5, fy=.5, interpolation=cv2.INTER_LINEAR),
 "cub2": lambda rgb: cv2.resize(rgb, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC),
 "noise2": lambda rgb: np.clip(rgb + np.random.default_rng(1).normal(0, 2, rgb.shape), 0, 255).round().astype(np.uint8),
 "noise2cub2": lambda rgb: cv2.resize(np.clip(rgb + np.random.default_rng(1).normal(0, 2, rgb.shape), 0, 255).round().astype(np.uint8), None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC),
}
import matplotlib as mpl
for cn in sys.argv[1].split(","):
    out = []
    for m in ["viridis", "jet", "turbo", "coolwarm", "magma"]:
        lut = mpl.colormaps[m](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
        tree = cKDTree(lut)
        for fn, f in F.items():
            x = CONDS[cn](c.render(f, m)).astype(float)
            d, i = tree.query(x.reshape(-1, 3))
            r = (x.reshape(-1, 3) - lut[i]).reshape(x.shape)
            ok = (d < 40).reshape(x.shape[:2])
            a, b = r[:, :-1], r[:, 1:]; k = ok[:, :-1] & ok[:, 1:]
            a, b = a[k], b[k]
            a = a - a.mean(0); b = b - b.mean(0)
            corr = (a * b).sum() / np.sqrt((a * a).sum() * (b * b).sum())
            out.append(f"{m[:3]}/{fn[:4]} {corr:5.2f}")
    print(f"{cn:10}", " ".join(out), flush=True)
