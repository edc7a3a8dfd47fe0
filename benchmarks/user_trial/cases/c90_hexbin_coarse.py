import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
x = rng.normal(size=5000); y = rng.normal(size=5000)
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
hb = ax.hexbin(x, y, gridsize=12, cmap="viridis")
cb = fig.colorbar(hb)
d = from_mappable(fig, ax, hb, cb); d["nan_share"] = None
save(fig, "c90_hexbin_coarse", [d], note="hexagons: no rectangular grid expected")
