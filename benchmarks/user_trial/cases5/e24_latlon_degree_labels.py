import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
from matplotlib.ticker import FuncFormatter
lon = np.linspace(-180, 180, 37); lat = np.linspace(-90, 90, 19)
z = np.cos(np.deg2rad(lat[:-1] + 5))[:, None] * 3 * np.sin(np.deg2rad(lon[:-1] + 5))[None] + rng.standard_normal((18, 36)) * 0.3
z = np.clip(z, -3, 3)
fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
m = ax.pcolormesh(lon, lat, z, cmap="RdBu_r", vmin=-3, vmax=3)
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, p: f"{abs(v):.0f}°" + ("W" if v < 0 else "E" if v > 0 else "")))
ax.yaxis.set_major_formatter(FuncFormatter(lambda v, p: f"{abs(v):.0f}°" + ("S" if v < 0 else "N" if v > 0 else "")))
ax.set_xticks(np.arange(-180, 181, 60)); ax.set_yticks(np.arange(-90, 91, 30))
cb = fig.colorbar(m, label="SST anomaly (K)")
save5(fig, "e24_latlon_degree_labels", [from_mappable(fig, ax, m, cb, grid=[18, 36], cells=z[::-1])], note="lon/lat labels 120°W ... 60°S: truth in signed degrees (W and S negative)")
