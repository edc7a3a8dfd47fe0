import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import pandas as pd
df = pd.DataFrame(rng.random((5, 7)) * 1000, index=["north", "south", "east", "west", "centre"], columns=list("ABCDEFG"))
fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
im = ax.imshow(df.values, cmap="Oranges", vmin=0, vmax=1000)
ax.set_xticks(range(7), df.columns); ax.set_yticks(range(5), df.index)
cb = fig.colorbar(im, format="{x:,.0f}")
save(fig, "c66_pandas_imshow_cat", [from_mappable(fig, ax, im, cb, grid=[5, 7], cells=df.values, coords=False)])
