import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
fig, axs = plt.subplots(1, 3, figsize=(10, 4), dpi=100, sharey=True)
zs = [rng.random((16, 16)) * 300 + 100 * k for k in range(3)]
ims = [ax.imshow(z, cmap="inferno", vmin=0, vmax=500) for ax, z in zip(axs, zs)]
cb = fig.colorbar(ims[0], ax=axs, orientation="horizontal", fraction=0.05, pad=0.12, label="W m$^{-2}$")
ps = [from_mappable(fig, ax, im, cb, grid=[16, 16], cells=z) for ax, im, z in zip(axs, ims, zs)]
save4(fig, "d55_subplots_shared_bar_bottom_jpeg", ps, how="pil_jpg", quality=80)
