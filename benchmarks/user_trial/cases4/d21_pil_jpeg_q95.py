import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
y, x = np.mgrid[0:1:80j, 0:1:120j]
z = 300 + 20 * x + 5 * np.sin(10 * y)
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, cmap="plasma", vmin=295, vmax=325, extent=(0, 12, 0, 8))
cb = fig.colorbar(im, label="K")
save4(fig, "d21_pil_jpeg_q95", [from_mappable(fig, ax, im, cb)], how="pil_jpg", quality=95)
