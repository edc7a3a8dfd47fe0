import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 30)) * 2.5 + 3
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=3, vmax=8, extent=(0, 30, 0, 20))
cb = fig.colorbar(im, ticks=[3, 8])
save(fig, "c61_two_ticks_only", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=z)])
