"""Part 2: xarray's DataArray.plot.imshow / .plot.pcolormesh with their DEFAULTS (default figure 6.4x4.8 at dpi 100,
colorbar, xarray's own map choice: viridis for positive data, RdBu_r centred at 0 for signed data), on a smooth field
and a DEM (a small 60x80 array drawn up, a big 480x640 array drawn down). The figure is decoded whole with the default
call and the limits xarray used (vmin/vmax given), and again with cmap=tp.find_colorbar(figure). Scored on the plot
area's interior (3 px in); truth = the same figure redrawn with cmap 'gray' (same resampling; 8-bit)."""
import warnings, numpy as np, xarray as xr, truepix as tp
import matplotlib.pyplot as plt
import _fig as F, _common as c

dem = c.real_fields()["dem_jacksboro"]
fields = {"smooth": F.smooth(480, 640), "dem": c.norm01(dem)[:480, :640] if dem.shape[0] >= 480 else None}
if fields["dem"] is None or fields["dem"].shape != (480, 640):
    import cv2; fields["dem"] = cv2.resize(c.norm01(dem).astype(np.float32), (640, 480), interpolation=cv2.INTER_AREA).astype(np.float64)
print(f"{'plot':11}{'field':8}{'size':8}{'sign':7}{'cmap':8}{'route':6}{'holes%':>8}{'tp_mae%':>9}{'kd_mae%':>9}{'ratio':>7}{'tp_p99':>8}{'kd_p99':>8}  notes")
rows = []
for fname, f0 in fields.items():
    for size in ("small", "big"):
        f = f0[::8, ::8] if size == "small" else f0
        for sign in ("pos", "signed"):
            data = 3000 * f + 200 if sign == "pos" else 40 * (f - 0.45)
            da = xr.DataArray(data, dims=("lat", "lon"), coords={"lat": np.linspace(30, 40, f.shape[0]), "lon": np.linspace(-100, -85, f.shape[1])}, name="z")
            for plot in ("imshow", "pcolormesh"):
                fg, ax = plt.subplots()
                art = getattr(da.plot, plot)(ax=ax)
                cm = art.get_cmap().name; vmin, vmax = art.norm.vmin, art.norm.vmax
                pic = F.grab(fg); sl = F.interior(fg, ax)
                truth = F.gray_truth(fg, art, sl); plt.close(fg)
                base = F.kd(cm)
                for route in ("name", "bar"):
                    note = ""
                    with warnings.catch_warnings(record=True) as w:
                        warnings.simplefilter("always")
                        try:
                            if route == "name":
                                v = tp.decolorize(pic, cmap=cm, vmin=vmin, vmax=vmax)
                            else:
                                bar = tp.find_colorbar(pic)
                                note = f"bar={None if bar is None else (bar.colormap_entry().name if bar.colormap_entry() else 'custom')} bar.vmin={None if bar is None else bar.vmin}"
                                v = tp.decolorize(pic, cmap=bar, vmin=vmin, vmax=vmax)
                        except Exception as e:
                            print(f"{plot:11}{fname:8}{size:8}{sign:7}{cm:8}{route:6} ERROR {type(e).__name__}: {e}"); continue
                    if w: note += f" warn: {str(w[0].message)[:80]}"
                    est = (v[sl] - vmin) / (vmax - vmin)
                    mt, pt, ht = F.score(est, truth); mb, pb, _ = F.score(base(pic[sl]), truth)
                    rows.append((plot, fname, size, sign, route, mt, mb, ht, pt, pb))
                    print(f"{plot:11}{fname:8}{size:8}{sign:7}{cm:8}{route:6}{100*ht:8.3f}{100*mt:9.3f}{100*mb:9.3f}{mt/mb:7.2f}{100*pt:8.2f}{100*pb:8.2f}  {note}", flush=True)
print("\nSUMMARY by route: ratio sum tp / sum kd; holes max")
for route in ("name", "bar"):
    rr = [r for r in rows if r[4] == route]
    print(f"  {route}: ratio {sum(r[5] for r in rr)/sum(r[6] for r in rr):.3f}  holes max {100*max(r[7] for r in rr):.3f}%  cases >0.2% holes {sum(r[7] > .002 for r in rr)}/{len(rr)}  p99 worse {sum(r[8] > r[9]*1.001 for r in rr)}/{len(rr)}")
print("load", F.loadavg())
