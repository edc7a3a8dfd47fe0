import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import seaborn as sns, pandas as pd
z = rng.random((10, 10)) * 2 - 1
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
sns.heatmap(pd.DataFrame(z), cmap="coolwarm", vmin=-1, vmax=1, square=True, linewidths=0.5, ax=ax)
m = ax.collections[0]
save(fig, "c68_seaborn_jpeg", [from_mappable(fig, ax, m, m.colorbar, grid=[10, 10], cells=z, x_at=[-0.5, 9.5], y_at=[-0.5, 9.5])], fmt="jpg", quality=75, note="white cell borders (linewidths)")
