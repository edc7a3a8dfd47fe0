import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save
y, x = np.mgrid[0:40, 0:60]; z = np.sin(x / 9) + np.cos(y / 7)
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=-2, vmax=2, extent=(0, 60, 0, 40))
cb = fig.colorbar(im)
save(fig, "c01_imshow_basic", [panel(fig, ax, cb.ax, -2, 2, "viridis", grid=[40, 60], cells=z)])
