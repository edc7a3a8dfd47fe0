import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 30)) * 4
fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=8, extent=(0, 30, 0, 20))
ax.set_title("Run 17: surface flux"); fig.suptitle("Experiment B (2024)")
ax.text(3, 15, "A", color="w", fontsize=16); ax.plot([5, 25], [5, 12], "w--")
cb = fig.colorbar(im, label="flux (W m$^{-2}$)")
save(fig, "c60_annotated", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=z)])
