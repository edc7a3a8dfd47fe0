"""Black ink by element (text, line) on t02's figures: share flagged, and the misses' field luma / distance to core."""
import sys, numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
sys.path.insert(0, "/work/wt/annot5/benchmarks/decolorize_trial/trial45")
import t02_annotations as t
def fig(f, m, part):
    h, w = f.shape
    fg = plt.figure(figsize=(w / 100, h / 100), dpi=100)
    ax = fg.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(f, cmap=m, vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if part == "text": ax.text(20, 60, "Elevation 1234 m", color="k", fontsize=14)
    if part == "line": ax.plot([10, w - 10], [h * .7, h * .3], "k-", lw=1)
    if part == "dash": ax.plot([10, w - 10], [h * .2, h * .8], "k--", lw=0.6)
    fg.canvas.draw(); a = np.asarray(fg.canvas.buffer_rgba())[..., :3].copy(); plt.close(fg); return a
masks = dict(np.load(sys.argv[1]))
for key, nan in masks.items():
    m, fn, k = key.split("/")
    if k != "black" or m == "gray": continue
    f = t.fields[fn]; clean = fig(f, m, None).astype(int)
    row = []
    for p in ("text", "line", "dash"):
        a = fig(f, m, p).astype(int)
        d = np.abs(a - clean).max(-1)
        sel = d > 10; core = d > 100
        row.append(f"{p} {100*nan[sel].mean():5.1f}% core {100*nan[core].mean():5.1f}% ({sel.sum()})")
    print(f"{m}/{fn:7}", "  ".join(row), flush=True)
