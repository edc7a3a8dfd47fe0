"""Part 2: a small (12x20) integer matrix (0..9) drawn by plt.matshow and by ax.imshow(..., interpolation="nearest"),
plt.colorbar(ticks=range(10)); savefig PNG and JPEG q75. read_figure with nothing given: grid, map, limits, values per
cell (exact integers? after rounding?); decolorize(fig, cmap=name, vmin=0, vmax=9, step=1) on each cell's centre
pixel; the k-d tree on the cell centres."""
import io, numpy as np, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p4 import kd, call, wshort, header, rf_line, cpu

header(__doc__.splitlines()[0])
rng = np.random.default_rng(7)
M = rng.integers(0, 10, (12, 20))
tot = {}
for how in ("matshow", "imshow_nearest"):
    for m in ("viridis", "jet", "Blues", "coolwarm"):
        if how == "matshow":
            art = plt.matshow(M, cmap=m); fg = plt.gcf(); ax = plt.gca(); plt.colorbar(ticks=range(10))
        else:
            fg, ax = plt.subplots(); art = ax.imshow(M, cmap=m, interpolation="nearest"); plt.colorbar(art, ticks=range(10))
        fg.canvas.draw(); H = fg.canvas.get_width_height()[1]; bb = ax.get_window_extent()
        ys = H - (bb.y1 - (np.arange(12) + 0.5) / 12 * (bb.y1 - bb.y0)); xs = bb.x0 + (np.arange(20) + 0.5) / 20 * (bb.x1 - bb.x0)
        for fmt in ("png", "jpg"):
            b = io.BytesIO(); fg.savefig(b, format=fmt); raw = b.getvalue(); pic = np.asarray(Image.open(io.BytesIO(raw)).convert("RGB"))
            yy, xx = np.meshgrid(ys.astype(int), xs.astype(int), indexing="ij")
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=9, step=1))
            vs = v[yy, xx] if v is not None else None
            ex = float((vs == M).mean()) if vs is not None else float("nan")
            kv = np.floor(kd(m)(pic[yy, xx]) * 10).clip(0, 9)  # kd bin centre -> integer level
            v0, _, _ = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=9))
            e0 = float(np.nanmax(np.abs(v0[yy, xx] - M))) if v0 is not None else float("nan")
            t0 = cpu(); rd, rerr, rws = call(lambda: tp.read_figure(raw)); dt = cpu() - t0
            line = f"{how:15}{m:9}{fmt:4} decolorize step=1 cells exact {100*ex:6.1f}% (no step: max|err| {e0:.3f}) kd exact {100*float((kv == M).mean()):6.1f}% | {wshort(ws, 90)}"
            print(line, flush=True)
            if rd is None: print(f"    read_figure ERROR {rerr}"); continue
            print(f"    read_figure ({dt:.1f} s CPU): {rf_line(rd)} | {wshort(rws, 90)}")
            if rd.panels:
                p = rd.panels[0]; d = np.asarray(p.data)
                if d.shape == M.shape:
                    r = np.round(d); print(f"    read_figure data {d.shape}: max|err| {np.nanmax(np.abs(d - M)):.3f}, rounded exact {100*float((r == M).mean()):.1f}%, NaN {int(np.isnan(d).sum())}")
                    tot.setdefault(fmt, []).append(float((r == M).mean()))
                else:
                    print(f"    read_figure data shape {d.shape} != {M.shape}")
                    tot.setdefault(fmt, []).append(0.0)
        plt.close(fg)
print("\nSUMMARY read_figure rounded-exact share per figure:", {k: [round(100 * x, 1) for x in v] for k, v in tot.items()})
