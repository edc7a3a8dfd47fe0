import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
import xarray as xr
z = smooth(30, 40, 0, 50); z[3, 5] = 500; z[20, 30] = -300
da = xr.DataArray(z, coords=dict(y=np.arange(30) * 2.0, x=np.arange(40) * 0.5), dims=("y", "x"), name="chl", attrs=dict(units="mg/m3"))
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = da.plot.pcolormesh(ax=ax, robust=True)
save5(fig, "e23_xarray_robust_pcolormesh", [from_mappable(fig, ax, m, m.colorbar, grid=[30, 40], cells=np.clip(z, m.norm.vmin, m.norm.vmax)[::-1])], note="xarray robust=True: 2/98 percentile limits, extend both, outliers clipped")
