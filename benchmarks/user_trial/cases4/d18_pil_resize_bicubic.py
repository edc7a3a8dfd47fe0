import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((16, 16)) * 10
fig, ax = plt.subplots(figsize=(6, 5), dpi=120)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=10)
cb = fig.colorbar(im, label="depth (m)")
save4(fig, "d18_pil_resize_bicubic", [from_mappable(fig, ax, im, cb, grid=[16, 16], cells=z)], how="pil_resize", resize=0.75)
