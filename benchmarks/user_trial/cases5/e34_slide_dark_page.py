import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(30, 30, 0, 60)
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=60)
cb = fig.colorbar(im, label="dose (Gy)")
save5(fig, "e34_slide_dark_page", [from_mappable(fig, ax, im, cb, grid=[30, 30], cells=z)], how="slide", border=(80, (20, 40, 90)), note="figure pasted on a dark blue slide, 80 px margin")
