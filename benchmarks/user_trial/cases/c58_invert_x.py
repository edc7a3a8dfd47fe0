import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 30)) * 9
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
m = ax.pcolormesh(np.arange(31) * 2, np.arange(21), z, cmap="viridis", vmin=0, vmax=18); ax.invert_xaxis()
cb = fig.colorbar(m)
save(fig, "c58_invert_x", [from_mappable(fig, ax, m, cb, grid=[20, 30], cells=z[::-1, ::-1])])
