"""Part 1 follow-up to t21 (trial 46's script counts an under pixel answered exactly at levels[0] as band 0, so its
under_ok column reads 0 even when the decoder does what the README says): the same contourf figures, routes
'boundary' (norm=BoundaryNorm(levels, 256, extend='both')) and 'bar' (cmap=find_colorbar, vmin/vmax = outer levels),
through Decolorizer.decode: share of under / over region pixels with .under / .over set, their values (== outer level?),
and inner-band pixels wrongly marked."""
import numpy as np, truepix as tp
import matplotlib.pyplot as plt
from matplotlib.colors import BoundaryNorm
from scipy.ndimage import map_coordinates, binary_erosion
from _p2 import grab, interior, smooth, call, wshort, header

header(__doc__.splitlines()[0])
f = smooth(120, 160)
print(f"{'map':8}{'levels':30}{'route':9}{'under_marked%':>14}{'under_at_L0%':>13}{'over_marked%':>13}{'over_at_Ln%':>12}{'inner_marked%':>14}  warnings")
for m in ("viridis", "jet", "RdBu_r", "magma"):
    for lev in ([0.15, 0.35, 0.55, 0.75, 0.9], [0.2, 0.4, 0.6, 0.8], 6):
        fg = plt.figure(figsize=(5, 4), dpi=100); ax = fg.add_axes([0.1, 0.1, 0.65, 0.8])
        cs = ax.contourf(f, levels=lev, cmap=m, extend="both"); fg.colorbar(cs)
        pic = grab(fg); sl = interior(fg, ax); H = fg.canvas.get_width_height()[1]
        yy, xx = np.mgrid[sl]
        pts = ax.transData.inverted().transform(np.c_[xx.ravel() + 0.5, H - (yy.ravel() + 0.5)])
        val = map_coordinates(f, [pts[:, 1], pts[:, 0]], order=1, mode="nearest").reshape(yy.shape)
        L = np.asarray(cs.levels); plt.close(fg)
        band = np.searchsorted(L, val, side="right") - 1
        inn = np.ones_like(band, bool)
        for b in np.unique(band):
            inn &= ~((band == b) ^ binary_erosion(band == b, iterations=3, border_value=1))
        un = (band == -1) & inn; ov = (band == len(L) - 1) & inn; mid = inn & ~un & ~ov
        for route in ("boundary", "bar"):
            if route == "boundary":
                r, err, ws = call(lambda: tp.Decolorizer(m, norm=BoundaryNorm(L, 256, extend="both")).decode(pic))
            else:
                bar = tp.find_colorbar(pic)
                r, err, ws = call(lambda: tp.Decolorizer(bar, vmin=L[0], vmax=L[-1]).decode(pic))
            if r is None:
                print(f"{m:8}{str(lev):30}{route:9} ERROR {err}"); continue
            v, U, O = r.values[sl], r.under[sl], r.over[sl]
            print(f"{m:8}{str(list(np.round(L, 3))):30}{route:9}{100*U[un].mean():14.1f}{100*np.isclose(v[un], L[0]).mean():13.1f}{100*O[ov].mean():13.1f}"
                  f"{100*np.isclose(v[ov], L[-1]).mean():12.1f}{100*(U | O)[mid].mean():14.2f}  {wshort(ws)}", flush=True)
