"""Deliver 1 (annotations): antialiased black/white/gray text and lines, white boxes, 'coastlines' in a
color the map lacks, drawn by matplotlib over an all-data imshow. Flagged share = NaN share among pixels
the annotation changed by > 10 DN (and > 40 DN); holes = NaN share of untouched pixels. PNG and JPEG q75.

``python t02_annotations.py [MAPS [INKS [FORMATS]]]``: comma-separated maps, inks (black, white,
gray, coast) and formats (png, jpeg75) in place of the defaults below (benchmarks/inkend ran it with seismic, pink and hot added,
inks black,white,gray)."""
import sys
import numpy as np, matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp
import _common as c

N = 384
MAPS = ["viridis", "jet", "magma", "gray", "coolwarm", "turbo", "RdBu_r", "cividis"]
MAPS = sys.argv[1].split(",") if len(sys.argv) > 1 else MAPS
INKS = sys.argv[2].split(",") if len(sys.argv) > 2 else ["black", "white", "gray", "coast"]
FORMATS = sys.argv[3].split(",") if len(sys.argv) > 3 else ["png", "jpeg75"]
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


def main():
    print(f"{'map':9}{'field':8}{'ann':7}{'fmt':7}{'ann_px':>7}{'flag>10':>9}{'flag>40':>9}{'holes_clean%':>13}")
    agg = {}
    for m in MAPS:
        for fn, f in fields.items():
            clean = fig(f, m, None)
            for ann in INKS:
                a = fig(f, m, ann)
                d = np.abs(a.astype(int) - clean.astype(int)).max(-1)
                for fmt in FORMATS:
                    im = a if fmt == "png" else c.jpeg(a, 75)
                    v = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
                    nan = np.isnan(v)
                    # for JPEG, untouched = far (>3 px) from any annotation pixel
                    from scipy.ndimage import binary_dilation
                    near = binary_dilation(d > 0, iterations=3 if fmt != "png" else 0) if fmt != "png" else (d > 0)
                    f10, f40 = nan[d > 10].mean(), nan[d > 40].mean()
                    hc = nan[~near].mean()
                    agg.setdefault((fmt, ann), []).append((f10, f40, hc))
                    print(f"{m:9}{fn:8}{ann:7}{fmt:7}{int((d>10).sum()):7}{100*f10:9.1f}{100*f40:9.1f}{100*hc:13.3f}", flush=True)
    print("\nSUMMARY (mean/min over maps x fields): flagged share of changed pixels; holes on untouched pixels")
    for (fmt, ann), L in agg.items():
        L = np.array(L)
        print(f"  {fmt:7}{ann:7} flag>10 mean {100*L[:,0].mean():5.1f}% min {100*L[:,0].min():5.1f}% | flag>40 mean {100*L[:,1].mean():5.1f}% min {100*L[:,1].min():5.1f}% | holes mean {100*L[:,2].mean():.3f}% max {100*L[:,2].max():.3f}%")
    print("load", c.loadavg())


if __name__ == "__main__":
    main()
