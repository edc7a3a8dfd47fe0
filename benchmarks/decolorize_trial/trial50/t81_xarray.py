"""Part 2: xarray. A 2-D DataArray 'temperature' [K] on lat (60) x lon (120) coords (a smooth field + the DEM's texture),
DataArray.plot() (pcolormesh, auto colorbar with the label), .plot.imshow(), .plot.contourf(levels=10); savefig PNG and
JPEG q75 (dpi 100). read_figure -> values vs the array: each read value compared with the array's value at the nearest
(lat, lon) of the read coordinates (contourf: the share of values in the right band, levels from the QuadContourSet).
Also the DEFAULT decolorize(fig, cmap=name, vmin, vmax) on the plot area vs the gray-redraw truth and the k-d tree."""
import numpy as np, matplotlib.pyplot as plt, matplotlib as mpl, xarray as xr, truepix as tp
from _p5 import c, F, kd, call, wshort, header, cpu, fig_truth, mscore, line, LHEAD, rf_pixels

header(__doc__.splitlines()[0])
lat = np.linspace(-60, 60, 60); lon = np.linspace(-180, 178, 120)
f = 0.7 * F.smooth(60, 120, seed=4) + 0.3 * np.asarray(__import__("cv2").resize(c.real_fields(512)["dem_jacksboro"].astype(np.float32), (120, 60)), float)
data = 250 + 60 * (f - f.min()) / (f.max() - f.min())
da = xr.DataArray(data, coords={"lat": lat, "lon": lon}, dims=("lat", "lon"), name="temperature", attrs={"units": "K"})
print(LHEAD); summ = []
for kind in ("plot", "imshow", "contourf"):
    fg, ax = plt.subplots()
    art = {"plot": lambda: da.plot(ax=ax), "imshow": lambda: da.plot.imshow(ax=ax), "contourf": lambda: da.plot.contourf(ax=ax, levels=10)}[kind]()
    lo, hi = art.norm.vmin, art.norm.vmax; m = art.get_cmap().name
    levels = getattr(art, "levels", None)
    print(f"# {kind}: artist {type(art).__name__} cmap {m} (N={art.get_cmap().N}) norm {type(art.norm).__name__} {lo:.3f}..{hi:.3f} levels {None if levels is None else np.round(levels, 2).tolist()}", flush=True)
    for fmt in ("png", "jpg"):
        pic, (sl,), (truth,), raw = fig_truth(fg, [art], fmt)
        tag = f"{kind} {fmt}"
        if kind != "contourf":
            base = kd("viridis")(pic[sl])
            v, err, ws = call(lambda: tp.decolorize(pic, cmap="viridis", vmin=lo, vmax=hi))
            if v is None: print(f"{tag:46}ERROR {err}")
            else: line(tag + " decolorize name", (v[sl] - lo) / (hi - lo), truth, base, "", ws)
        t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(raw)); dt = cpu() - t0
        if rd is None or not rd.panels: print(f"    read_figure: {err or 'no panels'} | {wshort(ws)}"); continue
        p = rd.panels[0]; a = p.data.attrs; d = p.data
        print(f"    read_figure ({dt:.1f} s): panels {len(rd.panels)} cmap {a.get('cmap')} norm {a.get('norm')} vmin {a.get('vmin')} vmax {a.get('vmax')} units {a.get('units')!r} grid {p.grid} "
              f"x {float(d.x[0]):.1f}..{float(d.x[-1]):.1f} y {float(d.y[0]):.1f}..{float(d.y[-1]):.1f} conf {a.get('confidence')} doubts {str(a.get('doubts'))[:160]!r} | {wshort(ws)}", flush=True)
        # compare each read value with the array at the nearest coords
        yy = np.asarray(d.y, float); xx = np.asarray(d.x, float)
        iy = np.clip(np.round((yy - lat[0]) / (lat[1] - lat[0])).astype(int), 0, len(lat) - 1)
        ix = np.clip(np.round((xx - lon[0]) / (lon[1] - lon[0])).astype(int), 0, len(lon) - 1)
        ref = data[np.ix_(iy, ix)]; val = np.asarray(d.values, float)
        inside = ((yy >= lat[0]) & (yy <= lat[-1]))[:, None] & ((xx >= lon[0]) & (xx <= lon[-1]))[None, :]
        holes = float(np.isnan(val[inside]).mean())
        if kind == "contourf":
            lv = np.asarray(levels); band_ref = np.searchsorted(lv, ref) ; band_val = np.searchsorted(lv, val)
            ok = (band_ref == band_val)[inside & np.isfinite(val)]
            near = (np.abs(band_ref - band_val) <= 1)[inside & np.isfinite(val)]
            print(f"    read_figure vs array: holes {100*holes:.3f}% in the right band {100*ok.mean():.1f}% (within one band {100*near.mean():.1f}%) of {int(inside.sum())} values", flush=True)
            summ.append((tag, holes, ok.mean()))
        else:
            e = np.abs(val - ref)[inside & np.isfinite(val)] / (hi - lo)
            cellbin = 1 / 256
            print(f"    read_figure vs array (nearest cell): holes {100*holes:.3f}% MAE {100*e.mean():.3f}% of range p99 {100*np.percentile(e, 99):.2f}% max {100*e.max():.2f}% within a bin {100*(e <= cellbin).mean():.1f}% of {int(inside.sum())} values", flush=True)
            summ.append((tag, holes, e.mean()))
    plt.close(fg)
print("\nSUMMARY read_figure vs array:", summ)
