"""Follow-up of t96: the same seaborn heatmaps (annot=True, fmt=".1f", linewidths=0.5; rocket and viridis), JPEG q75 and
q90: each cell's median of decolorize (DEFAULT) against the k-d tree's median, and both against the array, in bins; and
the same heatmap WITHOUT annot (is the bias the text's?)."""
import io, numpy as np, matplotlib.pyplot as plt, seaborn as sns, truepix as tp
from PIL import Image
from _p6 import call, wshort, header, cpu, kd_table
import matplotlib as mpl

header(__doc__.splitlines()[0])
rng = np.random.default_rng(11)
y, x = np.mgrid[0:30, 0:40]
data = 10 + 8 * np.sin(x / 6) * np.cos(y / 5) + rng.normal(0, 1.5, (30, 40))
for m in (None, "viridis"):
    for annot in (True, False):
        fg, ax = plt.subplots(figsize=(12, 8))
        sns.heatmap(data, annot=annot, fmt=".1f", linewidths=0.5, cmap=m, ax=ax, annot_kws={"fontsize": 6})
        mesh = ax.collections[0]; lo, hi = mesh.get_clim(); cmo = mesh.get_cmap(); name = cmo.name; bin_ = (hi - lo) / 256
        base_f = kd_table(cmo(np.linspace(0, 1, 256), bytes=True)[:, :3])
        for q in (75, 90):
            b = io.BytesIO(); fg.savefig(b, format="jpg", dpi=100, pil_kwargs={"quality": q})
            pic = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB")); H = pic.shape[0]
            fg.canvas.draw(); T = ax.transData
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=name, vmin=lo, vmax=hi))
            kb = lo + base_f(pic) * (hi - lo)
            est = np.full(data.shape, np.nan); ek = est.copy()
            for i in range(30):
                for j in range(40):
                    (x0, y0), (x1, y1) = T.transform([(j, i), (j + 1, i + 1)])
                    ya, yb = sorted((H - y0, H - y1)); xa, xb = sorted((x0, x1))
                    s = (slice(int(np.ceil(ya)) + 2, int(np.floor(yb)) - 2), slice(int(np.ceil(xa)) + 2, int(np.floor(xb)) - 2))
                    if np.isfinite(v[s]).any(): est[i, j] = np.nanmedian(v[s])
                    ek[i, j] = np.median(kb[s])
            e = np.abs(est - data) / bin_; e2 = np.abs(ek - data) / bin_
            print(f"{name} annot={annot} jpg{q}: truepix cell medians: none {int(np.isnan(est).sum())}, median {np.nanmedian(e):.2f} bins, p99 {np.nanpercentile(e, 99):.2f}, max {np.nanmax(e):.2f}, within 1 bin {100*np.nanmean(e <= 1):.1f}% | "
                  f"k-d medians: median {np.median(e2):.2f}, p99 {np.percentile(e2, 99):.2f}, max {e2.max():.2f}, within 1 bin {100*np.mean(e2 <= 1):.1f}% | {wshort(ws)}", flush=True)
        plt.close(fg)
