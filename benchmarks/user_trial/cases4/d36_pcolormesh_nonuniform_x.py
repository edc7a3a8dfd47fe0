import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
xe = np.geomspace(1, 100, 16); ye = np.arange(9)
z = rng.random((8, 15)) * 12
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
m = ax.pcolormesh(xe, ye, z, cmap="viridis", vmin=0, vmax=12)
cb = fig.colorbar(m)
save4(fig, "d36_pcolormesh_nonuniform_x", [from_mappable(fig, ax, m, cb, grid=[8, 15], cells=z[::-1])], note="log-spaced cells on a linear x axis")
