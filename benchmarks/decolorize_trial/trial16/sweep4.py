"""Annotated matplotlib figures (text, contour lines, coastline-like line, white box, colorbar beside),
imshow at 1:1 so each data pixel is one picture pixel. Share of annotation pixels flagged NaN and of
data pixels lost, PNG and JPEG q75 4:2:0."""
import sys, warnings
import numpy as np
from _h import *
import truepix as tp

maps = sys.argv[1].split(",") if len(sys.argv) > 1 else ["jet", "viridis", "turbo", "gray", "twilight", "coolwarm", "magma", "RdBu"]
F = fields(256)
rng = np.random.default_rng(5)
walk = np.cumsum(rng.normal(0, 2, (300, 2)), 0) + 128


def render(f, cm, annot):
    fig = plt.figure(figsize=(3.56, 2.56), dpi=100)
    ax = fig.add_axes([0, 0, 256 / 356, 1])
    ax.imshow(f, cmap=cm, vmin=0, vmax=1, interpolation="nearest")
    ax.set_axis_off()
    cax = fig.add_axes([0.8, 0.1, 0.05, 0.8])
    fig.colorbar(ax.images[0], cax=cax)
    if annot:
        ax.contour(f, levels=5, colors="k", linewidths=0.8)
        ax.plot(walk[:, 0], walk[:, 1], color="#00ff00", lw=1.0)   # coastline in a foreign color
        ax.text(20, 40, "Station A 12.5", color="w", fontsize=9)
        ax.text(20, 200, "T = 3.2 K", color="0.5", fontsize=10)
        ax.text(120, 120, "peak", color="k", fontsize=11, bbox=dict(facecolor="white", edgecolor="k"))
        ax.set_xlim(-0.5, 255.5); ax.set_ylim(255.5, -0.5)
    return fig


for cm in maps:
    for fn in ("camera", "terrain"):
        f = F[fn]
        for fmt in ("png", "jpg"):
            base = fig_bytes(render(f, cm, False), "png")[:, :256]
            ann_full = fig_bytes(render(f, cm, True), fmt)
            ann = ann_full[:, :256]
            isann = np.abs(fig_bytes(render(f, cm, True), "png")[:, :256].astype(int) - base).max(-1) > 10
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                v = tp.decolorize(ann, cmap=cm, vmin=0, vmax=1)
                vf = tp.decolorize(ann_full, cmap=cm, vmin=0, vmax=1)   # the whole figure, colorbar beside
            flagged = 100 * np.isnan(v[isann]).mean()
            lost = 100 * np.isnan(v[~isann]).mean()
            e = np.abs(v - f)[~isann]
            kd = np.abs(kd_baseline(ann, cm) - f)[~isann]
            goal = 99 if fmt == "png" else 95
            fl = ("FLAG<%d" % goal) if flagged < goal else ""
            print(f"{cm:9s} {fn:8s} {fmt} ann_px={isann.mean()*100:4.1f}% flagged={flagged:6.2f}% data_lost={lost:5.2f}% mean_err={100*np.nanmean(e):6.3f}% kd={100*kd.mean():6.3f}% max={100*np.nanmax(e):6.1f}% wholefig_nan={100*np.isnan(vf).mean():5.1f}% {fl} " + " ".join(f"WARN:{x.category.__name__}:{str(x.message)[:80]}" for x in w), flush=True)
