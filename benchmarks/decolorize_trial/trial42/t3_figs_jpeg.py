"""(3) JPEG'd whole figures with margins: matplotlib savefig JPEG, xarray DataArray.plot, pandas
DataFrame.plot(kind='hexbin')/seaborn heatmap; decode the whole figure with the default call, time
3 warm calls, score the plot area where truth is known."""
import numpy as np, xarray as xr, pandas as pd, seaborn as sns
from common import *
import truepix as tp
fl = fields(256); F = fl["terrain"]; vmin, vmax = float(F.min()), float(F.max())

def placed_fig(cmap, w=640, h=480, dpi=100, extend=None):
    fig = plt.figure(figsize=(w / dpi, h / dpi), dpi=dpi)
    ax = fig.add_axes([80 / w, 60 / h, 256 * dpi / 100 / w, 256 * dpi / 100 / h])
    im = ax.imshow(F, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest"); ax.set_title("terrain [m]")
    ax.contour(F, levels=5, colors="k", linewidths=0.8)
    cax = fig.add_axes([(80 + 256 * dpi / 100 + 20) / w, 60 / h, 15 / w, 256 * dpi / 100 / h]); fig.colorbar(im, cax=cax, extend=extend or "neither", label="height")
    return fig

def run(tag, pic, cmap, vmn, vmx, crop=None, truth=None, n=3):
    times = []; W = []
    for i in range(n):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            t = time.perf_counter()
            try: v = tp.decolorize(pic, cmap=cmap, vmin=vmn, vmax=vmx)
            except Exception as e: print(tag, "ERROR", type(e).__name__, str(e)[:200]); return
            times.append(time.perf_counter() - t); W = [f"{x.category.__name__}: {str(x.message)[:200]}" for x in w]
    mp = pic.shape[0] * pic.shape[1] / 1e6
    s = f"{tag:34s} {pic.shape[1]}x{pic.shape[0]} times {' '.join(f'{t:.2f}' for t in times)} s ({mp/min(times):.2f} MP/s warm) NaN(all) {np.isnan(v).mean():.1%}"
    if crop is not None:
        m = metrics(v[crop], truth, vmn, vmx, np.isfinite(truth)); bl = metrics(baseline(pic[crop], cmap, vmn, vmx), truth, vmn, vmx)
        s += f" | plot area NaN {m['nan']:.2f}% meanH {m['mean_h']:.3f} p99H {m['p99_h']:.2f} kd {bl['mean']:.3f} ratio {m['mean_h']/bl['mean']:.2f}"
    print(s, flush=True)
    for x in W: print("    W", x)

for cmap in ["viridis", "jet"]:
    fig = placed_fig(cmap); png = savefig_arr(fig, "png"); jpg = savefig_arr(fig, "jpg", pil_kwargs={"quality": 85}); plt.close(fig)
    H = png.shape[0]; crop = (slice(H - 60 - 256 + 2, H - 60 - 2), slice(80 + 2, 80 + 256 - 2)); truth = F[2:-2, 2:-2].copy(); assert png[H - 60 - 256:H - 60, 80:336].shape == (256, 256, 3)
    # contour lines are not data: mask pixels where the PNG is off-map (k-d distance > 3 DN)
    from scipy.spatial import cKDTree
    d, _ = cKDTree(table(cmap).astype(float)).query(png[crop].reshape(-1, 3).astype(float)); truth[(d > 3).reshape(truth.shape)] = np.nan
    print(f"{cmap}: contour/strokes masked {np.isnan(truth).mean():.1%} of the plot area")
    run(f"{cmap} savefig png 640x480", png, cmap, vmin, vmax, crop, truth)
    run(f"{cmap} savefig jpg85 640x480", jpg, cmap, vmin, vmax, crop, truth)
    fig = placed_fig(cmap, 1280, 960, 200); jpg2 = savefig_arr(fig, "jpg", dpi=200, pil_kwargs={"quality": 85}); plt.close(fig)
    run(f"{cmap} savefig jpg85 dpi200", jpg2, cmap, vmin, vmax, n=2)
    # xarray
    da = xr.DataArray(F, dims=("y", "x"), coords={"y": np.arange(256), "x": np.arange(256)}, name="height")
    fig = plt.figure(figsize=(6, 4), dpi=100); da.plot(cmap=cmap, vmin=vmin, vmax=vmax); xj = savefig_arr(fig, "jpg", pil_kwargs={"quality": 85}); plt.close(fig)
    run(f"{cmap} xarray jpg85 600x400", xj, cmap, vmin, vmax)
    # pandas hexbin (data truth unknown: timing + NaN only)
    rng = np.random.default_rng(0); df = pd.DataFrame({"x": rng.normal(size=20000), "y": rng.normal(size=20000)}); df["z"] = df.x * df.y
    ax = df.plot.hexbin(x="x", y="y", C="z", gridsize=30, cmap=cmap, figsize=(6, 4.5)); hj = savefig_arr(ax.figure, "jpg", pil_kwargs={"quality": 85}); plt.close(ax.figure)
    coll = ax.collections[0]; a = coll.get_array(); run(f"{cmap} pandas hexbin jpg85", hj, cmap, float(a.min()), float(a.max()), n=2)
    # seaborn heatmap of a 40x40 field
    small = F[::6, ::6][:40, :40]
    fig = plt.figure(figsize=(6, 5), dpi=100); sns.heatmap(small, cmap=cmap, vmin=vmin, vmax=vmax, annot=False); sj = savefig_arr(fig, "jpg", pil_kwargs={"quality": 85}); plt.close(fig)
    run(f"{cmap} seaborn heatmap jpg85", sj, cmap, vmin, vmax, n=2)
