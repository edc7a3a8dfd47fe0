import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(12, 16, 0, 1)
fig, ax = plt.subplots(figsize=(8, 6), dpi=40)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=1)
cb = fig.colorbar(im)
save5(fig, "e30_dpi40", [from_mappable(fig, ax, im, cb, grid=[12, 16], cells=z)], note="40 dpi: 320x240 figure, 10 pt text is about 6 px")
