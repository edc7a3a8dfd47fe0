import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.random((4, 120)) * 10
fig, ax = plt.subplots(figsize=(14, 2), dpi=100)
im = ax.pcolormesh(np.arange(121) * 5, np.arange(5), z, cmap="plasma", vmin=0, vmax=10)
cb = fig.colorbar(im)
save(fig, "c13_wide_strip", [from_mappable(fig, ax, im, cb, grid=[4, 120], cells=z[::-1])])
