import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
import xarray as xr
lat = np.arange(20, 61, 2.5); lon = np.arange(200, 331, 2.5)
t = 300 - 0.9 * (lat[:, None] - 20) + 3 * np.sin(lon[None, :] / 15)
da = xr.DataArray(t, dims=("lat", "lon"), coords=dict(lat=lat, lon=lon), name="air",
                  attrs=dict(long_name="Air temperature", units="K"))
fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
m = da.plot(ax=ax)
cb = m.colorbar
save4(fig, "d05_xarray_auto_label", [from_mappable(fig, ax, m, cb, grid=[len(lat), len(lon)], cells=t[::-1])])
