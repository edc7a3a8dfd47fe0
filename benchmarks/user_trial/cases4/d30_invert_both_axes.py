import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((14, 18)) * 9
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
m = ax.pcolormesh(np.linspace(0, 90, 19), np.linspace(0, 700, 15), z, cmap="viridis", vmin=0, vmax=9)
ax.invert_xaxis(); ax.invert_yaxis()
cb = fig.colorbar(m)
save4(fig, "d30_invert_both_axes", [from_mappable(fig, ax, m, cb, grid=[14, 18], cells=z[:, ::-1])])
