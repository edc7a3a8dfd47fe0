import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
plt.rcParams.update({"font.family": "STIXGeneral", "mathtext.fontset": "stix", "font.size": 14})
z = np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 30)) * 0.75
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, cmap="cividis", vmin=0, vmax=1.5, extent=(0, 3, 0, 2))
cb = fig.colorbar(im)
save(fig, "c52_stix14", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=z)])
