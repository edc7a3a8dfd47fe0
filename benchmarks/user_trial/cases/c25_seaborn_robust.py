import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import seaborn as sns
z = rng.normal(size=(20, 30)); z[3, 4] = 25
fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
sns.heatmap(z, robust=True, cmap="vlag", center=0, ax=ax, xticklabels=5, yticklabels=5)
m = ax.collections[0]; cb = m.colorbar
d = from_mappable(fig, ax, m, cb, grid=[20, 30], cells=np.clip(z, m.norm.vmin, m.norm.vmax), x_at=[-0.5, 29.5], y_at=[-0.5, 19.5]); d["cmap"] = None  # seaborn re-centred vlag: no named cmap for the oracle
save(fig, "c25_seaborn_robust", [d])
