import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
plt.rcParams.update({"font.family": "DejaVu Serif", "font.size": 7})
z = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 30)) * -6
fig, ax = plt.subplots(figsize=(4, 3), dpi=150)
im = ax.imshow(z, cmap="viridis", vmin=-12, vmax=0, extent=(-30, 0, -20, 0))
cb = fig.colorbar(im)
save(fig, "c51_serif7_negative", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=z)])
