import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.colors import LogNorm
from matplotlib.ticker import LogFormatterSciNotation
z = 10 ** (rng.random((20, 25)) * 5 - 2)
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="inferno", norm=LogNorm(1e-2, 1e3), extent=(0, 25, 0, 20))
cb = fig.colorbar(im, format=LogFormatterSciNotation())
save(fig, "c23_lognorm_scinot", [from_mappable(fig, ax, im, cb, grid=[20, 25], cells=z)])
