import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
xs = rng.uniform(0, 10, 4000); ys = rng.uniform(0, 5, 4000); c = np.sin(xs) + ys / 5
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
hb = ax.hexbin(xs, ys, C=c, gridsize=20, mincnt=1, cmap="coolwarm", vmin=-1, vmax=2)
cb = fig.colorbar(hb, label="mean")
save4(fig, "d35_hexbin_mean_mincnt", [from_mappable(fig, ax, hb, cb)], note="hexagons: no rectangular grid")
