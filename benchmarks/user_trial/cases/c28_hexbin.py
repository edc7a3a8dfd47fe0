import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
x = rng.normal(size=5000); y = rng.normal(size=5000) * 2
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
hb = ax.hexbin(x, y, gridsize=25, cmap="viridis", mincnt=1)
cb = fig.colorbar(hb, label="count")
d = from_mappable(fig, ax, hb, cb); d["nan_share"] = None
save(fig, "c28_hexbin", [d], note="hexbin: no grid expected")
