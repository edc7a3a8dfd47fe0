import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
x = np.round(np.arange(0.1, 3.05, 0.1), 2); y = np.arange(-1.0, 1.01, 0.1)
z = rng.random((y.size, x.size)) * 2 - 1
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = ax.pcolormesh(x, y, z, shading="nearest", cmap="RdGy_r", vmin=-1, vmax=1)
cb = fig.colorbar(m)
save5(fig, "e55_shading_nearest_centres", [from_mappable(fig, ax, m, cb, grid=[y.size, x.size], cells=z[::-1])], note="shading nearest: coordinates are cell centres, edges at half steps")
