import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((18, 24)) * 0.8 + 0.1
fig, ax = plt.subplots(figsize=(4, 3), dpi=300)
im = ax.imshow(z, cmap="turbo", vmin=0, vmax=1)
cb = fig.colorbar(im)
save4(fig, "d17_dpi300", [from_mappable(fig, ax, im, cb, grid=[18, 24], cells=z)])
