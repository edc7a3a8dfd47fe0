"""cv2.applyColorMap(camera) -> cv2 JPEG q95/q75 -> RGB, default decolorize vs nearest-LUT baseline (DN of 0..255)."""
import numpy as np, cv2, warnings
from skimage import data
from scipy.spatial import cKDTree
import truepix as tp
warnings.simplefilter("ignore")
u = data.camera()[::2, ::2].copy()
for name in ["JET", "VIRIDIS", "TURBO", "PARULA", "HOT", "INFERNO"]:
    bgr = cv2.applyColorMap(u, getattr(cv2, "COLORMAP_" + name))
    lut = cv2.applyColorMap(np.arange(256, dtype=np.uint8)[None], getattr(cv2, "COLORMAP_" + name))[0, :, ::-1].astype(float)
    for q in (95, 75):
        ok, enc = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, q]); rgb = cv2.imdecode(enc, 1)[..., ::-1].copy()
        v = tp.decolorize(rgb, cmap="opencv:" + name.lower(), vmin=0, vmax=255)
        _, k = cKDTree(lut).query(rgb.reshape(-1, 3).astype(float)); b = k.reshape(u.shape)
        e, eb = np.abs(v - u), np.abs(b - u.astype(float))
        print(f"{name:8s} q{q}: NaN {100*np.isnan(v).mean():.2f}%  mean {np.nanmean(e):.2f} / base {eb.mean():.2f} DN (ratio {np.nanmean(e)/eb.mean():.2f})  p99 {np.nanpercentile(e,99):.1f} / {np.percentile(eb,99):.1f}  max {np.nanmax(e):.0f} / {eb.max():.0f}")
