import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(50, 50, 0, 100)
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=100)
cb = fig.colorbar(im); cb.set_ticks([0, 2, 5, 10, 50, 100])
save5(fig, "e07_cbar_uneven_set_ticks", [from_mappable(fig, ax, im, cb, grid=[50, 50], cells=z)], note="linear bar with uneven ticks 0 2 5 10 50 100 (labels crowd at the bottom)")
