import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.random((16, 24)) * 4e-3
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="magma", vmin=0, vmax=4e-3, extent=(0, 24, 0, 16))
cb = fig.colorbar(im); cb.formatter.set_powerlimits((-2, 2)); cb.update_ticks()
save(fig, "c49_small_values_offset", [from_mappable(fig, ax, im, cb, grid=[16, 24], cells=z)])
