import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import seaborn as sns, pandas as pd
z = rng.integers(0, 50, (8, 10)).astype(float)
df = pd.DataFrame(z, index=[2000 + i for i in range(8)], columns=[10 * (i + 1) for i in range(10)])
fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
sns.heatmap(df, annot=True, fmt=".0f", cmap="rocket", vmin=0, vmax=50, cbar_kws=dict(label="count"), ax=ax)
m = ax.collections[0]; cb = m.colorbar
save(fig, "c24_seaborn_annot", [from_mappable(fig, ax, m, cb, grid=[8, 10], cells=z, x_at=[5, 105], y_at=[1999.5, 2007.5])])
