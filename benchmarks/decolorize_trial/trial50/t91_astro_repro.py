"""Repro for t80's slow/holey case: the sqrt-stretch inferno figure PNG (t80's frame, imshow + colorbar, dpi 100).
The same picture decoded (1) norm=ImageNormalize (default call), (2) norm=PowerNorm(0.5, vmin, vmax) (the same stretch as a
matplotlib norm), (3) vmin/vmax linear (values wrong by design; time and holes only), (4) the plot area cropped with norm=;
(5) the frame alone via plt.imsave-like cmap(norm(img)) bytes. CPU and holes (on data pixels) for each."""
import io, numpy as np, matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp
from astropy.visualization import ImageNormalize, PercentileInterval, SqrtStretch
from _p5 import kd, call, wshort, header, cpu, fig_truth, mscore, line, LHEAD

header(__doc__.splitlines()[0])
rng = np.random.default_rng(7); N = 400
y, x = np.mgrid[0:N, 0:N]
img = 100 + rng.normal(0, 5, (N, N))
sx, sy = rng.uniform(5, N - 5, 150), rng.uniform(5, N - 5, 150); fl = 50 * (rng.pareto(1.5, 150) + 1)
for a, b, f in zip(sx, sy, fl):
    img += f * np.exp(-((x - a) ** 2 + (y - b) ** 2) / (2 * 1.8 ** 2))
r = np.hypot((x - 220) / 1.0, (y - 180) / 0.6); img += 400 * np.exp(-(r / 30) ** 0.6)
norm = ImageNormalize(img, interval=PercentileInterval(99), stretch=SqrtStretch())
m = "inferno"
fg, ax = plt.subplots(); art = ax.imshow(img, cmap=m, norm=norm, origin="lower"); fg.colorbar(art, ax=ax, label="counts")
pic, (sl,), (truth,), raw = fig_truth(fg, [art], "png")
base = kd(m)(pic[sl]); print(LHEAD)
pw = mpl.colors.PowerNorm(0.5, vmin=norm.vmin, vmax=norm.vmax)
for nm, fn, tonorm in (("ImageNormalize", lambda: tp.Decolorizer(m, norm=norm).decode(pic), norm),
                       ("PowerNorm(0.5)", lambda: tp.Decolorizer(m, norm=pw).decode(pic), pw),
                       ("linear vmin/vmax", lambda: tp.Decolorizer(m, vmin=norm.vmin, vmax=norm.vmax).decode(pic), None),
                       ("plot area only, ImageNormalize", lambda: tp.Decolorizer(m, norm=norm).decode(np.ascontiguousarray(pic[sl])), norm)):
    t0 = cpu(); r, err, ws = call(fn); dt = cpu() - t0
    if r is None: print(f"{nm:46}ERROR {err}"); continue
    v = r.values if r.values.shape == truth.shape else r.values[sl]
    pos = (v - norm.vmin) / (norm.vmax - norm.vmin) if tonorm is None else np.ma.filled(np.ma.masked_invalid(tonorm(v)).astype(float), np.nan)
    line(nm, pos, truth, base, f"cpu {dt:.2f}s jpeg/noise/thr {bool(r.jpeg)}/{float(r.noise):.2f}/{float(r.threshold):.1f} ambiguous {100*np.asarray(r.ambiguous).mean():.2f}%", ws)
ex = mpl.colormaps[m](norm(img), bytes=True)[..., :3]; tr = np.clip(np.ma.filled(norm(img), np.nan), 0, 1)
for nm, fn in (("frame cmap(norm(img)) ImageNormalize", lambda: tp.Decolorizer(m, norm=norm).decode(ex)), ("frame, vmin=0 vmax=1 positions", lambda: tp.Decolorizer(m, vmin=0, vmax=1).decode(ex))):
    t0 = cpu(); r, err, ws = call(fn); dt = cpu() - t0
    if r is None: print(f"{nm:46}ERROR {err}"); continue
    pos = np.ma.filled(np.ma.masked_invalid(norm(r.values)).astype(float), np.nan) if "Image" in nm else r.values
    line(nm, pos, tr, kd(m)(ex), f"cpu {dt:.2f}s", ws)
