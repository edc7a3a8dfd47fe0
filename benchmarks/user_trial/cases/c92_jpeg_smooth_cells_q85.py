import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 30), np.linspace(0, 1, 36)) * 5
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=10, extent=(0, 36, 0, 30))
cb = fig.colorbar(im)
save(fig, "c92_jpeg_smooth_cells_q85", [from_mappable(fig, ax, im, cb, grid=[30, 36], cells=z)], fmt="jpg", quality=85, note="smooth field in cells, JPEG")
