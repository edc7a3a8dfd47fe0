import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
x = np.linspace(0, 5, 30); y = np.linspace(0, 3, 20)
z = np.add.outer(np.sin(y), np.cos(x))
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
m = ax.pcolormesh(x, y, z, shading="gouraud", cmap="viridis", vmin=-2, vmax=2)
cb = fig.colorbar(m)
save(fig, "c69_gouraud", [from_mappable(fig, ax, m, cb)])
