"""Part 2: an RGBA PNG with a transparent no-data region: a field with NaN (a 'lake' disc + 3 % scattered NaN +
the outer rows), plt.imsave(path, data, cmap=m, vmin=0, vmax=1) (the bad colour is transparent (0,0,0,0)), read by
Pillow (RGBA uint8), imageio and plt.imread (float32); and a figure: imshow of the same data, savefig(transparent=True)
and savefig() (paper white where NaN). Default call. Reported: NaN pixels -> NaN share (should be 100 %), data pixels:
holes (goal 0), MAE vs truth, share in their own bin; warnings."""
import io, numpy as np, truepix as tp, imageio.v3 as iio
import matplotlib.pyplot as plt
from PIL import Image
from _p2 import c, grab, interior, gray_truth, call, wshort, header, savefig_bytes

header(__doc__.splitlines()[0])
rf = c.real_fields()
rng = np.random.default_rng(3)
fields = {"dem": c.crop(rf["dem_jacksboro"], 256), "bumps": c.smooth_fields(256)["bumps"]}
print(f"{'map':9}{'field':7}{'reader':14}{'dtype':9}{'nodata->NaN%':>13}{'data_holes%':>12}{'tp%':>8}{'own_bin%':>9}  warnings")
for m in ("viridis", "jet", "gray", "RdBu_r"):
    for fn, f in fields.items():
        d = f.copy(); yy, xx = np.mgrid[:256, :256]
        nod = ((yy - 120) ** 2 + (xx - 90) ** 2 < 40 ** 2) | (rng.random(d.shape) < 0.03); nod[:4] = True
        d[nod] = np.nan
        b = io.BytesIO(); plt.imsave(b, d, cmap=m, vmin=0, vmax=1, format="png"); data = b.getvalue()
        reads = {"pillow_RGBA": np.asarray(Image.open(io.BytesIO(data))), "imageio": iio.imread(data),
                 "plt.imread": plt.imread(io.BytesIO(data))}
        for rd, pic in reads.items():
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
            if v is None:
                print(f"{m:9}{fn:7}{rd:14} ERROR {err}"); continue
            own = np.floor(np.clip(f, 0, 1 - 1e-12) * 256); got = np.floor(np.clip(np.nan_to_num(v, nan=-1), 0, 1 - 1e-12) * 256)
            dh = np.isnan(v[~nod]).mean(); e = np.abs(v - f)[~nod]; e[np.isnan(e)] = 1
            print(f"{m:9}{fn:7}{rd:14}{str(pic.dtype):9}{100*np.isnan(v[nod]).mean():13.2f}{100*dh:12.3f}{100*e.mean():8.3f}{100*(got == own)[~nod].mean():9.2f}  {wshort(ws)}", flush=True)
        for transp in (True, False):
            fg = plt.figure(figsize=(4, 4), dpi=100); ax = fg.add_axes([0.05, 0.05, 0.9, 0.9]); ax.set_axis_off()
            art = ax.imshow(d, cmap=m, vmin=0, vmax=1, interpolation="nearest")
            sl = interior(fg, ax); truth = gray_truth(fg, art, sl)
            g = np.asarray(Image.open(io.BytesIO(savefig_bytes(fg, "png", transparent=transp))))
            art.set_cmap(plt.get_cmap("gray").with_extremes(bad="red")); bad = grab(fg)[sl]; plt.close(fg)
            nodp = (bad[..., 0] > 200) & (bad[..., 1] < 60)
            pic = g
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
            rd = f"savefig_t={transp}"
            if v is None:
                print(f"{m:9}{fn:7}{rd:14} ERROR {err}"); continue
            vv = v[sl]; e = np.abs(vv - truth)[~nodp]; e[np.isnan(e)] = 1
            print(f"{m:9}{fn:7}{rd:14}{str(pic.dtype) + str(pic.shape[-1]):9}{100*np.isnan(vv[nodp]).mean():13.2f}{100*np.isnan(vv[~nodp]).mean():12.3f}{100*e.mean():8.3f}{'':>9}  {wshort(ws)}", flush=True)
print("load", c.loadavg())
