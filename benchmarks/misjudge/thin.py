import os, sys
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np, cv2
sys.path.insert(0, os.path.join(ROOT, "tests/color")); sys.path.insert(0, os.path.join(ROOT, "benchmarks/decolorize_trial/trial45"))
import _common as c, truepix as tp
from _photographs import fbm
fields = {"dem": c.crop(c.real_fields()["dem_jacksboro"], 256), "fbm": fbm(256, 1), "camera": c.crop(c.real_fields()["camera"], 256)}
tot = []
for fname, f in fields.items():
    for k in ["hot", "jet", "autumn", "rainbow", "hsv", "turbo", "spring", "cool", "summer", "winter", "ocean", "pink"]:
        for strip in ["row", "col", "none"]:
            g = np.round(f * 255).astype(np.uint8)
            if strip == "row": g[0, :256] = np.arange(256)
            if strip == "col": g[:256, 0] = np.arange(256)
            bgr = cv2.applyColorMap(g, getattr(cv2, f"COLORMAP_{k.upper()}"))
            ok, buf = cv2.imencode(".jpg", bgr); jp = cv2.imdecode(buf, 1)[..., ::-1].copy()
            v = tp.decolorize(jp, cmap=f"opencv:{k}", vmin=0, vmax=255)
            holes = np.isnan(v).mean() * 100
            mae = (np.nansum(np.abs(v - g)) + 255 * np.isnan(v).sum()) / v.size
            tot.append((holes, mae))
            if holes > 0.05: print(f"{fname:7} {k:8} {strip:5} holes {holes:.2f}% mae {mae:.2f}")
t = np.array(tot); print("mean holes", t[:, 0].mean().round(4), "max", t[:, 0].max().round(3), "mean MAE", t[:, 1].mean().round(4))
