import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
x = rng.normal(size=8000); y = x + rng.normal(size=8000)
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
h, xe, ye, im = ax.hist2d(x, y, bins=[30, 24], range=[[-3, 3], [-4, 4]], cmap="Blues", cmin=1)
cb = fig.colorbar(im)
save(fig, "c29_hist2d", [from_mappable(fig, ax, im, cb, grid=[24, 30], cells=h.T[::-1], nan_share=float(np.isnan(h).mean()))])
