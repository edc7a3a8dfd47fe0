import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
fig, axs = plt.subplots(1, 2, figsize=(11, 4.5), dpi=100, gridspec_kw=dict(width_ratios=[2, 1]))
z1 = rng.random((20, 40)); z2 = rng.random((20, 20)) * 10 - 5
i1 = axs[0].imshow(z1, cmap="viridis", vmin=0, vmax=1, aspect="auto"); c1 = fig.colorbar(i1, ax=axs[0])
i2 = axs[1].imshow(z2, cmap="RdBu", vmin=-5, vmax=5); c2 = fig.colorbar(i2, ax=axs[1])
save4(fig, "d48_gridspec_two_cmaps", [from_mappable(fig, axs[0], i1, c1, grid=[20, 40], cells=z1), from_mappable(fig, axs[1], i2, c2, grid=[20, 20], cells=z2)])
