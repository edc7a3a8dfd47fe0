"""cv2.applyColorMap(camera, COLORMAP_JET/TURBO) -> cv2 JPEG q90 -> RGB, decoded with 'opencv:jet' (vmin 0, vmax 255):
how many pixels come back far (> 10 % of the range) from their value, vs the nearest table color."""
import numpy as np, cv2
from scipy.spatial import cKDTree
from common import fields
import truepix as tp
f = fields(256)["camera"]
u = np.clip(np.round(f / 100 * 255), 0, 255).astype(np.uint8)
for cvn in ("JET", "TURBO", "VIRIDIS"):
    bgr = cv2.applyColorMap(u, getattr(cv2, "COLORMAP_" + cvn))
    tab = cv2.applyColorMap(np.arange(256, dtype=np.uint8)[:, None], getattr(cv2, "COLORMAP_" + cvn))[:, 0, ::-1].astype(float)
    for q in (95, 90, 75):
        ok, enc = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, q])
        rgb = cv2.cvtColor(cv2.imdecode(enc, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
        r = tp.Decolorizer("opencv:" + cvn.lower(), vmin=0, vmax=255).decode(rgb)
        e = np.abs(r.values - u); kd = cKDTree(tab).query(rgb.reshape(-1, 3).astype(float))[1].reshape(u.shape); ek = np.abs(kd - u.astype(float))
        far = e > 25.5; i = np.argwhere(far)[:3]
        print(f"{cvn:7s} q{q}: jpeg={bool(r.jpeg)} nan={np.isnan(r.values).mean()*100:.2f}% >10%off: truepix {far.sum()} px ({far.mean()*100:.3f}%), "
              f"kd {(ek>25.5).sum()} px; max {np.nanmax(e):.0f} vs kd {ek.max():.0f} DN; mean {np.nanmean(e)/2.55:.3f}% vs kd {ek.mean()/2.55:.3f}%; "
              f"e.g. at {i.tolist()} true {[int(u[a,b]) for a,b in i]} got {[round(float(r.values[a,b]),1) for a,b in i]} kd {[int(kd[a,b]) for a,b in i]}")
