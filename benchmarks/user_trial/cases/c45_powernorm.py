import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.colors import PowerNorm
z = rng.random((20, 30)) * 100
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="viridis", norm=PowerNorm(0.5, 0, 100), extent=(0, 30, 0, 20))
cb = fig.colorbar(im)
save(fig, "c45_powernorm", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=z)], note="PowerNorm: claimed 'power' support")
