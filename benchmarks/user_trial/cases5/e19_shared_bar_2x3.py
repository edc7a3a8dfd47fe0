import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
fig, axs = plt.subplots(2, 3, figsize=(10, 6), dpi=100)
zs = [rng.random((12, 16)) * 30 + 10 * i for i in range(6)]
ims = [ax.pcolormesh(z, cmap="viridis", vmin=0, vmax=80) for ax, z in zip(axs.ravel(), zs)]
for ax, i in zip(axs.ravel(), range(6)): ax.set_title(f"run {i}")
cb = fig.colorbar(ims[0], ax=axs, label="ppm")
save5(fig, "e19_shared_bar_2x3", [from_mappable(fig, ax, im, cb, grid=[12, 16], cells=z[::-1]) for ax, im, z in zip(axs.ravel(), ims, zs)], note="2x3 grid, one bar shared via ax=axs")
