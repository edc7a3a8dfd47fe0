import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(30, 40, 0, 8)
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = ax.pcolormesh(z, cmap=plt.get_cmap("viridis", 8), vmin=0, vmax=8)
cb = fig.colorbar(m, drawedges=True)
save5(fig, "e44_drawedges_discrete", [from_mappable(fig, ax, m, cb, grid=[30, 40], cells=z[::-1])], note="8-colour viridis, drawedges=True black lines between steps")
