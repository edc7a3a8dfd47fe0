import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
y, x = np.mgrid[0:1:200j, 0:1:250j]
z = np.sin(8 * x) * np.sin(5 * y) * 50 + 50
fig, ax = plt.subplots(figsize=(10, 8), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=100, extent=(0, 250, 0, 200))
cb = fig.colorbar(im, label="value")
save4(fig, "d50_large_1000x800", [from_mappable(fig, ax, im, cb)])
