import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.colors import BoundaryNorm
b = [0, 1, 2, 5, 10, 20, 50]
z = rng.random((15, 20)) * 50
cm = plt.get_cmap("viridis", len(b) - 1)
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap=cm, norm=BoundaryNorm(b, cm.N), extent=(0, 20, 0, 15))
cb = fig.colorbar(im)
save(fig, "c46_boundarynorm", [from_mappable(fig, ax, im, cb, grid=[15, 20], cells=z)], note="uneven BoundaryNorm 0..50")
