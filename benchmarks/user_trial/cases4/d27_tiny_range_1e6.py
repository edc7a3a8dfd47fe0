import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((20, 30)) * 2.5e-6
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=2.5e-6)
cb = fig.colorbar(im)
save4(fig, "d27_tiny_range_1e6", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=z)], note="default formatter: offset 1e-6 above the bar")
