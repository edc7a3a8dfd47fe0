"""Repro: cv2.applyColorMap picture, JPEG'd (OpenCV or Pillow), decoded with cmap='opencv:...'."""
import io, numpy as np, cv2, warnings
from PIL import Image
from skimage import data
from scipy.spatial import cKDTree
import truepix as tp
u = cv2.resize(data.camera(), (128, 128), interpolation=cv2.INTER_AREA)
for name in ["JET", "VIRIDIS", "TURBO", "PARULA"]:
    bgr = cv2.applyColorMap(u, getattr(cv2, "COLORMAP_" + name))
    rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
    lut = cv2.cvtColor(cv2.applyColorMap(np.arange(256, dtype=np.uint8)[None], getattr(cv2, "COLORMAP_" + name)), cv2.COLOR_BGR2RGB)[0]
    cat = tp.colorize(np.arange(256.0), cmap="opencv:" + name.lower(), vmin=0, vmax=255)[..., :3]
    print(name, "catalog table vs cv2 LUT max DN diff:", np.abs(cat.astype(int) - lut.astype(int)).max(),
          "catalog first/last:", cat[0], cat[-1], "cv2:", lut[0], lut[-1])
    ok, enc = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, 95])
    cvj = cv2.cvtColor(cv2.imdecode(enc, 1), cv2.COLOR_BGR2RGB)
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=95); pj = np.asarray(Image.open(b))
    for tag, p in [("png", rgb), ("cv2 q95", cvj), ("PIL q95", pj)]:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            v = tp.decolorize(p, cmap="opencv:" + name.lower(), vmin=0, vmax=255)
        _, k = cKDTree(lut.astype(float)).query(p.reshape(-1, 3).astype(float))
        print(f"   {tag:8s} NaN {100*np.isnan(v).mean():5.1f}%  mean|err| {np.nanmean(np.abs(v-u)):6.2f} DN;  nearest-LUT baseline mean|err| {np.abs(k.reshape(u.shape)-u).mean():6.2f} DN  warns={len(w)}")
