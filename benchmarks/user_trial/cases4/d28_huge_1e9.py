import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((20, 30)) * 4e9
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
m = ax.pcolormesh(np.linspace(0, 3e3, 31), np.linspace(0, 2e3, 21), z, cmap="cividis", vmin=0, vmax=4e9)
cb = fig.colorbar(m, label="population")
save4(fig, "d28_huge_1e9", [from_mappable(fig, ax, m, cb, grid=[20, 30], cells=z[::-1])])
