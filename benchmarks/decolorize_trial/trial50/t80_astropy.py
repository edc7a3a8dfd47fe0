"""Part 2: astronomy. A simulated 400x400 CCD frame (sky 100 + noise, 150 stars with power-law fluxes, a galaxy),
astropy.visualization ImageNormalize(data, interval=PercentileInterval(99), stretch=SqrtStretch() / AsinhStretch()),
imshow(cmap="gray"/"inferno", norm=that, origin="lower") + colorbar, savefig PNG and JPEG q75 (dpi 100).
DEFAULT calls: decolorize(fig, cmap=name, norm=ImageNormalize) -> positions norm(values) vs the gray-redraw truth;
cmap=find_colorbar(fig) with norm=; read_figure (what it reads for cmap/norm/limits, its pixel_values through the norm).
Also: red circles (scatter, facecolors none) around the 20 brightest stars: flagged share of the pixels they change."""
import numpy as np, matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp
from astropy.visualization import ImageNormalize, PercentileInterval, SqrtStretch, AsinhStretch
from _p5 import kd, call, wshort, header, cpu, fig_truth, mscore, line, LHEAD, rf_pixels

header(__doc__.splitlines()[0])
rng = np.random.default_rng(7); N = 400
y, x = np.mgrid[0:N, 0:N]
img = 100 + rng.normal(0, 5, (N, N))
sx, sy = rng.uniform(5, N - 5, 150), rng.uniform(5, N - 5, 150); fl = 50 * (rng.pareto(1.5, 150) + 1)
for a, b, f in zip(sx, sy, fl):
    img += f * np.exp(-((x - a) ** 2 + (y - b) ** 2) / (2 * 1.8 ** 2))
r = np.hypot((x - 220) / 1.0, (y - 180) / 0.6); img += 400 * np.exp(-(r / 30) ** 0.6)
bright = np.argsort(fl)[-20:]
print(LHEAD); rows = []
for stname, st in (("sqrt", SqrtStretch()), ("asinh", AsinhStretch())):
    norm = ImageNormalize(img, interval=PercentileInterval(99), stretch=st)
    print(f"# {stname}: vmin {norm.vmin:.2f} vmax {norm.vmax:.2f} clip {norm.clip}", flush=True)
    for m in ("gray", "inferno"):
        for circles in (False, True):
            fg, ax = plt.subplots()
            art = ax.imshow(img, cmap=m, norm=norm, origin="lower"); fg.colorbar(art, ax=ax, label="counts")
            if circles: ax.scatter(sx[bright], sy[bright], s=120, facecolors="none", edgecolors="red", linewidths=1)
            for fmt in ("png", "jpg"):
                pic, (sl,), (truth,), raw = fig_truth(fg, [art], fmt)
                if circles:  # flagged share: pixels the circles change by > 10 DN against the same figure without them
                    coll = ax.collections[-1]; coll.set_visible(False)
                    pic0, _, _, _ = fig_truth(fg, [art], fmt); coll.set_visible(True)
                tag = f"{stname} {m} {fmt}{' +circles' if circles else ''}"
                base = kd(m)(pic[sl])
                t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, norm=norm)); dt = cpu() - t0
                if v is None: print(f"{tag:46}ERROR {err}", flush=True); continue
                pos = np.ma.filled(np.ma.masked_invalid(norm(v[sl])).astype(float), np.nan)
                extra = f"cpu {dt:.2f}s"
                if circles:
                    ch = np.abs(pic[sl].astype(int) - pic0[sl].astype(int)).max(-1) > 10
                    extra += f" circles: flagged {100*np.isnan(v[sl][ch]).mean():.1f}% of {int(ch.sum())} px; holes off-circles {100*np.mean(np.isnan(v[sl][~ch] ) & np.isfinite(truth[~ch])):.3f}%"
                    tr = truth.copy(); tr[ch] = np.nan
                else: tr = truth
                rows.append(line(tag + " name+norm", pos, tr, base, extra, ws))
                if circles: continue
                bar, err, ws = call(lambda: tp.find_colorbar(pic))
                if bar is None: print(f"{tag:46}bar: find_colorbar -> None {err}")
                else:
                    v2, err, ws2 = call(lambda: tp.decolorize(pic, cmap=bar, norm=norm))
                    if v2 is None: print(f"{tag + ' bar+norm':46}ERROR {err}")
                    else:
                        pos2 = np.ma.filled(np.ma.masked_invalid(norm(v2[sl])).astype(float), np.nan)
                        rows.append(line(tag + " bar+norm", pos2, truth, base, f"bar={getattr(bar.colormap_entry(), 'name', 'custom')}", ws + ws2))
                t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(raw)); dt = cpu() - t0
                if rd is None or not rd.panels: print(f"    read_figure: {err or 'no panels'}"); continue
                p = rd.panels[0]; a = p.data.attrs
                est = rf_pixels(rd, pic.shape)[sl]
                pos3 = np.ma.filled(np.ma.masked_invalid(norm(est)).astype(float), np.nan)
                mt, pt, ht = mscore(pos3, truth); mb, pb, _ = mscore(base, truth)
                print(f"    read_figure ({dt:.1f} s): cmap {a.get('cmap')} norm {a.get('norm')} vmin {a.get('vmin')} vmax {a.get('vmax')} conf {a.get('confidence')} doubts {str(a.get('doubts'))[:200]!r}", flush=True)
                print(f"    read_figure pixel_values through the true norm: holes {100*ht:.3f}% MAE {100*mt:.3f}% ratio {mt/mb:.2f} p99 {100*pt:.2f}/{100*pb:.2f} | {wshort(ws)}", flush=True)
            plt.close(fg)
