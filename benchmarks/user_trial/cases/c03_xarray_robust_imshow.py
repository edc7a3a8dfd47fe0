import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import xarray as xr
z = rng.normal(size=(25, 35)).cumsum(0) ; z[0, 0] = 40
da = xr.DataArray(z, coords=dict(y=np.arange(25) * 2.0, x=np.arange(35) * 0.5), dims=("y", "x"), name="anomaly", attrs=dict(units="mm"))
fig, ax = plt.subplots(figsize=(6, 4), dpi=110)
m = da.plot.imshow(ax=ax, robust=True, cmap="cividis")
save(fig, "c03_xarray_robust_imshow", [from_mappable(fig, ax, m, m.colorbar, grid=[25, 35], cells=np.clip(z, m.norm.vmin, m.norm.vmax)[::-1])])
