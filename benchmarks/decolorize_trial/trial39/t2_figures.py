"""Deliver 1 (annotations) + 2/4 on savefig figures: imshow / pcolormesh / contourf / seaborn heatmap
with colorbar, contour lines, text, a coastline-like curve and a white box; PNG, savefig JPEG and
Pillow JPEG q50/q95 (4:2:0, 4:4:4). Annotation pixels found by rendering the same figure without
annotations. DEFAULT call: tp.decolorize(picture, cmap=..., vmin=..., vmax=...).
python t2_figures.py [kinds,comma] [maps,comma] -> t2_results_<kinds>.csv + table (about 30 s per kind and map on a loaded 2-core machine)"""
import io, csv, sys, time
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
from scipy import ndimage
from common import fields, jpeg, decode, table
from scipy.spatial import cKDTree

F = fields()
rng = np.random.default_rng(3)


def coarse(a, ny, nx):
    from skimage.transform import resize
    return resize(a, (ny, nx), anti_aliasing=True)


def make(kind, cm, annotate):
    fig = plt.figure(figsize=(6, 4.5), dpi=100)
    ax = fig.add_axes([0.1, 0.1, 0.68, 0.8])
    cax = fig.add_axes([0.82, 0.1, 0.04, 0.8])
    if kind == "imshow":
        d = coarse(F["terrain"], 45, 60); vmin, vmax = 200.0, 4000.0
        im = ax.imshow(d, cmap=cm, vmin=vmin, vmax=vmax, aspect="auto", interpolation="nearest")
        top = True
    elif kind == "pcolormesh":
        d = coarse(F["camera"], 30, 40) / 255.0; vmin, vmax = 0.0, 100.0   # fields() camera is 0..25500
        im = ax.pcolormesh(d, cmap=cm, vmin=vmin, vmax=vmax)
        top = False
    elif kind == "contourf":
        d = F["smooth"]; vmin, vmax = -12.0, 21.0
        levels = np.linspace(vmin, vmax, 12)
        im = ax.contourf(np.arange(d.shape[1]), np.arange(d.shape[0])[::-1], d, levels=levels, cmap=cm)
        ax.set_xlim(0, d.shape[1] - 1); ax.set_ylim(0, d.shape[0] - 1)
        top = True
    elif kind == "heatmap":      # seaborn-style
        import seaborn as sns
        d = coarse(F["coffee"], 12, 16); vmin, vmax = float(d.min()), float(d.max())
        sns.heatmap(d, cmap=cm, vmin=vmin, vmax=vmax, ax=ax, cbar_ax=cax, annot=annotate, fmt=".0f",
                    annot_kws={"size": 7})
        top = True
        im = None
    if im is not None:
        fig.colorbar(im, cax=cax)
    if annotate:
        ny, nx = d.shape
        if kind == "contourf":
            X, Y = np.arange(nx), np.arange(ny)[::-1]
            ax.contour(X, Y, d, levels=6, colors="k", linewidths=0.8)
        elif kind != "heatmap":
            ax.contour(np.arange(nx) + 0.5 if kind == "pcolormesh" else np.arange(nx),
                       np.arange(ny) + 0.5 if kind == "pcolormesh" else np.arange(ny), d, levels=5,
                       colors="k", linewidths=0.8)
        xlim, ylim = ax.get_xlim(), ax.get_ylim()
        t = np.linspace(0, 1, 400)
        cx = xlim[0] + (xlim[1] - xlim[0]) * (0.1 + 0.8 * t)
        cy = ylim[0] + (ylim[1] - ylim[0]) * (0.5 + 0.25 * np.sin(9 * t) + 0.05 * np.sin(41 * t))
        ax.plot(cx, cy, color="#ff00ff" if cm not in ("plasma", "magma") else "#00ff00", lw=1.2)   # coastline-like curve
        ax.plot(cx, cy - (ylim[1] - ylim[0]) * 0.2, color="0.5", lw=0.8)
        ax.text(0.05, 0.9, "Station A  12.3", transform=ax.transAxes, color="w", fontsize=9)
        ax.text(0.55, 0.15, "label B", transform=ax.transAxes, color="k", fontsize=10)
        ax.text(0.3, 0.6, "gray note", transform=ax.transAxes, color="0.5", fontsize=9)
        ax.add_patch(plt.Rectangle((0.62, 0.75), 0.3, 0.15, transform=ax.transAxes, facecolor="w", edgecolor="k"))
        ax.text(0.64, 0.8, "legend", transform=ax.transAxes, color="k", fontsize=8)
    ax.set_title(f"{kind} {cm}")
    fig.canvas.draw()
    bb = ax.get_window_extent()
    b = io.BytesIO(); fig.savefig(b, format="png"); png = b.getvalue()
    b = io.BytesIO(); fig.savefig(b, format="jpg"); jpg = b.getvalue()
    plt.close(fig)
    return png, jpg, d, vmin, vmax, bb, top


