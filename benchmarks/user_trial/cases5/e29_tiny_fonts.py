import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
plt.rcParams.update({"font.size": 5})
z = smooth(20, 30, -0.5, 0.25)
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
m = ax.pcolormesh(z, cmap="PiYG", vmin=-0.5, vmax=0.25)
cb = fig.colorbar(m)
save5(fig, "e29_tiny_fonts", [from_mappable(fig, ax, m, cb, grid=[20, 30], cells=z[::-1])], note="5 pt fonts at 100 dpi (about 7 px glyphs)")
