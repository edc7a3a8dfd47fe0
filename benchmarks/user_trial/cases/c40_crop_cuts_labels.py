import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 30)) * 100
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="plasma", vmin=0, vmax=200, extent=(0, 30, 0, 20))
cb = fig.colorbar(im)
save(fig, "c40_crop_cuts_labels", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=z)], crop=(70, 40, 520, 352), note="crop cuts y labels, bottom of x labels and colorbar labels")
