import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
import pandas as pd
df = pd.DataFrame(rng.gamma(2, 3, (10, 14)), columns=[f"s{i}" for i in range(14)])
plt.figure(figsize=(7, 5), dpi=100)
m = plt.pcolor(df, vmin=0, vmax=25)
cb = plt.colorbar()
fig, ax = plt.gcf(), plt.gca()
save5(fig, "e03_plt_pcolor_dataframe", [from_mappable(fig, ax, m, cb, grid=[10, 14], cells=df.values[::-1])], note="pyplot state-machine pcolor(df), default cmap")
