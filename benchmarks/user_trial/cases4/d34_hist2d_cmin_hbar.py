import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
xs = rng.standard_normal(5000); ys = 0.5 * xs + rng.standard_normal(5000) * 0.7
fig, ax = plt.subplots(figsize=(6, 6), dpi=100)
h, xe, ye, im = ax.hist2d(xs, ys, bins=(30, 24), range=[[-3, 3], [-3, 3]], cmap="plasma", cmin=1, vmin=0, vmax=60)
cb = fig.colorbar(im, orientation="horizontal", label="count")
cells = h.T[::-1]
save4(fig, "d34_hist2d_cmin_hbar", [from_mappable(fig, ax, im, cb, grid=[24, 30], cells=cells, nan_share=float(np.isnan(cells).mean()))])
