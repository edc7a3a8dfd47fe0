import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.integers(0, 30, (5, 7)).astype(float)
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
m = ax.pcolormesh(np.arange(8), np.arange(6), z, cmap="Oranges", vmin=0, vmax=30)
for i in range(5):
    for j in range(7):
        ax.text(j + 0.5, i + 0.5, f"{z[i, j]:.0f}", ha="center", va="center")
d = from_mappable(fig, ax, m, None, grid=[5, 7], cells=z[::-1])
save4(fig, "d56_no_cbar_pcolormesh_annot", [d], note="no colorbar; annotated cells")
