import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
z = rng.integers(0, 100, (15, 15)).astype(float)
fig, ax = plt.subplots(figsize=(6, 5.5), dpi=100)
im = ax.imshow(z, cmap="bone_r", vmin=0, vmax=100)
ax.xaxis.tick_top(); ax.xaxis.set_label_position("top"); ax.set_xlabel("column")
cb = fig.colorbar(im)
save5(fig, "e46_ticks_top_imshow", [from_mappable(fig, ax, im, cb, grid=[15, 15], cells=z)], note="x ticks and labels on top, reversed bone")
