"""Per element of t02's gray ink (text, line, contours): ink pixels (d>10 of that element alone) flagged in the mask."""
import sys, os, numpy as np, matplotlib.pyplot as plt
sys.path.insert(0, "/work/wt/annot4/benchmarks/decolorize_trial/trial45")
import t02_annotations as t
CACHE = "/tmp/annot4/parts.npz"
def fig(f, m, part):
    h, w = f.shape
    fg = plt.figure(figsize=(w / 100, h / 100), dpi=100)
    ax = fg.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(f, cmap=m, vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if part == "text": ax.text(20, 60, "t = 3.5 s", color="0.5", fontsize=16)
    if part == "line": ax.plot([10, w - 10], [h * .5, h * .6], color="0.5", lw=1)
    if part == "contour": ax.contour(f, levels=[0.3, 0.7], colors="0.4", linewidths=0.8)
    if part == "wtext": ax.text(20, 60, "Sample A-7", color="w", fontsize=14)
    if part == "wline": ax.plot([10, w - 10], [h * .7, h * .3], "w-", lw=1.2)
    if part == "wbox": ax.text(w * .5, h * .85, "box label", color="k", fontsize=10, bbox=dict(facecolor="white", edgecolor="none"))
    fg.canvas.draw(); a = np.asarray(fg.canvas.buffer_rgba())[..., :3].copy(); plt.close(fg); return a
have = dict(np.load(CACHE)) if os.path.exists(CACHE) else {}
masks = dict(np.load(sys.argv[1]))
ink = sys.argv[2]
parts = ["text", "line", "contour"] if ink == "gray" else ["wtext", "wline", "wbox"]
tot = {}
for key, nan in masks.items():
    m, fn, k = key.split("/")
    if k != ink or m == "gray": continue
    row = []
    for p in parts:
        kk = f"{m}/{fn}/{p}"
        if kk not in have:
            f = t.fields[fn]; have[kk] = (np.abs(fig(f, m, p).astype(int) - fig(f, m, None).astype(int)).max(-1) > 10)
        sel = have[kk]
        row.append(f"{p} {100*nan[sel].mean():5.1f}% ({sel.sum()})")
        a = tot.setdefault(p, [0, 0]); a[0] += nan[sel].sum(); a[1] += sel.sum()
    print(f"{m}/{fn:7}", "  ".join(row), flush=True)
np.savez(CACHE, **have)
print("TOTAL", "  ".join(f"{p} {100*a[0]/a[1]:.1f}% of {a[1]}" for p, a in tot.items()))
