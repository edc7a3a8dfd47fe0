"""trial58 follow-ups: (G) where the masked-array JPEG holes sit (distance to the nearest bad cell), q75 / q90;
(1) failure 1's magma contourf 200 dpi read_figure scored (MAE of the panel's values against decolorize by name's truth:
the gray redraw), levels 8 / 12, q75."""
import io
from _p11 import *  # noqa
from _p11 import pics, dec_any, header, HEAD8, fig_bytes, pil_rgb, plot_slice, GRAY, RED, fbm, call, mscore
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, cv2, truepix as tp
header("t630 follow-ups"); print(HEAD8, flush=True)
rng = np.random.default_rng(58)
f = fbm(256, seed=58)[:192, :256]; f = (f - f.min()) / (f.max() - f.min())
d = f[:96, :128].copy(); d[30:60, 40:90] = np.nan; d[rng.uniform(size=d.shape) < 0.05] = np.nan
md = np.ma.masked_invalid(d)
for m in ("viridis", "jet"):
    def make(cm, ink, face, m=m):
        fg, ax = plt.subplots()
        if face: ax.set_facecolor(face)
        im = ax.imshow(md, cmap=cm or mpl.colormaps[m].with_extremes(bad="white"), vmin=0, vmax=1); fg.colorbar(im)
        return fg, ax, im.norm
    ps, truth, ink, sl, nm = pics(make, quals=(("png", None), ("q75", 75), ("q90", 90), ("q95", 95)))
    tr = truth[sl]; bad = ~np.isfinite(tr)
    dist = cv2.distanceTransform((~bad).astype(np.uint8), cv2.DIST_L2, 3)
    for lab, pic in ps.items():
        dec_any(f"G masked white {m} {lab}", pic, tr, m, sl=sl, vmin=0.0, vmax=1.0)
        v = np.asarray(tp.decolorize(pic, cmap=m, vmin=0.0, vmax=1.0))[sl]
        hole = np.isnan(v) & ~bad
        parts = [f"{a}-{b} px: {100*hole[(dist > a) & (dist <= b)].mean():.2f} % of {((dist > a) & (dist <= b)).sum()}" for a, b in ((0, 1.5), (1.5, 3), (3, 6), (6, 1e9))]
        print("    holes by distance to a bad cell: " + " | ".join(parts), flush=True)
x = np.linspace(0, np.pi, 200); y = np.linspace(0, np.pi, 150); X, Y = np.meshgrid(x, y)
for lv in (8, 12):
    def make(cm, ink, face, lv=lv):
        fg, ax = plt.subplots()
        if face: ax.set_facecolor(face)
        cs = ax.contourf(X, Y, np.sin(2 * X) * np.cos(3 * Y), levels=lv, cmap=cm or "magma"); fg.colorbar(cs)
        return fg, ax, cs.norm
    fg, ax, nm = make(None, "k", None)
    pic = pil_rgb(fig_bytes(fg, "jpeg", dpi=200, pil_kwargs={"quality": 75})); sl = plot_slice(fg, ax, pic.shape); plt.close(fg)
    fg, ax, _ = make(GRAY, (0, 0, 1), RED); g = pil_rgb(fig_bytes(fg, "png", dpi=200)); plt.close(fg)
    from _p9 import truth_of_gray, rf_pixels  # noqa
    truth = truth_of_gray(g)
    dec_any(f"1 magma contourf {lv} lv 200dpi q75 by name", pic, truth[sl], "magma", sl=sl, vmin=float(nm.vmin), vmax=float(nm.vmax))
    rd, err, ws = call(lambda: tp.read_figure(pic))
    if rd is None: print("  read_figure ERROR", err); continue
    est = (rf_pixels(rd, pic.shape, 0)[sl] - nm.vmin) / (nm.vmax - nm.vmin)
    mt, pt, ht = mscore(est, truth[sl]); a = rd.panels[0].data.attrs
    print(f"  1 magma {lv} lv read_figure: holes {100*ht:.3f} % MAE {100*mt:.3f} % p99 {100*pt:.2f} | cmap {a['cmap']} "
          f"{a['vmin']:.3f}..{a['vmax']:.3f} conf {a['confidence']:.2f} doubts {a.get('doubts')!r} | {ws}", flush=True)
