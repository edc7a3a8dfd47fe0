import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.random((20, 25)) * 10
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="magma", vmin=0, vmax=10, extent=(0, 25, 0, 20))
cb = fig.colorbar(im)
save(fig, "c91_jpeg_cells_q75", [from_mappable(fig, ax, im, cb, grid=[20, 25], cells=z)], fmt="jpg", quality=75)
