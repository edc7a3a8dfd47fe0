import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 30)) * 5
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=10, alpha=0.7, extent=(0, 30, 0, 20))
cb = fig.colorbar(im)
save(fig, "c48_alpha", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=z)], note="alpha 0.7 (bar also blended); oracle decode not valid for values")
