"""Follow-up of t201 (c): the bad-colour region's core (2 px inside) that came back valued -- is it the flat bad colour
itself, and what value does it get? viridis.with_extremes(under="white", over="magenta", bad="0.5"), PNG, by object."""
import sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial54"))
from _p8 import header, fig_bytes, pil_rgb, plot_slice, fbm
import numpy as np
from scipy.ndimage import minimum_filter
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, matplotlib as mpl
import truepix as tp

header("t202 bad colour's core valued?")
f = fbm(256, seed=55); fm = np.ma.masked_where(f > 0.9, f)
for bad in ("0.5", "gray", "0.8"):
    cmo = mpl.colormaps["viridis"].with_extremes(under="white", over="magenta", bad=bad)
    g3 = mpl.colormaps["gray"].with_extremes(under=(1, 0, 0), over=(0, 1, 0), bad=(1, 0, 1))
    pics = {}
    for key, cm in (("pic", cmo), ("reg", g3)):
        fg, ax = plt.subplots(); im = ax.imshow(fm, cmap=cm, vmin=0.2, vmax=0.75); fg.colorbar(im, extend="both")
        pics[key] = pil_rgb(fig_bytes(fg, "png", dpi=100)); sl = plot_slice(fg, ax, pics[key].shape); plt.close(fg)
    r = pics["reg"][sl].astype(int)
    badm = (r[..., 0] > 200) & (r[..., 2] > 200) & (r[..., 1] < 50)
    core = minimum_filter(badm.astype(np.uint8), 5).astype(bool)
    p = pics["pic"][sl]
    for route, cm in (("object", cmo), ("name", "viridis")):
        res = tp.Decolorizer(cm, vmin=0.2, vmax=0.75).decode(pics["pic"])
        v = res.values[sl]; val = core & np.isfinite(v)
        cols, cnt = np.unique(p[val].reshape(-1, 3), axis=0, return_counts=True)
        top = sorted(zip(cnt, map(tuple, cols)), reverse=True)[:4]
        print(f"bad={bad} {route}: core {int(core.sum())} px, valued {int(val.sum())} ({100*val.sum()/max(core.sum(),1):.1f} %); "
              f"their colours (count, RGB) {top}; values {np.round(np.nanpercentile(v[val], [0, 50, 100]), 3) if val.any() else '-'}; "
              f"flat bad colour in the core {100*np.mean(np.all(p[core] == p[core][0], axis=-1)):.1f} %", flush=True)
