import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import xarray as xr
z = np.stack([np.add.outer(np.linspace(0, 1, 10), np.linspace(0, 1, 15)) * (k + 1) for k in range(3)])
da = xr.DataArray(z, dims=("time", "y", "x"), coords=dict(time=[1, 2, 3], y=np.arange(10.0), x=np.arange(15.0)), name="precip", attrs=dict(units="mm/day"))
g = da.plot(col="time", cmap="Blues", vmin=0, vmax=3)
fig = g.fig; fig.set_dpi(100)
m = g.axs.flat[0].collections[0]; cb = g.cbar
ps = [from_mappable(fig, ax, m, cb, grid=[10, 15], cells=z[k][::-1]) for k, ax in enumerate(g.axs.flat)]
save(fig, "c53_xarray_facets", ps)
