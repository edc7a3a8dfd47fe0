import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(30, 40, 0, 45)
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = ax.pcolormesh(z, cmap="turbo", vmin=0, vmax=45)
cb = fig.colorbar(m, shrink=0.6, aspect=50)
save5(fig, "e52_thin_long_bar_turbo", [from_mappable(fig, ax, m, cb, grid=[30, 40], cells=z[::-1])], note="shrink 0.6, aspect 50: a 5 px bar")
