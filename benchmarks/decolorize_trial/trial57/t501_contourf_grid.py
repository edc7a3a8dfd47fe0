"""Stop 60's claim: read_figure of a contourf of sin(2x)cos(3y) (straight nodal lines) is no longer read as a 51 x 3
grid. viridis / magma / cividis, 100 and 200 dpi, PNG / q75; grid, MAE through read_figure, confidence."""
from _p10 import *  # noqa
from _p10 import pics, header, call, cpu, wshort, mscore
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, truepix as tp
from _p8 import rf_pixels, rf_line

header(__doc__.splitlines()[0])
x = np.linspace(0, np.pi, 200); y = np.linspace(0, np.pi, 150); X, Y = np.meshgrid(x, y); Z = np.sin(2 * X) * np.cos(3 * Y)
for m in ("viridis", "magma", "cividis"):
    for dpi in (100, 200):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            cs = ax.contourf(X, Y, Z, levels=12, cmap=cm or m); fg.colorbar(cs)
            return fg, ax, cs.norm
        ps, truth, ink, sl, nm = pics(make, dpi=dpi)
        for lab, pic in ps.items():
            t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(pic)); dt = cpu() - t0
            if rd is None or not rd.panels: print(f"{m} {dpi} {lab}: {err or 'no panels'}", flush=True); continue
            p = rd.panels[0]
            est = (rf_pixels(rd, pic.shape, 0)[sl] - nm.vmin) / (nm.vmax - nm.vmin); mt, pt, ht = mscore(est, truth[sl])
            print(f"{m} dpi {dpi} {lab}: data shape {np.asarray(p.data.values).shape} grid {getattr(p, 'grid', None)} | holes {100*ht:.3f} % MAE {100*mt:.3f} % "
                  f"p99 {100*pt:.2f} conf {p.data.attrs.get('confidence')} ({dt:.1f} s) | {wshort(ws, 100)}", flush=True)
