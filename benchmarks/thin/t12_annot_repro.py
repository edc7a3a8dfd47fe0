"""Repro for the worst annotation cases of t02 (default call): the decoder's decisions (threshold, noise, jpeg,
denoised), residuals on annotation pixels (changed > 40 DN) and on the same picture without annotations."""
"""Deliver 1 (annotations): antialiased black/white/gray text and lines, white boxes, 'coastlines' in a
color the map lacks, drawn by matplotlib over an all-data imshow. Flagged share = NaN share among pixels
the annotation changed by > 10 DN (and > 40 DN); holes = NaN share of untouched pixels. PNG and JPEG q75."""
import numpy as np, matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp
import _common as c

N = 384
MAPS = ["viridis", "jet", "magma", "gray", "coolwarm", "turbo", "RdBu_r", "cividis"]
fields = c.real_fields()
fields = {"camera": c.crop(fields["camera"], N), "dem": c.crop(fields["dem_jacksboro"], N), "bumps": c.smooth_fields(N)["bumps"]}
CANDS = {"magenta": (1, 0, 1), "green": (0, 0.8, 0), "red": (1, 0, 0), "cyan": (0, 1, 1), "orange": (1, 0.5, 0), "purple": (0.5, 0, 0.5), "lime": (0.5, 1, 0)}

def far_color(m):
    lut = mpl.colormaps[m](np.linspace(0, 1, 256))[:, :3]
    best = max(CANDS.items(), key=lambda kv: np.min(np.linalg.norm(lut - np.array(kv[1]), axis=1)))
    return best

def fig(f, m, ann):
    h, w = f.shape
    fg = plt.figure(figsize=(w / 100, h / 100), dpi=100)
    ax = fg.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(f, cmap=m, vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if ann == "black":
        ax.text(20, 60, "Elevation 1234 m", color="k", fontsize=14); ax.plot([10, w - 10], [h * .7, h * .3], "k-", lw=1)
        ax.plot([10, w - 10], [h * .2, h * .8], "k--", lw=0.6)
    elif ann == "white":
        ax.text(20, 60, "Sample A-7", color="w", fontsize=14); ax.plot([10, w - 10], [h * .7, h * .3], "w-", lw=1.2)
        ax.text(w * .5, h * .85, "box label", color="k", fontsize=10, bbox=dict(facecolor="white", edgecolor="none"))
    elif ann == "gray":
        ax.text(20, 60, "t = 3.5 s", color="0.5", fontsize=16); ax.plot([10, w - 10], [h * .5, h * .6], color="0.5", lw=1)
        ax.contour(f, levels=[0.3, 0.7], colors="0.4", linewidths=0.8)
    elif ann == "coast":
        name, col = far_color(m)
        ax.contour(f, levels=[0.25, 0.5, 0.75], colors=[col], linewidths=1.0)
    fg.canvas.draw()
    a = np.asarray(fg.canvas.buffer_rgba())[..., :3].copy()
    plt.close(fg)
    return a


for m, fn, ann in [("coolwarm", "dem", "gray"), ("viridis", "dem", "gray"), ("jet", "dem", "black"), ("jet", "camera", "black"), ("RdBu_r", "dem", "gray"), ("cividis", "camera", "gray"), ("jet", "dem", "gray")]:
    f = fields[fn]; clean = fig(f, m, None); a = fig(f, m, ann)
    d = np.abs(a.astype(int) - clean.astype(int)).max(-1)
    for fmt in ("png", "jpeg75"):
        im = a if fmt == "png" else c.jpeg(a, 75)
        r = tp.Decolorizer(m, vmin=0, vmax=1).decode(im)
        rc = tp.Decolorizer(m, vmin=0, vmax=1).decode(clean if fmt == "png" else c.jpeg(clean, 75))
        sel = d > 40
        print(f"{m:9}{fn:7}{ann:6}{fmt:7} thr {r.threshold:5.1f} noise {r.noise:4.2f} jpeg {r.jpeg!s:5} denoised {r.denoised!s:5} | flagged {np.isnan(r.values[sel]).mean()*100:5.1f}% | residual on annot px p10/p50 {np.percentile(r.residual[sel],10):5.1f}/{np.percentile(r.residual[sel],50):5.1f} | clean picture thr {rc.threshold:5.1f} resid p99.9 {np.percentile(rc.residual,99.9):5.1f}", flush=True)
print("load", c.loadavg())
