import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((12, 20)) * 8 - 2
fig = plt.figure(figsize=(7, 5), dpi=100)
ax = fig.add_subplot()
im = ax.matshow(z, cmap="PiYG", vmin=-2, vmax=6)
cb = fig.colorbar(im, orientation="horizontal", shrink=0.6)
save4(fig, "d07_matshow_hbar_shrink", [from_mappable(fig, ax, im, cb, grid=[12, 20], cells=z, x_at=[-0.5, 19.5], y_at=[-0.5, 11.5])])
