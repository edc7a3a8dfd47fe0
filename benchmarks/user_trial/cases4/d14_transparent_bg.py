import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((20, 20)) * 100
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
im = ax.imshow(z, cmap="cividis", vmin=0, vmax=100)
cb = fig.colorbar(im)
save4(fig, "d14_transparent_bg", [from_mappable(fig, ax, im, cb, grid=[20, 20], cells=z)], how="transparent", note="RGBA with transparent background")
