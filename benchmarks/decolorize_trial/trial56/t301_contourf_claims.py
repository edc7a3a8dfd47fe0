"""Stop 59's claim: read_figure (and decolorize(cmap=find_colorbar(pic))) on a viridis contourf, PNG / HiDPI / q75,
~1.0-1.7x the k-d tree (RdBu_r HiDPI 5.40 -> 2.00x is t122 C2). Trial 52's t122 `probe` on t122's C2 figure drawn with
viridis (and cividis), then the same three pictures through decolorize(cmap=find_colorbar(pic), vmin, vmax)."""
from _p9 import *  # noqa
from _p9 import probe, arr, png_bytes, to_bytes, half, redraw_truth, plot_slice, mscore, kd, header, fbm, call, cpu, wshort
import numpy as np, matplotlib.pyplot as plt, truepix as tp

header(__doc__.splitlines()[0])
X, Y = np.meshgrid(np.linspace(0, 4, 256), np.linspace(0, 3, 192))
F = (fbm(256, seed=9)[:192] - 0.5) * 6
for m in ("viridis", "cividis"):
    fg, ax = plt.subplots(); cs = ax.contourf(X, Y, F, levels=12, cmap=m); fg.colorbar(cs, ax=ax)
    probe(f"C2 contourf12 {m}", fg, ax, cs, m, cs.norm.vmin, cs.norm.vmax, (0, 4), (0, 3))
    for vn in ("png", "jpeg75", "hidpi"):
        if vn == "hidpi":
            pic = half(arr(png_bytes(fg, 200))); tr, _ = redraw_truth(fg, [cs], (), dpi=200, post=half)
        else:
            pic = arr(png_bytes(fg, 100))
            if vn == "jpeg75": pic = arr(to_bytes(pic, "JPEG", quality=75))
            tr, _ = redraw_truth(fg, [cs], (), dpi=100)
        sl = plot_slice(fg, ax, pic.shape); tr = tr[sl]
        t0 = cpu(); bar, err, _ = call(lambda: tp.find_colorbar(pic))
        if bar is None: print(f"  find_colorbar {m} {vn}: ERROR {err}"); continue
        v, err, ws = call(lambda: tp.decolorize(pic, cmap=bar, vmin=cs.norm.vmin, vmax=cs.norm.vmax)); dt = cpu() - t0
        if v is None: print(f"  decolorize(find_colorbar) {m} {vn}: ERROR {err}"); continue
        est = (np.asarray(v)[sl] - cs.norm.vmin) / (cs.norm.vmax - cs.norm.vmin)
        mt, pt, ht = mscore(est, tr); mb, pb, _ = mscore(kd(m)(pic[sl]), tr)
        print(f"  decolorize(cmap=find_colorbar) {m} {vn}: holes {100*ht:.3f}% ratio {mt/max(mb,1e-12):.2f} "
              f"p99 {100*pt:.2f}/{100*pb:.2f} bar colors {len(getattr(bar, 'colors', []))} ({dt:.1f}s) | {wshort(ws)}", flush=True)
    plt.close(fg)
