"""Repro: the same default call on a JPEG gives ~97% NaN when an exact PNG of the same map and limits
was decoded first in the process (decolorize's kept decoders), ~0% in a fresh order."""
import numpy as np, cv2, warnings, sys
from skimage import data
import truepix as tp
warnings.simplefilter("ignore")
u = cv2.resize(data.camera(), (128, 128), interpolation=cv2.INTER_AREA)
cm = sys.argv[1] if len(sys.argv) > 1 else "opencv:jet"
rgb = tp.colorize(u.astype(float), cmap=cm, vmin=0, vmax=255)[..., :3]
ok, enc = cv2.imencode(".jpg", rgb[..., ::-1].copy(), [cv2.IMWRITE_JPEG_QUALITY, 95])
jpg = cv2.imdecode(enc, 1)[..., ::-1].copy()
f = lambda p: round(100 * np.isnan(tp.decolorize(p, cmap=cm, vmin=0, vmax=255)).mean(), 2)
print(cm, "JPEG first:", f(jpg), "% NaN;  then PNG:", f(rgb), "; JPEG again:", f(jpg))
tp.decolorize.__globals__.get("_DECODERS", {}) if False else None
f2 = lambda p: round(100 * np.isnan(tp.Decolorizer(cm, vmin=0, vmax=255).values(p)).mean(), 2)
print("   fresh Decolorizer each time: PNG", f2(rgb), " JPEG", f2(jpg))
d = tp.Decolorizer(cm, vmin=0, vmax=255)
print("   one kept Decolorizer: PNG", round(100*np.isnan(d.values(rgb)).mean(),2), " then JPEG", round(100*np.isnan(d.values(jpg)).mean(),2))
