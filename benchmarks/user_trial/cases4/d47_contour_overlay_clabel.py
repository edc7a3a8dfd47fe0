import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
y, x = np.mgrid[-2:2:160j, -3:3:240j]
z = np.exp(-x ** 2 - y ** 2) * 10 + x
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, extent=(-3, 3, -2, 2), origin="lower", cmap="viridis", vmin=-3, vmax=12)
cs = ax.contour(x, y, z, levels=6, colors="k", linewidths=0.8); ax.clabel(cs, fontsize=8)
cb = fig.colorbar(im)
save4(fig, "d47_contour_overlay_clabel", [from_mappable(fig, ax, im, cb)], note="black contour lines + inline labels over the image")
