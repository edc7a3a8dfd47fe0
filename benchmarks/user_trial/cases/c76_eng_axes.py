import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.ticker import EngFormatter
z = rng.random((10, 20)) * 4
fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
m = ax.pcolormesh(np.linspace(0, 5000, 21), np.linspace(0, 0.002, 11), z, cmap="viridis", vmin=0, vmax=4)
ax.xaxis.set_major_formatter(EngFormatter(unit="m")); ax.yaxis.set_major_formatter(EngFormatter(unit="s"))
cb = fig.colorbar(m)
save(fig, "c76_eng_axes", [from_mappable(fig, ax, m, cb, grid=[10, 20], cells=z[::-1])], note="axes labelled 0 m, 1 km ... and 0 s, 500 µs ...")
