"""annot10: the lines' core flagged after each stage (the masks the instrumented tree saved as
/tmp/a10_*.npy: before the fills, after the rim, _bled, _rimmed, fill_blends). argv: lw gap q."""
import sys, warnings
import numpy as np
from probe import masks
import truepix as tp
lw, gap, q = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
j1, core = masks(gap, lw, q)[3::3]
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    v = tp.decolorize(j1, cmap="jet", vmin=0, vmax=1)
for t in ("0pre", "1rim", "2bled", "3rimmed", "4blends"):
    m = np.load(f"/tmp/a10_{t}.npy")
    print(t, f"core flagged {100*m[core].mean():.1f} %")
print("final", f"{100*np.isnan(v[core]).mean():.1f}")
