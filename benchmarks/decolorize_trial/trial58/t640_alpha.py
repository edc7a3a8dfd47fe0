"""trial 57's failure 9c again: trial 54's t162 part (c) as it is (imshow(alpha=0.8) decoded by name without alpha=:
9 maps x PNG / q75 / q90, holes, MAE, warned?), the code copied from ../trial54/t162_followups.py's main()."""
import sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial54"))
import t162_followups as T  # noqa: E402  (its main() not run)
from t162_followups import *  # noqa: F401,F403,E402
import numpy as np, matplotlib.pyplot as plt, truepix as tp  # noqa: E402
header("t640: t162 (c) alpha=0.8 by name without alpha=")
h = fbm(200, seed=2)
for m in ("RdBu_r", "coolwarm", "seismic", "bwr", "PiYG", "Spectral", "RdYlBu", "viridis", "plasma"):
    fg, ax = plt.subplots(); im = ax.imshow(h, cmap=m, vmin=0, vmax=1, alpha=0.8); fg.colorbar(im)
    ps = {t: pil_rgb(fig_bytes(fg, "png" if t == "png" else "jpeg", dpi=100, **k)) for t, k in T.Q}
    im.set_alpha(None); truth, _ = redraw_truth(fg, [im], [])
    for t, pic in ps.items():
        sl = plot_slice(fg, ax, pic.shape)
        v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
        mt, pt, ht = mscore(v[sl], truth[sl]); ok = np.isfinite(v[sl]) & np.isfinite(truth[sl])
        mae_ok = np.abs(v[sl][ok] - truth[sl][ok]).mean()
        print(f"(c) alpha=0.8 {m:9} {t:4} by name, no alpha=: holes {100*ht:6.2f} %, MAE {100*mt:5.2f} % (on the decoded pixels "
              f"{100*mae_ok:5.2f} %) | warned: {'yes' if ws else 'NO'} | {wshort(ws, 150)}", flush=True)
    plt.close(fg)
