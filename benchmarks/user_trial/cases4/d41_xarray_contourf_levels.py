import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
import xarray as xr
x = np.linspace(0, 10, 120); y = np.linspace(0, 5, 60)
da = xr.DataArray(np.sin(x)[None, :] * np.cos(y)[:, None] * 8, dims=("depth", "dist"), coords=dict(depth=y, dist=x),
                  name="u", attrs=dict(long_name="velocity", units="cm/s"))
fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
cs = da.plot.contourf(ax=ax, levels=9)
cb = cs.colorbar
save4(fig, "d41_xarray_contourf_levels", [from_mappable(fig, ax, cs, cb)], note="xarray contourf, levels=9, stepped bar")
