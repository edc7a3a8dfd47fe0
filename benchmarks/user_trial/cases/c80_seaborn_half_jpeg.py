import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import seaborn as sns
z = rng.random((12, 15)) * 40 + 10
fig, ax = plt.subplots(figsize=(9, 7), dpi=100)
sns.heatmap(z, cmap="viridis", vmin=10, vmax=50, ax=ax, xticklabels=3, yticklabels=3)
m = ax.collections[0]
save(fig, "c80_seaborn_half_jpeg", [from_mappable(fig, ax, m, m.colorbar, grid=[12, 15], cells=z, x_at=[-0.5, 14.5], y_at=[-0.5, 11.5])], fmt="jpg", quality=80, resize=0.5)
