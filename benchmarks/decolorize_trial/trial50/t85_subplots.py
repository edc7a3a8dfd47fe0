"""Part 2: several panels. (a) plt.subplots(2, 2, constrained_layout=True), 4 imshows (2 real, 2 smooth fields) with one
norm (vmin 0, vmax 50) and ONE shared colorbar fig.colorbar(im, ax=axs); (b) a 2x2 grid, each imshow with its own map,
limits and colorbar, plt.tight_layout(). PNG and JPEG q75, dpi 100. read_figure: panels found, each matched to its axes
by bbox; its map and limits; pixel_values vs the gray-redraw truth (and the k-d tree with the true map and limits)."""
import numpy as np, matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp
from _p5 import c, F, kd, call, wshort, header, cpu, fig_truth, mscore, LHEAD, rf_pixels

header(__doc__.splitlines()[0])
rf = c.real_fields(512)
fl = [c.crop(rf["dem_jacksboro"], 200), c.crop(rf["camera"], 200), F.smooth(200, 200, seed=1), F.smooth(200, 200, seed=2)]
summ = []
for layout in ("shared", "own"):
    if layout == "shared":
        fg, axs = plt.subplots(2, 2, constrained_layout=True); arts = []
        for ax, f in zip(axs.flat, fl): arts.append(ax.imshow(50 * f, cmap="viridis", vmin=0, vmax=50))
        fg.colorbar(arts[0], ax=axs, label="mm")
        spec = [("viridis", 0, 50)] * 4
    else:
        fg, axs = plt.subplots(2, 2); arts = []
        spec = [("viridis", 0, 50), ("jet", -10, 10), ("magma", 100, 300), ("RdBu_r", -1, 1)]
        for ax, f, (m, lo, hi) in zip(axs.flat, fl, spec):
            arts.append(ax.imshow(lo + (hi - lo) * f, cmap=m, vmin=lo, vmax=hi)); fg.colorbar(arts[-1], ax=ax)
        plt.tight_layout()
    for fmt in ("png", "jpg"):
        pic, sls, trs, raw = fig_truth(fg, arts, fmt)
        t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(raw)); dt = cpu() - t0
        if rd is None: print(f"{layout} {fmt}: read_figure ERROR {err}"); continue
        print(f"# {layout} {fmt} {pic.shape[1]}x{pic.shape[0]}: read_figure {dt:.1f} s CPU, {len(rd.panels)} panels (want 4) | {wshort(ws)}", flush=True)
        for k, (sl, tr, (m, lo, hi)) in enumerate(zip(sls, trs, spec)):
            # the panel whose interior covers this axes' interior most
            best, bi = 0, None
            for i, p in enumerate(rd.panels):
                t_, b_, l_, r_ = p.interior
                ov = max(0, min(b_, sl[0].stop) - max(t_, sl[0].start)) * max(0, min(r_, sl[1].stop) - max(l_, sl[1].start))
                if ov > best: best, bi = ov, i
            base = kd(m)(pic[sl]); mb, pb, _ = mscore(base, tr)
            if bi is None: print(f"  axes {k} ({m} {lo}..{hi}): NO PANEL"); summ.append((layout, fmt, k, False, None, 1.0, None)); continue
            p = rd.panels[bi]; a = p.data.attrs
            est = rf_pixels(rd, pic.shape, bi)[sl]
            mt, pt, ht = mscore((est - lo) / (hi - lo), tr)
            cover = best / ((sl[0].stop - sl[0].start) * (sl[1].stop - sl[1].start))
            lim = max(abs((a.get("vmin") if a.get("vmin") is not None else np.nan) - lo), abs((a.get("vmax") if a.get("vmax") is not None else np.nan) - hi)) / (hi - lo)
            print(f"  axes {k} ({m} {lo}..{hi}) -> panel {bi} cover {100*cover:.0f}%: cmap {a.get('cmap')} vmin {a.get('vmin')} vmax {a.get('vmax')} (limit error {100*lim:.2f}%) conf {a.get('confidence')} "
                  f"holes {100*ht:.3f}% MAE {100*mt:.3f}% kd {100*mb:.3f}% ratio {mt/mb:.2f} p99 {100*pt:.2f}/{100*pb:.2f} doubts {str(a.get('doubts'))[:140]!r}", flush=True)
            summ.append((layout, fmt, k, a.get("cmap") == m, lim, ht, mt / mb))
    plt.close(fg)
print("\nSUMMARY (layout, fmt, axes, right map, limit error, holes, ratio):")
for s in summ: print("  ", s)
