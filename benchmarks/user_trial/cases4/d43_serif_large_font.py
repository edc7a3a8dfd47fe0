import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
plt.rcParams.update({"font.family": "serif", "font.size": 14})
z = rng.random((12, 16)) * 600 + 200
fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
m = ax.pcolormesh(np.arange(0, 17) * 5, np.arange(0, 13) * 2, z, cmap="viridis", vmin=200, vmax=800)
cb = fig.colorbar(m, label="ppm")
save4(fig, "d43_serif_large_font", [from_mappable(fig, ax, m, cb, grid=[12, 16], cells=z[::-1])])
