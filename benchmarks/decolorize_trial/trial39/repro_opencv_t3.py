"""t3's OpenCV section alone (field from common.fields(128))."""
import numpy as np, cv2, warnings, sys
import truepix as tp
from common import fields
warnings.simplefilter("ignore")
F = fields(128)
u = np.round(F["camera"] * 2.55).astype(np.uint8)
print("u range", u.min(), u.max(), "unique", len(np.unique(u)))
skip_png = "--skip-png" in sys.argv
for cvname, tpname in [("JET", "opencv:jet"), ("VIRIDIS", "opencv:viridis")]:
    bgr = cv2.applyColorMap(u, getattr(cv2, "COLORMAP_" + cvname))
    for ext, params in ([] if skip_png else [(".png", [])]) + [(".jpg", [cv2.IMWRITE_JPEG_QUALITY, 95])]:
        ok, enc = cv2.imencode(ext, bgr, params)
        rgb = cv2.cvtColor(cv2.imdecode(enc, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
        r = tp.Decolorizer(tpname, vmin=0, vmax=255).decode(rgb)
        v = tp.decolorize(rgb, cmap=tpname, vmin=0, vmax=255)
        print(tpname, ext, params, "NaN", round(100 * np.isnan(v).mean(), 2), "fresh decoder NaN", round(100*np.isnan(r.values).mean(),2), "noise", r.noise, "thr", r.threshold, "jpeg", r.jpeg)
