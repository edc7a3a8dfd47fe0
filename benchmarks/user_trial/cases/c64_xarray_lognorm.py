import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import xarray as xr
from matplotlib.colors import LogNorm
z = 10 ** np.add.outer(np.linspace(0, 2, 15), np.linspace(0, 2, 20))
da = xr.DataArray(z, dims=("depth", "dist"), coords=dict(depth=np.arange(15) * 10.0, dist=np.arange(20) * 5.0), name="conc", attrs=dict(units="mg/L"))
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
m = da.plot(ax=ax, norm=LogNorm(1, 1e4), cmap="viridis")
save(fig, "c64_xarray_lognorm", [from_mappable(fig, ax, m, m.colorbar, grid=[15, 20], cells=z[::-1])])
