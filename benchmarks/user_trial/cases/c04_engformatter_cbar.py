import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.ticker import EngFormatter
z = np.add.outer(np.linspace(0, 1, 30), np.linspace(0, 1, 40)) * 2.5e6
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="magma", vmin=0, vmax=5e6, origin="lower", extent=(0, 4, 0, 3))
cb = fig.colorbar(im, format=EngFormatter(unit="Hz"), label="frequency")
save(fig, "c04_engformatter_cbar", [from_mappable(fig, ax, im, cb, grid=[30, 40], cells=z[::-1])])
