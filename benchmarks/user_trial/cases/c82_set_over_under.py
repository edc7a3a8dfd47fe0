import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import copy
cm = copy.copy(plt.get_cmap("viridis")); cm.set_over("white"); cm.set_under("black")
z = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 30)) * 14 - 2
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap=cm, vmin=0, vmax=10, extent=(0, 30, 0, 20))
cb = fig.colorbar(im, extend="both")
save(fig, "c82_set_over_under", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=np.clip(z, 0, 10))], note="over=white (same as background!), under=black")
