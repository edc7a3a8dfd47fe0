import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import xarray as xr
z = rng.random((18, 22)) * 6 - 3
da = xr.DataArray(z, dims=("pressure", "lat"), coords=dict(pressure=np.linspace(100, 1000, 18), lat=np.linspace(-60, 60, 22)), name="u", attrs=dict(units="m s-1", long_name="zonal wind"))
fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
m = da.plot(ax=ax, yincrease=False, cmap="RdBu_r", vmin=-3, vmax=3)
save(fig, "c65_xarray_yincrease_false", [from_mappable(fig, ax, m, m.colorbar, grid=[18, 22], cells=z)])
