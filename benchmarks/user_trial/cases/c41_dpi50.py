import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 25)) * 6 - 3
fig, ax = plt.subplots(figsize=(5, 3.5), dpi=50)
im = ax.imshow(z, cmap="viridis", vmin=-3, vmax=3, extent=(0, 25, 0, 20))
cb = fig.colorbar(im)
save(fig, "c41_dpi50", [from_mappable(fig, ax, im, cb, grid=[20, 25], cells=z)])
