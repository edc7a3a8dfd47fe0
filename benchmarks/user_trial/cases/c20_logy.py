import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
ye = np.logspace(-2, 2, 21); xe = np.linspace(-1, 1, 26)
z = rng.random((20, 25)) * 2 - 1
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
m = ax.pcolormesh(xe, ye, z, cmap="seismic", vmin=-1, vmax=1); ax.set_yscale("log")
cb = fig.colorbar(m)
save(fig, "c20_logy", [from_mappable(fig, ax, m, cb, grid=[20, 25], cells=z[::-1])])
