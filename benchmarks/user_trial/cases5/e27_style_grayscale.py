import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
with plt.style.context("grayscale"):
    z = smooth(24, 32, 0, 40)
    fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
    m = ax.pcolormesh(z, cmap='gray', vmin=0, vmax=40)
    ax.set_title("grayscale")
    cb = fig.colorbar(m, label="flux")
    save5(fig, "e27_style_grayscale", [from_mappable(fig, ax, m, cb, grid=[24, 32], cells=z[::-1])], note="grayscale style with gray cmap")
