import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.ticker import FuncFormatter, StrMethodFormatter
z = rng.random((10, 20)) * 3
fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
m = ax.pcolormesh(np.linspace(1e6, 3e6, 21), np.linspace(0, 50000, 11), z, cmap="viridis", vmin=0, vmax=3)
ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}")); ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
cb = fig.colorbar(m)
save(fig, "c50_thousands_axes", [from_mappable(fig, ax, m, cb, grid=[10, 20], cells=z[::-1])])
