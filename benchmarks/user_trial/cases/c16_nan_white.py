import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = np.add.outer(np.linspace(0, 1, 30), np.linspace(0, 1, 40)) * 8
z[5:20, 10:30] = np.nan
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="magma", vmin=0, vmax=16, extent=(0, 40, 0, 30))
cb = fig.colorbar(im)
save(fig, "c16_nan_white", [from_mappable(fig, ax, im, cb, grid=[30, 40], cells=z, nan_share=float(np.isnan(z).mean()))])
