import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
fig, axs = plt.subplots(2, 2, figsize=(8, 6.5), dpi=100, layout="constrained")
spec = [("viridis", 0, 1), ("magma", -50, 50), ("cividis", 1000, 5000), ("Blues", 0, 0.02)]
ps = []
for ax, (c, lo, hi) in zip(axs.ravel(), spec):
    z = smooth(25, 30, lo, hi)
    im = ax.imshow(z, cmap=c, vmin=lo, vmax=hi)
    cb = fig.colorbar(im, ax=ax)
    ps.append((ax, im, cb, z))
save5(fig, "e20_constrained_2x2_own_bars", [from_mappable(fig, ax, im, cb, grid=[25, 30], cells=z) for ax, im, cb, z in ps], note="constrained layout, four panels each with its own bar and range")
