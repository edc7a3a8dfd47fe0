import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
y, x = np.mgrid[0:256, 0:256]
z = 800 * np.exp(-((x - 128) ** 2 + (y - 100) ** 2) / 3000) + 100 + 30 * rng.random((256, 256))
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
im = ax.imshow(z, cmap="gray", vmin=100, vmax=950)
ax.set_axis_off()
cb = fig.colorbar(im, label="counts"); cb.outline.set_visible(False)
save4(fig, "d49_axis_off_microscopy", [from_mappable(fig, ax, im, cb, coords=False)], note="axis off, gray cmap, bar without outline")
