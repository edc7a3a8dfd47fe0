import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
xe = np.logspace(0, 3, 31); ye = np.linspace(0, 20, 21)
z = rng.random((20, 30)) * 100
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
m = ax.pcolormesh(xe, ye, z, cmap="viridis", vmin=0, vmax=100); ax.set_xscale("log")
cb = fig.colorbar(m)
save(fig, "c19_logx", [from_mappable(fig, ax, m, cb, grid=[20, 30], cells=z[::-1])])
