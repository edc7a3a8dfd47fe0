import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
plt.rcParams.update({"font.family": "monospace", "font.size": 6})
z = rng.random((25, 25)) * 2 - 1
fig, ax = plt.subplots(figsize=(5, 4), dpi=150)
im = ax.imshow(z, cmap="BrBG", vmin=-1, vmax=1)
cb = fig.colorbar(im)
save4(fig, "d44_mono_small_font", [from_mappable(fig, ax, im, cb, grid=[25, 25], cells=z)])
