import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
x = np.logspace(0, 3, 41); y = np.linspace(0, 20, 21)
z = rng.random((20, 40)) * 5
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = ax.pcolormesh(x, y, z, cmap="cividis", vmin=0, vmax=5)
ax.set_xscale("log"); ax.set_xlabel("frequency (Hz)")
cb = fig.colorbar(m)
save5(fig, "e08_logx_pcolormesh", [from_mappable(fig, ax, m, cb, grid=[20, 40], cells=z[::-1])], note="log x axis, cells even on screen")
