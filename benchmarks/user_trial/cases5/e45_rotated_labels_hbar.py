import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
z = rng.random((10, 24)) * 1e4
fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
m = ax.pcolormesh(np.arange(2000, 2025), np.arange(0, 11), z, cmap="OrRd", vmin=0, vmax=1e4)
ax.tick_params(axis="x", labelrotation=45)
cb = fig.colorbar(m, orientation="horizontal", pad=0.18)
cb.ax.tick_params(labelrotation=45)
save5(fig, "e45_rotated_labels_hbar", [from_mappable(fig, ax, m, cb, grid=[10, 24], cells=z[::-1])], note="x labels and horizontal-bar labels rotated 45 degrees")
