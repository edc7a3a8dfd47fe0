import numpy as np, cv2, warnings, io
from PIL import Image
from scipy.spatial import cKDTree
import truepix as tp
from common import fields
warnings.simplefilter("ignore")
F = fields(128)
u = np.round(F["camera"] * 2.55).astype(np.uint8)
u2 = cv2.resize(__import__("skimage").data.camera(), (128, 128), interpolation=cv2.INTER_AREA)
print("u contiguous", u.flags.c_contiguous, u.dtype, u.shape, "u2", u2.flags.c_contiguous)
for tag, uu in [("fields u", u), ("fields u copy", np.ascontiguousarray(u)), ("cv2 u2", u2)]:
    bgr = cv2.applyColorMap(uu, cv2.COLORMAP_VIRIDIS)
    rgb = bgr[..., ::-1].copy()
    lut = cv2.applyColorMap(np.arange(256, dtype=np.uint8)[None], cv2.COLORMAP_VIRIDIS)[0, :, ::-1]
    print(tag, "LUT ok:", np.array_equal(rgb, lut[uu]))
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=95); pj = np.asarray(Image.open(b))
    d, k = cKDTree(lut.astype(float)).query(pj.reshape(-1, 3).astype(float))
    r = tp.Decolorizer("opencv:viridis", vmin=0, vmax=255).decode(pj)
    print(f"   PIL q95: dist to LUT p50 {np.median(d):.2f} p99 {np.percentile(d,99):.2f}; truepix NaN {100*np.isnan(r.values).mean():.1f}% noise {r.noise:.2f} thr {r.threshold} jpeg {r.jpeg}")
    r = tp.Decolorizer("opencv:viridis", vmin=0, vmax=255).decode(rgb)
    print(f"   PNG: NaN {100*np.isnan(r.values).mean():.1f}%")
    print("   local roughness of u: mean |dx|", np.abs(np.diff(uu.astype(int), axis=1)).mean())
