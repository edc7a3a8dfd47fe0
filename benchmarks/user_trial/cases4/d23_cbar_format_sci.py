import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((20, 25)) * 3e-4
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=3e-4)
cb = fig.colorbar(im, format="%.1e", label="Pa")
save4(fig, "d23_cbar_format_sci", [from_mappable(fig, ax, im, cb, grid=[20, 25], cells=z)])
