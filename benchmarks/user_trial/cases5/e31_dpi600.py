import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(16, 20, 0, 250)
fig, ax = plt.subplots(figsize=(3.2, 2.4), dpi=600)
im = ax.imshow(z, cmap="turbo", vmin=0, vmax=250)
cb = fig.colorbar(im)
save5(fig, "e31_dpi600", [from_mappable(fig, ax, im, cb, grid=[16, 20], cells=z)], note="600 dpi print figure, 1920x1440")
