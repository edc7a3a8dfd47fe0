import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import xarray as xr
z = np.add.outer(np.linspace(0, 3, 20), np.linspace(-1, 1, 30)) * 10 + 280
da = xr.DataArray(z, coords=dict(lat=np.linspace(-45, 50, 20), lon=np.linspace(0, 290, 30)), dims=("lat", "lon"),
                  name="t2m", attrs=dict(long_name="air temperature", units="K"))
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = da.plot(ax=ax, cmap="plasma")
# pcolormesh cells centred on coords: edges at half steps
save(fig, "c02_xarray_pcolormesh", [from_mappable(fig, ax, m, m.colorbar, grid=[20, 30], cells=z[::-1])])
