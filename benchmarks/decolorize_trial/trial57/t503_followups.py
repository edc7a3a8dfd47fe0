"""Follow-ups: (a) t501's magma contourf at 200 dpi JPEG q75 (read_figure: 6.3 % holes, conf 1.0): the same picture by
decolorize(cmap="magma") with the norm's limits, holes by distance to a level line, levels 8 / 12 / 20, q60-q90;
(b) the stop-60 GIF claim: t200 M's "3-frame" GIF (FuncAnimation of identical frames) -- how many frames Pillow
keeps -- and a GIF of 3 distinct frames (Pillow save_all), decoded as an opened Image."""
from _p10 import *  # noqa
from _p10 import pics, header, call, cpu, wshort, mscore
import numpy as np, matplotlib.pyplot as plt, truepix as tp
from scipy import ndimage as ndi
from _p8 import rf_pixels

header(__doc__.splitlines()[0])
x = np.linspace(0, np.pi, 200); y = np.linspace(0, np.pi, 150); X, Y = np.meshgrid(x, y); Z = np.sin(2 * X) * np.cos(3 * Y)
for m in ("magma", "viridis", "inferno"):
    for lv in ((12, 8, 20) if m == "magma" else (12,)):
        def make(cm, ink, face, m=m, lv=lv):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            cs = ax.contourf(X, Y, Z, levels=lv, cmap=cm or m); fg.colorbar(cs)
            return fg, ax, cs.norm
        ps, truth, ink, sl, nm = pics(make, dpi=200, quals=(("png", None), ("q60", 60), ("q75", 75), ("q90", 90)))
        tr = truth[sl]; edge = ndi.distance_transform_edt(ndi.uniform_filter(np.nan_to_num(tr), 3) == np.nan_to_num(tr))
        for lab, pic in ps.items():
            t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=float(nm.vmin), vmax=float(nm.vmax))); dt = cpu() - t0
            r = tp.Decolorizer(m, vmin=float(nm.vmin), vmax=float(nm.vmax)).decode(pic)
            est = (np.asarray(v)[sl] - nm.vmin) / (nm.vmax - nm.vmin); mt, pt, ht = mscore(est, tr)
            h = np.isnan(est) & np.isfinite(tr)
            rd, e2, ws2 = call(lambda: tp.read_figure(pic)); rl = ""
            if rd is not None and rd.panels:
                p = rd.panels[0]; e = (rf_pixels(rd, pic.shape, 0)[sl] - nm.vmin) / (nm.vmax - nm.vmin); m2, p2, h2 = mscore(e, tr)
                rl = f"read_figure holes {100*h2:.2f} % MAE {100*m2:.2f} % conf {p.data.attrs.get('confidence')} cmap {p.data.attrs.get('cmap')} vmin {p.data.attrs.get('vmin')} vmax {p.data.attrs.get('vmax')}"
            print(f"{m} {lv} levels 200 dpi {lab}: decolorize holes {100*ht:.3f} % (<=1 px of a level line {100*h[edge <= 1].mean():.2f} %, >3 px "
                  f"{100*h[edge > 3].mean():.2f} %) MAE {100*mt:.3f} % p99 {100*pt:.1f} jpeg {bool(r.jpeg)} noise {float(r.noise):.2f} thr {float(r.threshold):.1f} "
                  f"({dt:.1f} s) | {wshort(ws, 120)} || {rl or e2} | {wshort(ws2, 100)}", flush=True)

from t504_gif import gif_frames  # noqa: E402 (part (b), also run alone as t504)

gif_frames()
