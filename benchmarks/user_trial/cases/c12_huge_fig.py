import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.sin(np.linspace(0, 6, 300)), np.cos(np.linspace(0, 9, 400)))
fig, ax = plt.subplots(figsize=(16, 12), dpi=150)
im = ax.imshow(z, cmap="viridis", vmin=-2, vmax=2, extent=(0, 400, 0, 300))
cb = fig.colorbar(im)
save(fig, "c12_huge_fig", [from_mappable(fig, ax, im, cb, grid=[300, 400], cells=z)])
