import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
z = rng.random((16, 24)) * 6
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = ax.pcolormesh(z, cmap="viridis", vmin=0, vmax=6)
ax.set_axisbelow(False); ax.grid(True, color="w", lw=1, alpha=0.8)
cb = fig.colorbar(m)
save5(fig, "e47_gridlines_over_heatmap", [from_mappable(fig, ax, m, cb, grid=[16, 24], cells=z[::-1])], note="white grid lines drawn over the heatmap at the major ticks")
