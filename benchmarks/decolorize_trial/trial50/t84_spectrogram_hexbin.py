"""Part 2: spectrograms and hexbin, each with a colorbar, PNG and JPEG q75 (dpi 100), default maps (viridis) and magma:
(a) plt.specgram(x, Fs=8000) (imshow of 10 log10 Pxx) + colorbar(label="dB");
(b) scipy.signal.spectrogram -> ax.pcolormesh(t, f, 10*log10(Sxx), shading="gouraud") and shading="auto" + colorbar(label="dB");
(c) hexbin(x, y, gridsize=30) + colorbar.
DEFAULT decolorize(fig, cmap=name, vmin, vmax = the artist's clim) on the plot area; read_figure (cmap, limits, values).
Truth: the figure drawn again with 'gray' (empty hexbin area / axes: red, excluded)."""
import numpy as np, matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp
from scipy import signal
from _p5 import kd, call, wshort, header, cpu, fig_truth, mscore, line, LHEAD, rf_pixels

header(__doc__.splitlines()[0])
fs = 8000; t = np.arange(0, 4, 1 / fs); rng = np.random.default_rng(5)
x = signal.chirp(t, 200, 4, 3000, method="quadratic") + 0.5 * np.sin(2 * np.pi * 1200 * t) * (t > 2) + rng.normal(0, 0.3, t.size)
fS, tS, Sxx = signal.spectrogram(x, fs, nperseg=256); dB = 10 * np.log10(Sxx + 1e-12)
hx, hy = rng.normal(0, 1, 20000), rng.normal(0, 1, 20000) * 0.6 + 0.3 * rng.normal(0, 1, 20000) ** 2
print(LHEAD); rows = []; rfr = []
for m in ("viridis", "magma"):
    for kind in ("specgram", "gouraud", "auto", "hexbin"):
        fg, ax = plt.subplots()
        if kind == "specgram": _, _, _, art = ax.specgram(x, Fs=fs, cmap=m)
        elif kind == "hexbin": art = ax.hexbin(hx, hy, gridsize=30, cmap=m)
        else: art = ax.pcolormesh(tS, fS, dB, shading=kind, cmap=m)
        fg.colorbar(art, ax=ax, label="counts" if kind == "hexbin" else "dB")
        lo, hi = art.get_clim()
        for fmt in ("png", "jpg"):
            pic, (sl,), (tr,), raw = fig_truth(fg, [art], fmt)
            tag = f"{kind} {m} {fmt}"; base = kd(m)(pic[sl])
            t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=lo, vmax=hi)); dt = cpu() - t0
            if v is None: print(f"{tag:46}ERROR {err}"); continue
            rows.append(line(tag + " name", (v[sl] - lo) / (hi - lo), tr, base, f"clim {lo:.4g}..{hi:.4g} cpu {dt:.2f}s data px {int(np.isfinite(tr).sum())}", ws))
            t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(raw)); dt = cpu() - t0
            if rd is None or not rd.panels: print(f"    read_figure: {err or 'no panels'} | {wshort(ws)}"); continue
            p = rd.panels[0]; a = p.data.attrs; est = rf_pixels(rd, pic.shape)[sl]
            mt, pt, ht = mscore((est - lo) / (hi - lo), tr); mb, pb, _ = mscore(base, tr)
            lim = max(abs((a.get("vmin") if a.get("vmin") is not None else np.nan) - lo), abs((a.get("vmax") if a.get("vmax") is not None else np.nan) - hi)) / (hi - lo)
            print(f"    read_figure ({dt:.1f} s): cmap {a.get('cmap')} norm {a.get('norm')} vmin {a.get('vmin')} vmax {a.get('vmax')} (limit error {100*lim:.2f}% of range) grid {p.grid} conf {a.get('confidence')} "
                  f"holes {100*ht:.3f}% MAE {100*mt:.3f}% ratio {mt/mb:.2f} p99 {100*pt:.2f}/{100*pb:.2f} doubts {str(a.get('doubts'))[:140]!r} | {wshort(ws)}", flush=True)
            rfr.append((tag, a.get("cmap"), lim, ht, mt / mb))
        plt.close(fg)
print("\nSUMMARY decolorize by kind/format:")
for kind in ("specgram", "gouraud", "auto", "hexbin"):
    for fmt in ("png", "jpg"):
        rr = [r for r in rows if r[0].startswith(kind) and f" {fmt} " in r[0]]
        if rr: print(f"  {kind:9}{fmt:4} n={len(rr)} holes max {100*max(r[1] for r in rr):.3f}% ratio {sum(r[2] for r in rr)/sum(r[3] for r in rr):.3f} p99 worse {sum(r[4] > r[5]*1.001 for r in rr)}")
print("read_figure:", [(r[0], r[1], f"lim {100*r[2]:.2f}%", f"holes {100*r[3]:.3f}%", f"ratio {r[4]:.2f}") for r in rfr])
