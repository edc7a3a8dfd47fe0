import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
y, x = np.mgrid[-3:3:200j, -4:4:260j]
z = np.exp(-(x ** 2 + y ** 2) / 3) * 120
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, cmap="magma", vmin=0, vmax=120, extent=(-4, 4, -3, 3), origin="lower")
cax = ax.inset_axes([0.6, 0.88, 0.35, 0.05])
cb = fig.colorbar(im, cax=cax, orientation="horizontal")
cb.ax.tick_params(colors="white", labelsize=8)
save4(fig, "d09_inset_cbar_inside_plot", [from_mappable(fig, ax, im, cb)], note="horizontal bar drawn inside the plot area, white labels")
