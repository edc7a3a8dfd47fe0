import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
from matplotlib.ticker import FuncFormatter
z = rng.random((12, 20)) * 40
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = ax.pcolormesh(np.linspace(0, 100, 21), np.linspace(0, 600, 13), z, cmap="viridis", vmin=0, vmax=40)
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, p: f"{v:.0f} km")); ax.yaxis.set_major_formatter(FuncFormatter(lambda v, p: f"{v:.0f} m"))
cb = fig.colorbar(m, format="{x:.0f} dB")
save5(fig, "e58_axis_units_in_labels", [from_mappable(fig, ax, m, cb, grid=[12, 20], cells=z[::-1])], note='tick labels carry units: "20 km", "200 m", "10 dB"')
