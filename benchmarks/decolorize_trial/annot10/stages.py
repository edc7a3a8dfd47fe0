import sys, warnings
import numpy as np
from probe import pics
import truepix as tp
lw, gap, q = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
p0, j0 = pics("jet", 0.03, 0.2, gap, lw, False, q)
p1, j1 = pics("jet", 0.03, 0.2, gap, lw, True, q)
white = (p0 >= 250).all(-1)
drawn = np.abs(p1.astype(int) - p0.astype(int)).max(-1)
core = (drawn > 0.5 * drawn.max()) & ~white
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    v = tp.decolorize(j1, cmap="jet", vmin=0, vmax=1)
for t in ("0pre", "1rim", "2bled", "3rimmed", "4blends"):
    m = np.load(f"/tmp/a10_{t}.npy")
    print(t, f"core flagged {100*m[core].mean():.1f} %")
print("final", f"{100*np.isnan(v[core]).mean():.1f}")
