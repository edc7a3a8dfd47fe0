"""Follow-up of t400 D / t401 b: the BoundaryNorm(0..10, 256, extend="both") pcolormesh over jet, JPEG q75, by name:
18 % holes. Which bands are lost (holes by the truth's band), the band colours, what Decolorizer says (jpeg, noise,
over / under marks), and the same figure with the field shifted (other cells) and at q70 / q80."""
from _p9 import *  # noqa
from _p9 import pics, header, fbm, wshort, call
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, truepix as tp

header(__doc__.splitlines()[0])
lv = np.arange(11); bn = mpl.colors.BoundaryNorm(lv, 256, extend="both")
for seed in (6, 7):
    d = fbm(64, seed=seed)[:32, :48] * 14 - 2
    def make(cm, ink, face):
        fg, ax = plt.subplots()
        if face: ax.set_facecolor(face)
        pm = ax.pcolormesh(d, cmap=cm or "jet", norm=bn); fg.colorbar(pm, extend="both")
        return fg, ax, bn
    ps, truth, ink, sl, _ = pics(make, quals=(("png", None), ("q70", 70), ("q75", 75), ("q80", 80)))
    tr = truth[sl]
    for lab, pic in ps.items():
        v, err, ws = call(lambda: tp.decolorize(pic, cmap="jet", vmin=0.0, vmax=10.0))
        r = tp.Decolorizer("jet", vmin=0.0, vmax=10.0).decode(pic)
        v = np.asarray(v)[sl]; h = np.isnan(v) & np.isfinite(tr)
        print(f"seed {seed} {lab}: holes {100*h.sum()/np.isfinite(tr).sum():.2f} % | jpeg {bool(r.jpeg)} noise {float(r.noise):.2f} "
              f"thr {float(r.threshold):.1f} over {int(np.asarray(r.over)[sl].sum())} under {int(np.asarray(r.under)[sl].sum())} | {wshort(ws, 150)}", flush=True)
        for t in np.unique(tr[np.isfinite(tr)]):
            m = tr == t
            if h[m].mean() > 0.01:
                c = np.median(pic[sl][m], axis=0).astype(int); cj = (np.asarray(mpl.colormaps["jet"](t))[:3] * 255).round().astype(int)
                print(f"    band at position {t:.3f} (jet {tuple(cj)}; median in picture {tuple(c)}): {m.sum()} px, {100*h[m].mean():.1f} % NaN", flush=True)
