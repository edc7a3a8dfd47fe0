import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = np.cumsum(rng.standard_normal((40, 60)), axis=1)
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
im = ax.imshow(z, cmap="plasma", vmin=-15, vmax=15, aspect="auto")
cax = ax.inset_axes([1.03, 0.0, 0.04, 1.0])
cb = fig.colorbar(im, cax=cax)
save4(fig, "d08_inset_axes_cbar_outside", [from_mappable(fig, ax, im, cb, grid=[40, 60], cells=np.clip(z, -15, 15))])
