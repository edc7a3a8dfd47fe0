"""Part 2: xarray DataArray.plot.imshow / .plot.pcolormesh with xarray's defaults (viridis for positive data, RdBu_r
centred for signed), a 480x640 DEM and a smooth field, saved with fig.savefig as PNG and as JPEG (format='jpg',
Pillow's default quality) -- trial 46's t20 grabbed the canvas only. Decoded with cmap=tp.find_colorbar(figure) alone
(as the README shows), then with the limits added if it needs them; and by name. Truth: gray redraw; plot interior."""
import io, numpy as np, cv2, xarray as xr, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p3 import c, F, call, header, kd, row, summary, HEAD, wshort

header(__doc__.splitlines()[0])
dem = c.real_fields()["dem_jacksboro"]
fields = {"smooth": F.smooth(480, 640), "dem": cv2.resize(c.norm01(dem).astype(np.float32), (640, 480), interpolation=cv2.INTER_AREA).astype(np.float64)}
print(HEAD); rows = []
for fn, f in fields.items():
    for sign in ("pos", "signed"):
        data = 3000 * f + 200 if sign == "pos" else 40 * (f - 0.45)
        da = xr.DataArray(data, dims=("lat", "lon"), coords={"lat": np.linspace(30, 40, 480), "lon": np.linspace(-100, -85, 640)}, name="z")
        for plot in ("imshow", "pcolormesh"):
            fg, ax = plt.subplots(); art = getattr(da.plot, plot)(ax=ax)
            m = art.get_cmap().name; lo, hi = art.norm.vmin, art.norm.vmax
            sl = F.interior(fg, ax); truth = F.gray_truth(fg, art, sl)
            for fmt in ("png", "jpg"):
                b = io.BytesIO(); fg.savefig(b, format=fmt); pic = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
                base = kd(m)(pic[sl])
                for route in ("name", "bar"):
                    note = ""
                    if route == "bar":
                        bar, err, _ = call(lambda: tp.find_colorbar(pic))
                        if bar is None: print(f"{fn} {plot} {fmt} find_colorbar None {err}"); continue
                        note = f"bar={getattr(bar.colormap_entry(), 'name', 'custom')} bar.vmin={bar.vmin}"
                        v, err, ws = call(lambda: tp.decolorize(pic, cmap=bar))
                        if v is None:
                            note += f" [alone: {err[:70]}]"; kw = dict(cmap=bar, vmin=lo, vmax=hi)
                        else: kw = dict(cmap=bar)
                    else: kw = dict(cmap=m, vmin=lo, vmax=hi)
                    v, err, ws = call(lambda: tp.decolorize(pic, **kw))
                    if v is None: print(f"{fn} {plot} {fmt} {route} ERROR {err}"); continue
                    res = tp.Decolorizer(kw["cmap"], **{k: x for k, x in kw.items() if k != "cmap"}).decode(pic)
                    r = row(f"{plot:11}{fn:7}{sign:7}{m:8}{fmt:4}{route:5}{note}", (v[sl] - lo) / (hi - lo), truth, base, res, ws)
                    rows.append((fmt, route, plot) + r[1:])
            plt.close(fg)
summary(rows, lambda r: (r[0], r[1]), "by format, route")
summary(rows, lambda r: (r[0], r[2]), "by format, plot")
