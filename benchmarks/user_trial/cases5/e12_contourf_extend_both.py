import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(100, 150, -1.4, 1.3)
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = ax.contourf(np.linspace(0, 15, 150), np.linspace(0, 10, 100), z, levels=np.linspace(-1, 1, 11), extend="both", cmap="RdYlBu_r")
cb = fig.colorbar(m)
save5(fig, "e12_contourf_extend_both", [from_mappable(fig, ax, m, cb)], note="contourf 10 levels -1..1, extend both")
