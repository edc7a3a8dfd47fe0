"""cv2.applyColorMap(u8, COLORMAP_JET) -> RGB, decoded with cmap='jet' (what a user who knows 'jet' types) vs
'opencv:jet': NaN share, error of answered pixels (DN of 255), warnings; identify_colormap's top 3."""
import warnings
import numpy as np, cv2
from common import fields
import truepix as tp
for name, lo, hi in (("camera", 0, 100), ("terrain", 200, 4000), ("smooth", -12, 21)):
    f = fields(256)[name]
    u = np.clip(np.round((f - lo) / (hi - lo) * 255), 0, 255).astype(np.uint8)
    for cvn in ("JET", "HSV", "RAINBOW", "HOT"):
        rgb = cv2.cvtColor(cv2.applyColorMap(u, getattr(cv2, "COLORMAP_" + cvn)), cv2.COLOR_BGR2RGB)
        for cm in (cvn.lower(), "opencv:" + cvn.lower()):
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always"); v = tp.decolorize(rgb, cmap=cm, vmin=0, vmax=255)
            e = np.abs(v - u); ok = ~np.isnan(v)
            print(f"{name:7s} {cvn:7s} cmap={cm:16s} nan={100*(~ok).mean():5.2f}% answered mean {e[ok].mean():5.2f} DN, "
                  f"p99 {np.percentile(e[ok], 99):5.1f}, max {e[ok].max():5.1f} DN  W: {str(w[0].message)[:140] if w else 'none'}")
        print("   identify:", ", ".join(f"{m.name}({m.score:.2f})" for m in tp.identify_colormap(rgb, top=3)), flush=True)
