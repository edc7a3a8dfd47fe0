import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
x = np.linspace(0, 10, 150); y = np.linspace(0, 5, 100)
z = np.exp(np.add.outer(y / 2, x / 5))
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
cs = ax.contourf(x, y, z, levels=[1, 2, 3, 5, 10, 20, 50, 100], cmap="YlGnBu")
cb = fig.colorbar(cs)
d = panel(fig, ax, cb.ax, 1.0, 100.0, "YlGnBu", "boundaries")
save(fig, "c72_contourf_uneven", [d], note="uneven contourf levels: norm boundaries expected")
