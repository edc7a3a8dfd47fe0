"""Part 2: contourf with few levels and extend='both' (matplotlib defaults otherwise, with a colorbar), maps viridis,
jet, RdBu_r, magma; levels given as a few numbers (data beyond both ends) or as an int. Decoded three ways a user
would try: (a) the default call with vmin/vmax = the outer levels, (b) norm=BoundaryNorm(levels, 256, extend='both'),
(c) cmap=tp.find_colorbar(figure). Truth: the analytic field at each pixel centre (bilinear on the array) -> its band
(under / 0..n-1 / over); scored on interior pixels >= 3 px from any band edge: share decoded into the right band, holes."""
import warnings, numpy as np, truepix as tp
import matplotlib.pyplot as plt
from matplotlib.colors import BoundaryNorm
from scipy.ndimage import map_coordinates, binary_erosion
import _fig as F

f = F.smooth(120, 160)
print(f"{'map':8}{'levels':22}{'route':9}{'right_band%':>12}{'inner_ok%':>10}{'holes%':>8}{'ext_px%':>8}{'under_ok%':>10}{'over_ok%':>9}{'ext->edge%':>11}  warning / note")
res = {}
for m in ("viridis", "jet", "RdBu_r", "magma"):
    for lev in ([0.15, 0.35, 0.55, 0.75, 0.9], [0.2, 0.4, 0.6, 0.8], 6):
        fg = plt.figure(figsize=(5, 4), dpi=100); ax = fg.add_axes([0.1, 0.1, 0.65, 0.8])
        cs = ax.contourf(f, levels=lev, cmap=m, extend="both"); fg.colorbar(cs)
        pic = F.grab(fg); sl = F.interior(fg, ax)
        H = fg.canvas.get_width_height()[1]
        yy, xx = np.mgrid[sl]
        pts = ax.transData.inverted().transform(np.c_[xx.ravel() + 0.5, H - (yy.ravel() + 0.5)])
        val = map_coordinates(f, [pts[:, 1], pts[:, 0]], order=1, mode="nearest").reshape(yy.shape)
        L = np.asarray(cs.levels); plt.close(fg)
        band = np.searchsorted(L, val, side="right") - 1   # -1 under, len(L)-1 over
        interior = np.ones_like(band, bool)
        for b in np.unique(band):
            interior &= ~((band == b) ^ binary_erosion(band == b, iterations=3, border_value=1))
        for route in ("default", "boundary", "bar"):
            note = ""
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                try:
                    if route == "default":
                        v = tp.decolorize(pic, cmap=m, vmin=L[0], vmax=L[-1])
                    elif route == "boundary":
                        v = tp.decolorize(pic, cmap=m, norm=BoundaryNorm(L, 256, extend="both"))
                    else:
                        bar = tp.find_colorbar(pic)
                        note = f"bar steps={None if bar.boundaries is None else len(bar.boundaries)-1} vmin={bar.vmin} "
                        v = tp.decolorize(pic, cmap=bar, vmin=L[0], vmax=L[-1])
                except Exception as e:
                    print(f"{m:8}{str(lev):22}{route:9} ERROR {type(e).__name__}: {e}"); continue
            if w: note += f"{type(w[0].message).__name__}: {str(w[0].message)[:110]}"
            vv = v[sl]
            got = np.where(np.isnan(vv), -9, np.searchsorted(L, vv, side="right") - 1)
            got = np.where(np.isnan(vv), -9, np.where(np.isclose(vv, L[-1]) & (band == len(L) - 2), len(L) - 2, got))
            ok = (got == band)[interior]
            un = (band == -1) & interior; ov = (band == len(L) - 1) & interior
            uo = 100 * (got == band)[un].mean() if un.any() else np.nan; oo = 100 * (got == band)[ov].mean() if ov.any() else np.nan
            res.setdefault(route, []).append(ok.mean())
            inner = interior & (band >= 0) & (band <= len(L) - 2); ext = interior & ~((band >= 0) & (band <= len(L) - 2))
            io_ = 100 * (got == band)[inner].mean()
            # extension pixels answered inside the first/last band (at vmin/vmax +- a bit) instead of beyond it
            edge = 100 * ((~np.isnan(vv)) & (vv >= L[0]) & (vv <= L[-1]))[ext].mean() if ext.any() else np.nan
            print(f"{m:8}{str(lev):22}{route:9}{100*ok.mean():12.2f}{io_:10.2f}{100*np.isnan(vv)[interior].mean():8.2f}{100*ext.sum()/interior.sum():8.1f}{uo:10.1f}{oo:9.1f}{edge:11.1f}  {note}", flush=True)
print("\nSUMMARY mean right-band share:", {k: round(100 * float(np.mean(v)), 2) for k, v in res.items()}, " min:", {k: round(100 * float(np.min(v)), 2) for k, v in res.items()})
print("load", F.loadavg())
