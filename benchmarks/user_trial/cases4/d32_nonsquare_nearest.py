import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((10, 40)) * 5
fig, ax = plt.subplots(figsize=(7, 6), dpi=100)
im = ax.imshow(z, aspect="auto", interpolation="nearest", cmap="Spectral", vmin=0, vmax=5)
cb = fig.colorbar(im)
save4(fig, "d32_nonsquare_nearest", [from_mappable(fig, ax, im, cb, grid=[10, 40], cells=z)])
