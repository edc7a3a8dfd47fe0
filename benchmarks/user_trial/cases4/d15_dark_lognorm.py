import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
from matplotlib.colors import LogNorm
plt.style.use("dark_background")
y, x = np.mgrid[0:120, 0:160]
z = 1e-2 * 10 ** (5 * np.exp(-((x - 80) ** 2 + (y - 60) ** 2) / 1500))
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, norm=LogNorm(1e-2, 1e3), cmap="inferno")
cb = fig.colorbar(im, label="intensity")
save4(fig, "d15_dark_lognorm", [from_mappable(fig, ax, im, cb)])
