import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
from mpl_toolkits.axes_grid1 import make_axes_locatable
z = rng.gamma(2, 3, (30, 30))
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
im = ax.imshow(z, cmap="YlOrRd", vmin=0, vmax=25)
cax = make_axes_locatable(ax).append_axes("right", size="5%", pad=0.05)
cb = fig.colorbar(im, cax=cax)
save4(fig, "d10_make_axes_locatable", [from_mappable(fig, ax, im, cb, grid=[30, 30], cells=np.clip(z, 0, 25))])
