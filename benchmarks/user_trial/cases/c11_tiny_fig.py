import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 10), np.linspace(0, 1, 12))
fig, ax = plt.subplots(figsize=(2.2, 1.6), dpi=72)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=2, extent=(0, 12, 0, 10))
cb = fig.colorbar(im)
save(fig, "c11_tiny_fig", [from_mappable(fig, ax, im, cb, grid=[10, 12], cells=z)])
