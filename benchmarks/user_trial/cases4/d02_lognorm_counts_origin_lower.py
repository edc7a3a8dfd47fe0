import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
from matplotlib.colors import LogNorm
y, x = np.mgrid[0:60, 0:80]
z = 10 ** (4 * np.exp(-((x - 50) ** 2 + (y - 25) ** 2) / 600)) + 0 * x
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, norm=LogNorm(1, 1e4), origin="lower", extent=(0, 8, 0, 6), interpolation="nearest")
cb = fig.colorbar(im, label="counts")
save4(fig, "d02_lognorm_counts_origin_lower", [from_mappable(fig, ax, im, cb, grid=[60, 80], cells=z[::-1])])
