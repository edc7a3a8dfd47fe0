import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.random((12, 12)) * 2 - 1; z = (z + z.T) / 2
fig, ax = plt.subplots(figsize=(5, 5), dpi=100)
im = ax.matshow(z, cmap="RdBu", vmin=-1, vmax=1)
cb = fig.colorbar(im, fraction=0.046)
save(fig, "c30_matshow", [from_mappable(fig, ax, im, cb, grid=[12, 12], cells=z)])
