import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
plt.style.use("ggplot")
z = np.add.outer(np.linspace(0, 1, 18), np.linspace(0, 1, 24)) * 3 - 1
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=-1, vmax=5, extent=(0, 24, 0, 18))
cb = fig.colorbar(im, label="value")
save(fig, "c32_style_ggplot", [from_mappable(fig, ax, im, cb, grid=[18, 24], cells=z)])
