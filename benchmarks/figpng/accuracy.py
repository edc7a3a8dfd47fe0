import sys, time; sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), "..", ".."))
import numpy as np
from tests.color.test_decolorize_figure_png import _figure, _FIGURES
from truepix import Decolorizer
for kind, cmap, dpi in _FIGURES:
    p, (y0, y1, x0, x1) = _figure(kind, cmap, dpi); g, _ = _figure(kind, "gray", dpi)
    truth = g[y0:y1, x0:x1, 0] / 255.0
    d = Decolorizer(cmap, vmin=0, vmax=1); r = d.decode(p)
    e = np.abs(r.values[y0:y1, x0:x1] - truth) * 100
    best = 9
    for _ in range(3):
        t = time.process_time(); d.values(p); best = min(best, time.process_time() - t)
    print(f"{kind}-{cmap}-{dpi:<4d} jpeg={bool(r.jpeg)!s:5s} plot mean={np.nanmean(e):.3f}% p99={np.nanpercentile(e, 99):.3f}% nan={np.isnan(e).mean()*100:.2f}% warm {best:.3f}s", flush=True)
