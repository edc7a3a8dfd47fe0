import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
plt.rcParams["axes.unicode_minus"] = False
z = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 30)) * 10 - 10
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="Spectral", vmin=-10, vmax=0, extent=(-3, 0, -2, 0))
cb = fig.colorbar(im)
save(fig, "c77_hyphen_minus", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=z)])
