import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
import seaborn as sns, pandas as pd
X = rng.standard_normal((20, 12)); X[:10, :6] += 2
df = pd.DataFrame(X, index=[f"g{i}" for i in range(20)], columns=[f"s{j}" for j in range(12)])
g = sns.clustermap(df, cmap="mako", vmin=-3, vmax=5, figsize=(7, 8))
g.figure.set_dpi(100)
ax = g.ax_heatmap; m = ax.collections[0]
ri, ci = g.dendrogram_row.reordered_ind, g.dendrogram_col.reordered_ind
cells = np.clip(X[np.ix_(ri, ci)], -3, 5)
save4(g.figure, "d39_seaborn_clustermap", [from_mappable(g.figure, ax, m, m.colorbar, grid=[20, 12], cells=cells, coords=False)], note="dendrograms; bar top-left")
