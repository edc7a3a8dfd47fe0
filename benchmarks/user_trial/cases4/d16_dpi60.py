import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = np.add.outer(np.arange(12), np.arange(16)) * 1.0
fig, ax = plt.subplots(figsize=(6, 4.5), dpi=60)
m = ax.pcolormesh(np.arange(17), np.arange(13), z, cmap="viridis", vmin=0, vmax=26)
cb = fig.colorbar(m)
save4(fig, "d16_dpi60", [from_mappable(fig, ax, m, cb, grid=[12, 16], cells=z[::-1])])
