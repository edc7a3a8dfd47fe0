import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
from matplotlib.colors import TwoSlopeNorm
lon = np.linspace(-180, 180, 73); lat = np.linspace(-90, 90, 37)
L, P = np.meshgrid((lon[:-1] + lon[1:]) / 2, (lat[:-1] + lat[1:]) / 2)
z = 2.5 * np.cos(np.radians(P)) ** 2 * np.sin(np.radians(L) * 2) + 0.4 * rng.standard_normal(L.shape) + 1.5
fig, ax = plt.subplots(figsize=(9, 4.5), dpi=100)
m = ax.pcolormesh(lon, lat, z, cmap="RdBu_r", norm=TwoSlopeNorm(0, -3, 6))
cb = fig.colorbar(m, ax=ax, label="temperature anomaly (°C)", extend="both")
ax.set_xlabel("longitude"); ax.set_ylabel("latitude")
save4(fig, "d01_twoslope_temp_anomaly", [from_mappable(fig, ax, m, cb, grid=[36, 72], cells=np.clip(z, -3, 6)[::-1])])
