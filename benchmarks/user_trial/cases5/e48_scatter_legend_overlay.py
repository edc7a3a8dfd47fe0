import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(40, 40, 0, 14)
fig, ax = plt.subplots(figsize=(6.5, 5), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=14, extent=(0, 10, 0, 10), origin="lower")
ax.scatter(rng.uniform(1, 9, 12), rng.uniform(1, 9, 12), c="r", marker="^", label="stations")
ax.plot([1, 9], [2, 8], "w--", label="transect"); ax.legend(loc="upper right")
cb = fig.colorbar(im, label="pH")
save5(fig, "e48_scatter_legend_overlay", [from_mappable(fig, ax, im, cb, grid=[40, 40], cells=z[::-1])], note="markers, a dashed line and a legend box over the field")
