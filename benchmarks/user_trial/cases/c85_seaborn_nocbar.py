import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import seaborn as sns
z = rng.random((8, 8))
fig, ax = plt.subplots(figsize=(5, 5), dpi=100)
sns.heatmap(z, cmap="rocket", cbar=False, ax=ax)
m = ax.collections[0]
save(fig, "c85_seaborn_nocbar", [panel(fig, ax, None, None, None, "rocket", grid=[8, 8], x_at=[-0.5, 7.5], y_at=[-0.5, 7.5])], note="no bar: expect confidence 0")