def truth_map(kind, d, vmin, vmax, bb, H, W, top):
    x0, x1 = bb.x0, bb.x1
    r0, r1 = H - bb.y1, H - bb.y0
    rr, cc = np.mgrid[0:H, 0:W] + 0.5
    fx = (cc - x0) / (x1 - x0); fy = (rr - r0) / (r1 - r0)
    inside = (fx > 0) & (fx < 1) & (fy > 0) & (fy < 1)
    inner = (cc > x0 + 3) & (cc < x1 - 3) & (rr > r0 + 3) & (rr < r1 - 3)
    ny, nx = d.shape
    if kind == "contourf":
        # value painted = midpoint of the layer holding the field at that pixel
        from scipy.ndimage import map_coordinates
        yi = np.clip(fy, 0, 1) * (ny - 1); xi = np.clip(fx, 0, 1) * (nx - 1)
        val = map_coordinates(d, [yi.ravel(), xi.ravel()], order=1).reshape(H, W)
        levels = np.linspace(vmin, vmax, 12)
        k = np.clip(np.searchsorted(levels, val) - 1, 0, 10)
        tv = (levels[k] + levels[k + 1]) / 2
        edge = ndimage.maximum_filter(k, 5) != ndimage.minimum_filter(k, 5)
        return tv, inside, inner, edge
    gy = fy * ny if top else (1 - fy) * ny
    gx = fx * nx
    i = np.clip(gy.astype(int), 0, ny - 1); j = np.clip(gx.astype(int), 0, nx - 1)
    tv = d[i, j]
    edge = (np.abs(gy - np.round(gy)) < 1.0 * ny / (r1 - r0) * 1.0) | (np.abs(gx - np.round(gx)) < 1.0 * nx / (x1 - x0))
    return tv, inside, inner, edge


def rgb_of(b):
    return np.asarray(Image.open(io.BytesIO(b)).convert("RGB"))


if __name__ == "__main__":
    KINDS = sys.argv[1].split(",") if len(sys.argv) > 1 else ["imshow", "pcolormesh", "contourf", "heatmap"]
    MAPS = sys.argv[2].split(",") if len(sys.argv) > 2 else ["viridis", "jet", "RdBu_r", "coolwarm", "turbo", "magma"]
    rows = []
    t0 = time.time()
    for kind in KINDS:
        for cm in MAPS:
            png, jpg, d, vmin, vmax, bb, top = make(kind, cm, True)
            png0, _, _, _, _, _, _ = make(kind, cm, False)
            a, a0 = rgb_of(png), rgb_of(png0)
            H, W = a.shape[:2]
            tv, inside, inner, edge = truth_map(kind, d, vmin, vmax, bb, H, W, top)
            diff = np.abs(a.astype(int) - a0.astype(int)).max(-1)
            ann_any = (diff > 0) & inner
            ann_core = (diff > 30) & inner
            data_px = inner & ~ndimage.binary_dilation(diff > 0, iterations=2)
            acc_px = data_px & ~edge
            if kind == "heatmap":      # seaborn: annotation = cell text only; the plain render has no text
                pass
            pics = {"png": a, "savefig_jpg": rgb_of(jpg), "pil_q75_420": jpeg(a, 75, 2),
                    "pil_q50_444": jpeg(a, 50, 0), "png_clean": a0, "clean_q75_420": jpeg(a0, 75, 2)}
            tab = table(cm).astype(float); tree = cKDTree(tab)
            for name, pic in pics.items():
                v, w = decode(pic, cmap=cm, vmin=vmin, vmax=vmax)
                nan = np.isnan(v)
                e = np.abs(v - tv) / (vmax - vmin) * 100
                _, k = tree.query(pic.reshape(-1, 3).astype(float)); bv = (vmin + (k + .5) / len(tab) * (vmax - vmin)).reshape(H, W)
                eb = np.abs(bv - tv) / (vmax - vmin) * 100
                clean = name.startswith("png_clean") or name.startswith("clean")
                dp = inner & ~edge if clean else acc_px
                dn = inner if clean else data_px
                ea = e[dp & ~nan]
                rows.append(dict(kind=kind, cmap=cm, pic=name,
                                 data_nan=round(100 * nan[dn].mean(), 3),
                                 ann_core_flag=(round(100 * nan[ann_core].mean(), 2) if not clean and ann_core.any() else ""),
                                 ann_any_flag=(round(100 * nan[ann_any].mean(), 2) if not clean and ann_any.any() else ""),
                                 n_ann_core=int(ann_core.sum()) if not clean else 0,
                                 mean=round(ea.mean(), 3) if ea.size else "", p99=round(np.percentile(ea, 99), 3) if ea.size else "",
                                 max=round(ea.max(), 3) if ea.size else "",
                                 mean_h=round(np.where(nan[dp], 100, e[dp]).mean(), 3),
                                 base_mean=round(eb[dp].mean(), 3), base_p99=round(np.percentile(eb[dp], 99), 3),
                                 warn=" | ".join(w)))
            print(kind, cm, f"{time.time() - t0:.0f}s", flush=True)
            if cm == "viridis":
                Image.fromarray(a).save(f"fig_{kind}_{cm}.png")
    with open(f"t2_results_{'_'.join(KINDS)}.csv", "w", newline="") as fh:
        wr = csv.DictWriter(fh, fieldnames=list(rows[0])); wr.writeheader(); wr.writerows(rows)
    import pandas as pd
    pd.set_option("display.width", 250); pd.set_option("display.max_rows", 500)
    df = pd.DataFrame(rows)
    print(df.drop(columns=["warn"]).to_string())
