import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
fig, axs = plt.subplots(2, 2, figsize=(7, 6), dpi=100, layout="constrained")
ps = []
for i, ax in enumerate(axs.flat):
    z = np.add.outer(np.linspace(0, 1, 15), np.linspace(0, 1, 20)) * (i + 1) * 2.5
    im = ax.pcolormesh(np.arange(21), np.arange(16) * 10, z, cmap="turbo", vmin=0, vmax=10)
    ps.append((ax, im, z))
cb = fig.colorbar(im, ax=axs, shrink=0.8, label="speed (m/s)")
save(fig, "c07_constrained_shared", [from_mappable(fig, a, m, cb, grid=[15, 20], cells=z[::-1]) for a, m, z in ps])
