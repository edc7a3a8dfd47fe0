import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
x = rng.uniform(0, 10, 300); y = rng.uniform(0, 5, 300); v = np.sin(x) * np.cos(y) * 20
fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
m = ax.tricontourf(x, y, v, levels=15, cmap="RdBu_r")
cb = fig.colorbar(m)
d = from_mappable(fig, ax, m, cb, nan_share=None)
save5(fig, "e49_tricontourf_irregular", [d], note="tricontourf on scattered points, 15 automatic levels, blank outside the hull")
