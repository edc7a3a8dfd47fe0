import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.random((20, 20)) * 100
fig, ax = plt.subplots(figsize=(5, 4), dpi=150)
im = ax.imshow(z, cmap="cividis", vmin=0, vmax=100, extent=(0, 1, 0, 1))
cb = fig.colorbar(im, label="%")
save(fig, "c78_bbox_tight_jpeg", [from_mappable(fig, ax, im, cb, grid=[20, 20], cells=z)], fmt="jpg", quality=85, crop=(40, 20, 720, 580))
