import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.ticker import EngFormatter
z = rng.random((15, 20)) * 5000
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=5000, extent=(0, 20, 0, 15))
cb = fig.colorbar(im, format=EngFormatter())
save(fig, "c88_eng_k_cbar", [from_mappable(fig, ax, im, cb, grid=[15, 20], cells=z)], note="labels 0, 1 k, 2 k ... 5 k")
