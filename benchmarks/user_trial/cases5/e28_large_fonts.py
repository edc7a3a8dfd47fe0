import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
plt.rcParams.update({"font.size": 22})
z = smooth(20, 30, 0, 3000)
fig, ax = plt.subplots(figsize=(9, 6), dpi=100)
m = ax.pcolormesh(z, cmap="viridis", vmin=0, vmax=3000)
ax.set_xlabel("x"); ax.set_ylabel("y")
cb = fig.colorbar(m, label="counts")
save5(fig, "e28_large_fonts", [from_mappable(fig, ax, m, cb, grid=[20, 30], cells=z[::-1])], note="22 pt fonts (slide)")
