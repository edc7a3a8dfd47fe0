import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
from matplotlib.colors import LogNorm
a = rng.standard_normal(20000); b = 0.6 * a + 0.8 * rng.standard_normal(20000)
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
h, xe, ye, m = ax.hist2d(a, b, bins=40, range=[[-4, 4], [-4, 4]], norm=LogNorm(), cmap="viridis")
cb = fig.colorbar(m, label="count")
cells = np.where(h == 0, np.nan, h).T[::-1]
d = from_mappable(fig, ax, m, cb, grid=[40, 40], cells=cells, nan_share=float((h == 0).mean()))
save5(fig, "e10_hist2d_lognorm", [d], note="hist2d LogNorm autoscaled (limits 1..max count), empty bins white")
