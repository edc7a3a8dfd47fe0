import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.ticker import FuncFormatter
z = rng.random((10, 14)) * 250000
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="Greens", vmin=0, vmax=250000, extent=(0, 14, 0, 10))
cb = fig.colorbar(im, format=FuncFormatter(lambda v, p: f"${v/1000:.0f}k"), label="price")
save(fig, "c22_dollar_k", [from_mappable(fig, ax, im, cb, grid=[10, 14], cells=z)])
