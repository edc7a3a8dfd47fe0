import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
plt.style.use("fivethirtyeight")
z = np.add.outer(np.linspace(0, 1, 15), np.linspace(0, 1, 20)) * 30
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=60, extent=(0, 20, 0, 15))
cb = fig.colorbar(im)
save(fig, "c75_fivethirtyeight", [from_mappable(fig, ax, im, cb, grid=[15, 20], cells=z)])
