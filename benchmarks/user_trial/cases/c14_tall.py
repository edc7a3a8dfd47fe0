import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.random((80, 6)) * 4 - 2
fig, ax = plt.subplots(figsize=(3, 10), dpi=100)
im = ax.pcolormesh(np.arange(7), np.arange(81) * 0.25, z, cmap="PuOr", vmin=-2, vmax=2)
cb = fig.colorbar(im, orientation="horizontal")
save(fig, "c14_tall", [from_mappable(fig, ax, im, cb, grid=[80, 6], cells=z[::-1])])
