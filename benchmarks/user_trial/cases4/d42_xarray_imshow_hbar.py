import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
import xarray as xr
da = xr.DataArray(rng.random((40, 50)) * 0.3 + 0.1, dims=("y", "x"), coords=dict(y=np.arange(40) * 30.0, x=np.arange(50) * 30.0),
                  name="ndvi", attrs=dict(long_name="NDVI", units="1"))
fig, ax = plt.subplots(figsize=(7, 6), dpi=100)
im = da.plot.imshow(ax=ax, cmap="YlGn", vmin=0, vmax=0.5, cbar_kwargs=dict(orientation="horizontal", shrink=0.8))
cb = im.colorbar
save4(fig, "d42_xarray_imshow_hbar", [from_mappable(fig, ax, im, cb, grid=[40, 50], cells=da.values[::-1])])
