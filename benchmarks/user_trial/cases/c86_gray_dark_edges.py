import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 25), np.abs(np.linspace(-1, 1, 35)))
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="gray", vmin=0, vmax=2, extent=(0, 35, 0, 25))
cb = fig.colorbar(im)
save(fig, "c86_gray_dark_edges", [from_mappable(fig, ax, im, cb, grid=[25, 35], cells=z)])
