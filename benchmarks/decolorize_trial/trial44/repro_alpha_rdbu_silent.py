"""imshow(camera, cmap='RdBu_r', alpha=a) over white (256^2 px, nearest, savefig PNG / JPEG q85), decoded with the
DEFAULT call (no alpha): share NaN, warnings, and the error of the values it does return (% of the range)."""
import io, warnings
import numpy as np
from PIL import Image
from common import fields, jpeg, plt
import truepix as tp
for name, lo, hi in (("camera", 0, 100), ("terrain", 200, 4000)):
    f = fields(256)[name]
    for cm in ("RdBu_r", "coolwarm", "PiYG"):
        for a in (0.95, 0.9, 0.8, 0.7):
            fig = plt.figure(figsize=(2.56, 2.56), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
            ax.imshow(f, cmap=cm, vmin=lo, vmax=hi, alpha=a, interpolation="nearest")
            b = io.BytesIO(); fig.savefig(b, format="png", dpi=100); plt.close(fig)
            p = np.asarray(Image.open(b).convert("RGB"))
            for tag, q in (("PNG", p), ("q85", jpeg(p, 85))):
                with warnings.catch_warnings(record=True) as w:
                    warnings.simplefilter("always"); v = tp.decolorize(q, cmap=cm, vmin=lo, vmax=hi)
                e = np.abs(v - f) / (hi - lo) * 100; ok = ~np.isnan(v)
                print(f"{name:7s} {cm:8s} alpha={a:4.2f} {tag}: nan={100*(~ok).mean():5.1f}%  answered: mean err {e[ok].mean():5.2f}% "
                      f"p99 {np.percentile(e[ok], 99):5.1f}% >5% off {100*(e[ok] > 5).mean():5.1f}%  "
                      f"W: {str(w[0].message)[:150] if w else 'none'}", flush=True)
