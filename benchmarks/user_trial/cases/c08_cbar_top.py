import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.sin(np.linspace(0, 3, 50))[:, None] * np.cos(np.linspace(0, 4, 70))[None]
fig, ax = plt.subplots(figsize=(6, 5), dpi=100, layout="constrained")
im = ax.imshow(z, cmap="RdBu_r", vmin=-1, vmax=1, extent=(100, 170, 0, 50), aspect="auto")
cb = fig.colorbar(im, location="top", label="correlation")
save(fig, "c08_cbar_top", [from_mappable(fig, ax, im, cb, grid=[50, 70], cells=z)])
