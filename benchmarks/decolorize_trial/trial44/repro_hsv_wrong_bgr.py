"""An RGB OpenCV COLORMAP_HSV picture of a smooth field decoded with cmap='hsv' warns 'looks like BGR: pass
picture[..., ::-1]'. Follow that advice and score; and with 'opencv:hsv' (what identify_colormap names)."""
import warnings
import numpy as np, cv2
from common import fields
import truepix as tp
f = fields(256)["smooth"]; lo, hi = -12, 21
u = np.clip(np.round((f - lo) / (hi - lo) * 255), 0, 255).astype(np.uint8)
rgb = cv2.cvtColor(cv2.applyColorMap(u, cv2.COLORMAP_HSV), cv2.COLOR_BGR2RGB)
for tag, pic, cm in (("as is, hsv", rgb, "hsv"), ("advice picture[..., ::-1], hsv", rgb[..., ::-1], "hsv"),
                     ("as is, opencv:hsv", rgb, "opencv:hsv")):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always"); v = tp.decolorize(pic, cmap=cm, vmin=0, vmax=255)
    e = np.abs(v - u); ok = ~np.isnan(v)
    print(f"{tag:34s} nan={100*(~ok).mean():6.2f}% answered: mean {e[ok].mean():6.2f} DN, median {np.median(e[ok]):6.2f}, "
          f">10 DN off {100*np.mean(e[ok] > 10):5.1f}%  W: {' | '.join(str(x.message) for x in w)[:330] or 'none'}")
