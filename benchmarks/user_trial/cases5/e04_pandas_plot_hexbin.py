import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
import pandas as pd
n = 4000
a = rng.standard_normal(n); b = a * 0.5 + rng.standard_normal(n)
df = pd.DataFrame(dict(a=a, b=b, c=np.hypot(a, b) * 10))
ax = df.plot.hexbin(x="a", y="b", C="c", gridsize=20, cmap="inferno", figsize=(7, 5))
fig = ax.figure; fig.set_dpi(100)
m = ax.collections[0]; cb = m.colorbar
d = from_mappable(fig, ax, m, cb, nan_share=None)
save5(fig, "e04_pandas_plot_hexbin", [d], note="pandas df.plot.hexbin with C= (mean per hexagon); autoscaled limits between ticks")
