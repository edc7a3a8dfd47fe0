import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((25, 35)) * 3
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=3)
cb = fig.colorbar(im, label="flux")
ax.set_title("bbox_inches='tight'")
save4(fig, "d13_tight_bbox", [from_mappable(fig, ax, im, cb, grid=[25, 35], cells=z)], how="tight")
