import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
from matplotlib.colors import SymLogNorm
z = np.sign(rng.standard_normal((20, 20))) * 10 ** rng.uniform(-1, 3, (20, 20))
fig, ax = plt.subplots(figsize=(6.5, 5), dpi=100)
im = ax.imshow(z, cmap="seismic", norm=SymLogNorm(linthresh=1, vmin=-1000, vmax=1000, base=10))
cb = fig.colorbar(im, location="left")
save5(fig, "e16_symlog_left_bar", [from_mappable(fig, ax, im, cb, grid=[20, 20], cells=z)], note="SymLogNorm base 10, bar on the left")
