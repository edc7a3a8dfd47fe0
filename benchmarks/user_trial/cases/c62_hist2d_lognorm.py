import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.colors import LogNorm
x = rng.standard_exponential(20000); y = rng.normal(size=20000)
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
h, xe, ye, im = ax.hist2d(x, y, bins=[25, 20], range=[[0, 5], [-3, 3]], cmap="inferno", norm=LogNorm(1, 1000))
cb = fig.colorbar(im, label="N")
hc = np.where(h > 0, h, np.nan)
save(fig, "c62_hist2d_lognorm", [from_mappable(fig, ax, im, cb, grid=[20, 25], cells=hc.T[::-1], nan_share=float(np.isnan(hc).mean()))])
