import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
import pandas as pd
df = pd.DataFrame(rng.random((8, 12)) * 40, index=range(1990, 1998), columns=range(1, 13))
fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
m = ax.pcolor(df, cmap="YlGnBu", vmin=0, vmax=40, edgecolors="w", linewidths=0.5)
ax.set_xticks(np.arange(12) + 0.5, df.columns); ax.set_yticks(np.arange(8) + 0.5, df.index)
cb = fig.colorbar(m, label="rain (mm)")
save4(fig, "d40_pandas_pcolor", [from_mappable(fig, ax, m, cb, grid=[8, 12], cells=df.values[::-1], x_at=[0.5, 12.5], y_at=[1997.5, 1989.5])], note="pcolor with white cell edges; labels = column/index values at cell centres")
