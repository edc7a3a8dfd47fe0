import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((15, 15))
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
im = ax.imshow(z, cmap="Greens", vmin=0, vmax=1)
cb = fig.colorbar(im, format="{x:.0%}")
save4(fig, "d24_cbar_percent_strmethod", [from_mappable(fig, ax, im, cb, grid=[15, 15], cells=z)], note="format {x:.0%}: labels 0%..100% for data 0..1")
