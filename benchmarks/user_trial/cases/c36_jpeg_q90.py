import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.sin(np.linspace(0, 3, 40)), np.linspace(0, 1, 50)) * 4
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=-1, vmax=8, extent=(0, 50, 0, 40))
cb = fig.colorbar(im)
save(fig, "c36_jpeg_q90", [from_mappable(fig, ax, im, cb, grid=[40, 50], cells=z)], fmt="jpg", quality=90)
