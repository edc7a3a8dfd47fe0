import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((15, 20)) * 3
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, cmap="RdYlGn_r", vmin=0, vmax=3)
cb = fig.colorbar(im, ticks=[0.5, 1.5, 2.5]); cb.ax.set_yticklabels(["low", "medium", "high"])
d = from_mappable(fig, ax, im, cb, grid=[15, 20], cells=z)
save4(fig, "d46_cbar_text_ticks", [d], note="bar labels are words: range cannot be read, must be doubted")
