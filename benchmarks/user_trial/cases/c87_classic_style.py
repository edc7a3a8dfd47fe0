import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
plt.style.use("classic")
z = np.add.outer(np.linspace(0, 1, 16), np.linspace(0, 1, 22)) * 7
fig, ax = plt.subplots(figsize=(7, 5), dpi=90)
im = ax.imshow(z, vmin=0, vmax=14, extent=(0, 22, 0, 16))
cb = fig.colorbar(im)
save(fig, "c87_classic_style", [from_mappable(fig, ax, im, cb, grid=[16, 22], cells=z)])
