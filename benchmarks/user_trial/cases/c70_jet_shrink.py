import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 30), np.linspace(0, 1, 30)) * 50
fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
im = ax.imshow(z, cmap="jet", vmin=0, vmax=100, extent=(0, 3, 0, 3))
cb = fig.colorbar(im, shrink=0.5)
save(fig, "c70_jet_shrink", [from_mappable(fig, ax, im, cb, grid=[30, 30], cells=z)])
