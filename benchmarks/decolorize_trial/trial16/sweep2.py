"""Figures: imshow / pcolormesh / pcolor / contourf / seaborn heatmap, savefig PNG/JPEG at several dpi,
axes area cropped by the user; default tp.decolorize vs k-d tree."""
import sys, warnings, time
import numpy as np
from _h import *
import truepix as tp

maps = sys.argv[1].split(",") if len(sys.argv) > 1 else ["jet", "viridis", "turbo", "gray", "twilight", "coolwarm", "magma", "RdBu"]
rng = np.random.default_rng(3)
F = fields(64)
cells = np.round(F["terrain"][:24, :32] * 99)  # integer counts 0..99


def draw(kind, cm, dpi, fmt):
    fig = plt.figure(figsize=(5, 4), dpi=dpi)
    ax = fig.add_axes([0.12, 0.1, 0.7, 0.8])
    if kind == "imshow":
        m = ax.imshow(F["camera"], cmap=cm, vmin=0, vmax=1, aspect="auto", interpolation="nearest")
        data = F["camera"]
    elif kind in ("pcolormesh", "pcolor"):
        m = getattr(ax, kind)(cells, cmap=cm, vmin=0, vmax=99)
        data = cells
    elif kind == "heatmap":
        import seaborn as sns
        sns.heatmap(cells, cmap=cm, vmin=0, vmax=99, ax=ax, cbar=False, xticklabels=False, yticklabels=False)
        data = cells
    elif kind == "contourf":
        m = ax.contourf(F["smooth"], levels=10, cmap=cm)
        data = None
    if kind != "heatmap":
        ax.set_xticks([]); ax.set_yticks([])
    for s in ax.spines.values():
        s.set_visible(False)
    fig.canvas.draw()
    bb = ax.get_window_extent()
    img = fig_bytes(fig, fmt, dpi)
    H = img.shape[0]
    x0, x1 = int(np.ceil(bb.x0)) + 1, int(np.floor(bb.x1)) - 1
    y0, y1 = H - int(np.floor(bb.y1)) + 1, H - int(np.ceil(bb.y0)) - 1
    crop = img[y0:y1, x0:x1]
    return crop, data, (bb.x0, bb.x1, H - bb.y1, H - bb.y0, x0, y0)


def truth_of(data, crop, geo, kind):
    bx0, bx1, by0, by1, x0, y0 = geo
    h, w = crop.shape[:2]
    ys = (np.arange(h) + y0 + 0.5 - by0) / (by1 - by0)
    xs = (np.arange(w) + x0 + 0.5 - bx0) / (bx1 - bx0)
    ny, nx = data.shape
    iy = np.clip((ys * ny).astype(int), 0, ny - 1)
    ix = np.clip((xs * nx).astype(int), 0, nx - 1)
    if kind in ("pcolormesh", "pcolor"):   # origin lower
        iy = ny - 1 - iy
    t = data[np.ix_(iy, ix)]
    # interior mask: 1.5 px away from cell edges
    fy = ys * ny; fx = xs * nx
    dy = np.minimum(fy - np.floor(fy), np.ceil(fy) - fy) * (by1 - by0) / ny
    dx = np.minimum(fx - np.floor(fx), np.ceil(fx) - fx) * (bx1 - bx0) / nx
    m = (dy[:, None] > 1.5) & (dx[None, :] > 1.5)
    return t, m

print(f"{'map':9s} {'kind':10s} {'dpi':>4s} {'fmt':4s} {'nan%':>6s} {'meanH%':>7s} {'kd%':>6s} {'ratio':>5s} {'max%':>6s} {'maxbin':>6s} {'int_exact%':>9s} flags")
for cm in maps:
    for kind in ("imshow", "pcolormesh", "pcolor", "heatmap", "contourf"):
        for dpi in (72, 100, 150):
            for fmt in ("png", "jpg"):
                crop, data, geo = draw(kind, cm, dpi, fmt)
                vmax = 1 if kind == "imshow" else 99
                with warnings.catch_warnings(record=True) as w:
                    warnings.simplefilter("always")
                    try:
                        if kind == "contourf":
                            v = tp.decolorize(crop, cmap=cm, vmin=0, vmax=1)
                        else:
                            v = tp.decolorize(crop, cmap=cm, vmin=0, vmax=vmax, step=(1 if vmax == 99 else None))
                    except Exception as e:
                        print(cm, kind, dpi, fmt, "EXC", type(e).__name__, str(e)[:200]); continue
                fl = [f"WARN:{x.category.__name__}:{str(x.message)[:90]}" for x in w]
                if kind == "contourf":
                    nan = 100 * np.isnan(v).mean()
                    print(f"{cm:9s} {kind:10s} {dpi:4d} {fmt:4s} {nan:6.2f}" + ("  HOLES" if nan > 0.2 else "") + " " + " ".join(fl), flush=True)
                    continue
                t, m = truth_of(data, crop, geo, kind)
                if kind == "imshow":
                    m = np.ones_like(m)  # imshow resampled: truth approximate, nearest
                s = score(v / vmax, (t + (0 if kind == "imshow" else 0.0)) / vmax, m)
                kdv = kd_baseline(crop, cm) * vmax
                if vmax == 99:
                    kdv = np.round(kdv - 0.5)  # user rounds to int
                kd = score(kdv / vmax, t / vmax, m)
                ie = 100 * np.mean(v[m] == t[m]) if vmax == 99 else float("nan")
                r = s["mean_h"] / max(kd["mean_h"], 1e-9)
                if s["nan"] > 0.2: fl.append("HOLES")
                if r > 1.0: fl.append("WORSE_KD")
                if fmt == "png" and vmax == 99 and ie < 100: fl.append("INT_NOT_EXACT")
                print(f"{cm:9s} {kind:10s} {dpi:4d} {fmt:4s} {s['nan']:6.2f} {s['mean_h']:7.3f} {kd['mean_h']:6.3f} {r:5.2f} {s['max']:6.2f} {s['max_bins']:6.2f} {ie:9.2f} {' '.join(fl)}", flush=True)
