"""identify_colormap on extend pictures, few-level pictures and gouraud/WebP pictures (PNG / JPEG q85)."""
import numpy as np, time
from common import *
import truepix as tp
F = fields(256)["terrain"]
cases = {}
for name in ["jet", "viridis", "RdBu_r"]:
    cm = plt.get_cmap(name).with_extremes(over="magenta", under="cyan")
    cases[f"{name} extend mag/cya"] = cm(plt.Normalize(1000, 3500)(F), bytes=True)[..., :3]
    cases[f"{name} get_cmap(.,6)"] = plt.get_cmap(name, 6)(plt.Normalize(200, 4000)(F), bytes=True)[..., :3]
    cases[f"{name} webp q75"] = webp(plt.get_cmap(name)(plt.Normalize(200, 4000)(F), bytes=True)[..., :3], 75)
for k, pic in cases.items():
    for fmt, p in [("png", pic), ("jpg85", jpeg(pic, 85))]:
        t = time.perf_counter()
        try:
            m = tp.identify_colormap(p, top=3); s = ", ".join(f"{x.name}" + (f"({getattr(x, 'score', getattr(x, 'distance', '')):.3g})" if isinstance(getattr(x, 'score', getattr(x, 'distance', None)), float) else "") for x in m)
        except Exception as e: s = f"ERROR {type(e).__name__}: {str(e)[:150]}"
        print(f"{k:24s} {fmt:5s} -> {s}  [{time.perf_counter() - t:.2f}s]")
