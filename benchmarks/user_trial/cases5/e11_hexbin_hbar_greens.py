import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
a = rng.standard_normal(6000); b = rng.standard_normal(6000) * 2
fig, ax = plt.subplots(figsize=(6, 6), dpi=100)
m = ax.hexbin(a, b, gridsize=25, cmap="Greens", extent=(-4, 4, -8, 8))
cb = fig.colorbar(m, orientation="horizontal", label="count")
save5(fig, "e11_hexbin_hbar_greens", [from_mappable(fig, ax, m, cb, nan_share=None)], note="hexbin, light colormap starting at near-white, horizontal bar")
