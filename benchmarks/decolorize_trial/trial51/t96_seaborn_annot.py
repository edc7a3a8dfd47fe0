"""Part 2: seaborn.heatmap of a 30x40 array, annot=True, fmt=".1f", linewidths=0.5 (seaborn's default map, rocket, and
cmap="viridis"), figsize (12, 8), PNG and JPEG q75 (dpi 100). DEFAULT decolorize(fig, cmap=name, vmin, vmax = clim), then
each cell's median over its interior (2 px in from the cell lines) against the array; read_figure: its cells' values.
Error in bins (range / 256)."""
import io, numpy as np, matplotlib.pyplot as plt, seaborn as sns, truepix as tp
from PIL import Image
from _p6 import call, wshort, header, cpu

header(__doc__.splitlines()[0])
rng = np.random.default_rng(11)
y, x = np.mgrid[0:30, 0:40]
data = 10 + 8 * np.sin(x / 6) * np.cos(y / 5) + rng.normal(0, 1.5, (30, 40))
for m in (None, "viridis"):
    fg, ax = plt.subplots(figsize=(12, 8))
    sns.heatmap(data, annot=True, fmt=".1f", linewidths=0.5, cmap=m, ax=ax, annot_kws={"fontsize": 6})
    mesh = ax.collections[0]; lo, hi = mesh.get_clim(); name = mesh.get_cmap().name; bin_ = (hi - lo) / 256
    for fmt in ("png", "jpg"):
        b = io.BytesIO(); fg.savefig(b, format=fmt, dpi=100, **({"pil_kwargs": {"quality": 75}} if fmt == "jpg" else {}))
        raw = b.getvalue(); pic = np.asarray(Image.open(io.BytesIO(raw)).convert("RGB")); H = pic.shape[0]
        fg.canvas.draw(); T = ax.transData
        t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=name, vmin=lo, vmax=hi)); dt = cpu() - t0
        tag = f"seaborn {name} {fmt}"
        if v is None: print(f"{tag}: ERROR {err}"); continue
        est = np.full(data.shape, np.nan); cellnan = np.zeros(data.shape)
        for i in range(30):
            for j in range(40):
                (x0, y0), (x1, y1) = T.transform([(j, i), (j + 1, i + 1)])
                ya, yb = sorted((H - y0, H - y1)); xa, xb = sorted((x0, x1))
                cell = v[int(np.ceil(ya)) + 2:int(np.floor(yb)) - 2, int(np.ceil(xa)) + 2:int(np.floor(xb)) - 2]
                cellnan[i, j] = np.isnan(cell).mean()
                if np.isfinite(cell).any(): est[i, j] = np.nanmedian(cell)
        e = np.abs(est - data) / bin_
        print(f"{tag}: clim {lo:.2f}..{hi:.2f} cpu {dt:.2f}s | cells with no value {int(np.isnan(est).sum())} of 1200; "
              f"median |err| {np.nanmedian(e):.2f} bins, p99 {np.nanpercentile(e, 99):.2f}, max {np.nanmax(e):.2f}; within 1 bin {100*np.nanmean(e <= 1):.1f}%; "
              f"cell pixels NaN (text) mean {100*cellnan.mean():.1f}% | {wshort(ws)}", flush=True)
        t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(raw)); dt = cpu() - t0
        if rd is None or not rd.panels: print(f"    read_figure: {err or 'no panels'} | {wshort(ws)}"); continue
        p = rd.panels[0]; a = p.data.attrs; d = np.asarray(p.data.values, float)
        print(f"    read_figure ({dt:.1f} s): {len(rd.panels)} panels; cmap {a.get('cmap')} vmin {a.get('vmin')} vmax {a.get('vmax')} grid {p.grid} data shape {d.shape} conf {a.get('confidence')} doubts {str(a.get('doubts'))[:200]!r} | {wshort(ws)}", flush=True)
        if d.shape == data.shape:
            flip = np.abs(d[::-1] - data).mean() < np.abs(d - data).mean()
            dd = d[::-1] if flip else d; e2 = np.abs(dd - data) / bin_
            print(f"    read_figure cells (flipped y: {flip}): NaN {int(np.isnan(dd).sum())}, median |err| {np.nanmedian(e2):.2f} bins, p99 {np.nanpercentile(e2, 99):.2f}, max {np.nanmax(e2):.2f}, within 1 bin {100*np.nanmean(e2 <= 1):.1f}%")
    plt.close(fg)
