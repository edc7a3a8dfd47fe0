import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 24), np.linspace(0, 1, 32)) * 50 - 20
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="inferno", vmin=-20, vmax=80, extent=(0, 32, 0, 24))
cb = fig.colorbar(im, location="left", label="T (°C)")
save(fig, "c09_cbar_left", [from_mappable(fig, ax, im, cb, grid=[24, 32], cells=z)])
