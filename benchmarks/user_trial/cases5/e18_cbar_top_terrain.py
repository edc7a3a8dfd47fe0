import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(30, 45, -200, 1800)
fig, ax = plt.subplots(figsize=(7, 5.5), dpi=100)
m = ax.pcolormesh(np.linspace(10, 12, 46), np.linspace(45, 46.5, 31), z, cmap="terrain", vmin=-200, vmax=1800)
cb = fig.colorbar(m, location="top", label="elevation (m)")
save5(fig, "e18_cbar_top_terrain", [from_mappable(fig, ax, m, cb, grid=[30, 45], cells=z[::-1])], note="bar on top")
