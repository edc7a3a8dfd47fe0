"""cv2.applyColorMap (jet, turbo, viridis) of 8-bit fields, cv2.imencode JPEG q75/q95, decoded with
opencv:<map>, vmin=0, vmax=255: the share of unfiltered positions within 0.2 of an entry, and MAE (of 255)
of the default call, of its values rounded to entries, and of the unfiltered positions rounded."""
import pathlib, sys, numpy as np, cv2, warnings
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "decolorize_trial" / "trial48"))
from _p3 import c
import truepix as tp
warnings.simplefilter("ignore")
fields = dict(c.smooth_fields(512)); rf = c.real_fields(512)
for k in ("camera", "dem_jacksboro"): fields[k] = c.crop(rf[k], 512)
codes = {"jet": cv2.COLORMAP_JET, "turbo": cv2.COLORMAP_TURBO, "viridis": cv2.COLORMAP_VIRIDIS}
for m, code in codes.items():
    for fn, g in fields.items():
        u = np.clip(np.round(g * 255), 0, 255).astype(np.uint8)
        for q in (75, 95):
            ok, buf = cv2.imencode(".jpg", cv2.applyColorMap(u, code), [cv2.IMWRITE_JPEG_QUALITY, q])
            rgb = cv2.cvtColor(cv2.imdecode(buf, 1), cv2.COLOR_BGR2RGB)
            v = tp.decolorize(rgb, cmap=f"opencv:{m}", vmin=0, vmax=255)
            raw = tp.Decolorizer(f"opencv:{m}", vmin=0, vmax=255, denoise=False).decode(rgb).values
            f = raw[np.isfinite(raw)]; share = np.mean(np.abs(f - np.round(f)) <= 0.2)
            e0 = np.nanmean(np.abs(v - u)); e1 = np.nanmean(np.abs(np.round(v) - u)); e2 = np.nanmean(np.abs(np.round(raw) - u))
            print(f"{m:8}{fn:14}q{q}: share {share:.3f}  MAE default {e0:.3f} round(default) {e1:.3f} round(raw) {e2:.3f}", flush=True)
