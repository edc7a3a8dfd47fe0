import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(30, 30, 0, 9)
fig, ax = plt.subplots(figsize=(6.5, 5), dpi=100)
im = ax.imshow(z, cmap="magma", vmin=0, vmax=9)
cb = fig.colorbar(im, pad=0.12)
cb.ax.yaxis.set_ticks_position("left"); cb.set_label("energy (keV)"); cb.ax.yaxis.set_label_position("right")
cb.ax.set_title("keV", fontsize=9)
save5(fig, "e43_cbar_label_both_sides", [from_mappable(fig, ax, im, cb, grid=[30, 30], cells=z)], note="bar tick labels on its left (between plot and bar), label on its right, title on top")
