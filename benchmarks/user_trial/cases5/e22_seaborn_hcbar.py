import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
import seaborn as sns, pandas as pd
v = rng.random((12, 10)) * 3
df = pd.DataFrame(v, index=np.arange(1, 13), columns=np.arange(10, 110, 10))
fig, ax = plt.subplots(figsize=(6, 6.5), dpi=100)
sns.heatmap(df, cmap="rocket", vmin=0, vmax=3, cbar_kws={"orientation": "horizontal", "label": "score"}, ax=ax)
m = ax.collections[0]; cb = m.colorbar
save5(fig, "e22_seaborn_hcbar", [from_mappable(fig, ax, m, cb, grid=[12, 10], cells=v, x_at=[5, 105], y_at=[0.5, 12.5])], note="seaborn heatmap, horizontal bar below, numeric labels at cell centres")
