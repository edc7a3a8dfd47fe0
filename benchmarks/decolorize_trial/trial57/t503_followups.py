"""Follow-ups: (a) t501's magma contourf at 200 dpi JPEG q75 (read_figure: 6.3 % holes, conf 1.0): the same picture by
decolorize(cmap="magma") with the norm's limits, holes by distance to a level line, levels 8 / 12 / 20, q60-q90;
(b) the stop-60 GIF claim: t200 M's "3-frame" GIF (FuncAnimation of identical frames) -- how many frames Pillow
keeps -- and a GIF of 3 distinct frames (Pillow save_all), decoded as an opened Image."""
import io, os, tempfile
from _p10 import *  # noqa
from _p10 import pics, header, call, cpu, wshort, mscore, fbm
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
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

td = tempfile.mkdtemp(); f = fbm(256, seed=57)[:96, :128]; f = (f - f.min()) / (f.max() - f.min())
fg, ax = plt.subplots(); im = ax.imshow(f, cmap="viridis")
from matplotlib.animation import FuncAnimation, PillowWriter
g1 = os.path.join(td, "same.gif"); FuncAnimation(fg, lambda k: (im,), frames=3).save(g1, writer=PillowWriter(fps=2), dpi=40); plt.close(fg)
frames = [Image.fromarray(mpl.colormaps["viridis"](np.roll(f, 20 * k, axis=1), bytes=True)[..., :3]) for k in range(3)]
g2 = os.path.join(td, "three.gif"); frames[0].save(g2, save_all=True, append_images=frames[1:], duration=200, loop=0)
for lab, g in (("t200 M's FuncAnimation GIF (3 identical frames)", g1), ("3 distinct frames, Pillow save_all", g2)):
    im0 = Image.open(g); n = getattr(im0, "n_frames", 1)
    v, err, ws = call(lambda: tp.decolorize(Image.open(g), cmap="viridis", vmin=0.0, vmax=1.0))
    print(f"GIF {lab}: n_frames {n}; decolorize -> {np.asarray(v).shape if v is not None else err} | {wshort(ws, 150)}", flush=True)
    if v is not None and n == 3 and np.asarray(v).ndim == 3:
        for k in range(3):
            t = np.roll(f, 20 * k, axis=1); vv = np.asarray(v)[k]
            print(f"  frame {k}: MAE {100*np.nanmean(np.abs(vv - t)):.2f} % NaN {100*np.isnan(vv).mean():.2f} %", flush=True)
