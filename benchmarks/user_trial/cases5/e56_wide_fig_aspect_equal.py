import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(20, 20, 0, 100)
fig, ax = plt.subplots(figsize=(12, 3.5), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=100)
cb = fig.colorbar(im, label="%")
save5(fig, "e56_wide_fig_aspect_equal", [from_mappable(fig, ax, im, cb, grid=[20, 20], cells=z)], note="square image in a wide figure: lots of blank page; bar far from the plot? (matplotlib puts it beside the axes box)")
