import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import copy
z = np.add.outer(np.linspace(0, 1, 30), np.linspace(0, 1, 40)) * 8
z = np.ma.masked_where((np.arange(40)[None] > 25) & (np.arange(30)[:, None] < 12), z)
cm = copy.copy(plt.get_cmap("viridis")); cm.set_bad("0.6")
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap=cm, vmin=0, vmax=16, extent=(0, 40, 0, 30))
cb = fig.colorbar(im)
save(fig, "c15_masked_setbad", [from_mappable(fig, ax, im, cb, grid=[30, 40], cells=z.filled(np.nan), nan_share=float(z.mask.mean()))])
