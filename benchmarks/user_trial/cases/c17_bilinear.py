import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.sin(np.linspace(0, 3, 12)), np.cos(np.linspace(0, 3, 16)))
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=-2, vmax=2, interpolation="bilinear", extent=(0, 16, 0, 12))
cb = fig.colorbar(im)
save(fig, "c17_bilinear", [from_mappable(fig, ax, im, cb)], note="smooth: no grid expected")
