import time, numpy as np, sys
sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "..", "decolorize_trial", "trial45"))
import _common as c
import truepix as tp
from truepix.color._decolorize import _jpeg, _gray_curves
orig = _gray_curves.gray_curves
T = [0.0, 0, 0]
def wrap(flat, scale, width, residual, off_map, colors):
    t = time.process_time(); T[1] += 1; T[2] += int(off_map.any())
    orig(flat, scale, width, residual, off_map, colors); T[0] += time.process_time() - t
_jpeg.gray_curves = wrap
fields = c.real_fields(512)
for m in ("viridis", "jet"):
    for fn in ("camera", "dem_jacksboro", "grace_hopper", "brick"):
        im = c.jpeg(c.render(fields[fn], m), 75)
        d = tp.Decolorizer(m, vmin=0, vmax=1); d.values(im)
        T[:] = [0.0, 0, 0]; t = time.process_time()
        for _ in range(3): d.values(im)
        print(m, fn, f"total {(time.process_time() - t) / 3 * 1000:.1f} ms  gray_curves {T[0] / 3 * 1000:.2f} ms  calls {T[1]} flagged-before {T[2]}")
