"""Part 2: heatmaps (imshow, 48x64 cells, nearest) whose colorbar uses LogNorm(1, 1e4), SymLogNorm(linthresh=1,
vmin=-1e3, vmax=1e3), BoundaryNorm([0, 1, 2, 5, 10, 20, 50, 100], 256, extend="both") -- each colorbar(extend="both"),
data reaching past the limits; savefig PNG and JPEG q75. read_figure with nothing given: limits, norm, values vs the
data (clipped to the limits) on cells; decolorize(fig, cmap=name, norm=THE_NORM) (limits from the norm) on the plot
area vs the gray redraw's norm position; k-d tree baseline."""
import io, numpy as np, matplotlib.pyplot as plt, matplotlib.colors as mc, truepix as tp
from PIL import Image
from _p4 import F, kd, call, wshort, header, rf_line, score, fig_pictures, cpu

header(__doc__.splitlines()[0])
rng = np.random.default_rng(5)
s = F.smooth(48, 64, seed=4)
cases = {
    "LogNorm": (lambda: mc.LogNorm(1, 1e4), 10 ** (-0.3 + 4.6 * s)),
    "SymLogNorm": (lambda: mc.SymLogNorm(linthresh=1, vmin=-1e3, vmax=1e3, base=10), np.sign(s - 0.5) * 10 ** (np.abs(s - 0.5) * 6.4) - np.sign(s - 0.5)),
    "BoundaryNorm": (lambda: mc.BoundaryNorm([0, 1, 2, 5, 10, 20, 50, 100], 256, extend="both"), -5 + 120 * s),
}
for nn, (mk, data) in cases.items():
    for m in ("viridis", "RdBu_r" if nn == "SymLogNorm" else "magma"):
        N = mk(); fg, ax = plt.subplots(); art = ax.imshow(data, cmap=m, norm=N, interpolation="nearest"); fg.colorbar(art, extend="both")
        for fmt in ("png", "jpg"):
            pic, sl, truth, raw = fig_pictures(fg, ax, art, fmt)
            base = kd(m)(pic[sl]); mb, _, _ = score(base, truth)
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, norm=mk()))
            if v is None: print(f"{nn:13}{m:8}{fmt:4} decolorize(norm=) ERROR {err}", flush=True)
            else:
                pos = np.ma.asarray(mk()(np.ma.masked_invalid(v[sl]))).astype(float).filled(np.nan)
                if nn == "BoundaryNorm": pos = pos / 255.0
                mt, pt, ht = score(pos, truth)
                print(f"{nn:13}{m:8}{fmt:4} decolorize(norm=N): holes {100*ht:.3f}% MAE(pos) {100*mt:.3f}% kd {100*mb:.3f}% ratio {mt/max(mb, 1e-12):.2f} | {wshort(ws, 120)}", flush=True)
            t0 = cpu(); rd, rerr, rws = call(lambda: tp.read_figure(raw)); dt = cpu() - t0
            if rd is None: print(f"    read_figure ERROR {rerr}"); continue
            print(f"    read_figure ({dt:.1f} s CPU): {rf_line(rd)} | {wshort(rws, 90)}", flush=True)
            if rd.panels:
                p = rd.panels[0]; d = np.asarray(p.data); N0 = mk()
                lo, hi = (N0.boundaries[0], N0.boundaries[-1]) if nn == "BoundaryNorm" else (N0.vmin, N0.vmax)
                if d.shape == data.shape:
                    tru = np.clip(data, lo, hi)
                    if nn == "BoundaryNorm":  # the band's middle is the best answer
                        bd = np.asarray(N0.boundaries); k = np.clip(np.searchsorted(bd, tru, side="right") - 1, 0, len(bd) - 2)
                        inband = (d >= bd[k] - 1e-9) & (d <= bd[k + 1] + 1e-9)
                        print(f"    cells: in the right band {100*float(np.mean(inband)):.1f}%, NaN {int(np.isnan(d).sum())}")
                    else:
                        pe = np.abs(np.ma.asarray(N0(np.ma.masked_invalid(d))).astype(float).filled(np.nan) - np.asarray(N0(tru), float))
                        print(f"    cells: |norm position error| median {100*np.nanmedian(pe):.2f}% max {100*np.nanmax(pe):.2f}% (one bin 0.39%), NaN {int(np.isnan(d).sum())}")
                else:
                    print(f"    cells: data shape {d.shape} != {data.shape}")
        plt.close(fg)
