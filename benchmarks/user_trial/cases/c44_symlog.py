import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.colors import SymLogNorm
z = np.sinh(np.add.outer(np.linspace(-1, 1, 20), np.linspace(-1, 1, 30)) * 4)
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="PiYG", norm=SymLogNorm(1, vmin=-100, vmax=100, base=10), extent=(0, 30, 0, 20))
cb = fig.colorbar(im)
save(fig, "c44_symlog", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=np.clip(z, -100, 100))])
