import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
from matplotlib.colors import LogNorm, TwoSlopeNorm
fig, axs = plt.subplots(1, 3, figsize=(12, 3.8), dpi=100, layout="constrained")
z1 = smooth(20, 20, 0, 1); z2 = 10 ** smooth(20, 20, 0, 4); z3 = smooth(20, 20, -5, 15)
m1 = axs[0].imshow(z1, cmap="viridis", vmin=0, vmax=1); c1 = fig.colorbar(m1, ax=axs[0])
m2 = axs[1].imshow(z2, cmap="magma", norm=LogNorm(1, 1e4)); c2 = fig.colorbar(m2, ax=axs[1])
m3 = axs[2].imshow(z3, cmap="RdBu_r", norm=TwoSlopeNorm(0, -5, 15)); c3 = fig.colorbar(m3, ax=axs[2])
save5(fig, "e57_three_norms_row", [from_mappable(fig, axs[0], m1, c1, grid=[20, 20], cells=z1), from_mappable(fig, axs[1], m2, c2, grid=[20, 20], cells=z2), from_mappable(fig, axs[2], m3, c3, grid=[20, 20], cells=z3)], note="three panels: linear, log, two-slope, each with its bar")
