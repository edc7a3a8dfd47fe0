import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
fig, axs = plt.subplots(2, 2, figsize=(8, 7), dpi=100)
zs = [rng.random((15, 20)) * 50 for _ in range(4)]
ims = [ax.pcolormesh(z, cmap="viridis", vmin=0, vmax=50) for ax, z in zip(axs.ravel(), zs)]
cb = fig.colorbar(ims[0], ax=axs.ravel().tolist(), label="mm/day")
ps = [from_mappable(fig, ax, im, cb, grid=[15, 20], cells=z[::-1]) for ax, im, z in zip(axs.ravel(), ims, zs)]
save4(fig, "d11_subplots_2x2_one_bar", ps)
