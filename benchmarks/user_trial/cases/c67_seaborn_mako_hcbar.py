import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import seaborn as sns
z = rng.random((9, 12)) * 3
fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
sns.heatmap(z, annot=True, fmt=".1f", cmap="mako", vmin=0, vmax=3, cbar_kws=dict(orientation="horizontal", label="ratio"), ax=ax)
m = ax.collections[0]
save(fig, "c67_seaborn_mako_hcbar", [from_mappable(fig, ax, m, m.colorbar, grid=[9, 12], cells=z, x_at=[-0.5, 11.5], y_at=[-0.5, 8.5])])
