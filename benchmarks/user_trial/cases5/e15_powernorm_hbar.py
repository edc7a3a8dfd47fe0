import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
from matplotlib.colors import PowerNorm
z = smooth(60, 80, 0, 100)
fig, ax = plt.subplots(figsize=(6, 5.5), dpi=100)
m = ax.pcolormesh(z, cmap="inferno", norm=PowerNorm(0.3, 0, 100))
cb = fig.colorbar(m, orientation="horizontal")
save5(fig, "e15_powernorm_hbar", [from_mappable(fig, ax, m, cb, grid=[60, 80], cells=z[::-1])], note="PowerNorm gamma 0.3, horizontal bar")
