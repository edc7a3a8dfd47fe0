import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
import seaborn as sns, pandas as pd
X = rng.standard_normal((200, 7)); X[:, 1] += X[:, 0]; X[:, 4] -= 0.8 * X[:, 2]
df = pd.DataFrame(X, columns=["age", "bmi", "hr", "sbp", "dbp", "chol", "glu"])
c = df.corr().values
fig, ax = plt.subplots(figsize=(7, 6), dpi=100)
sns.heatmap(df.corr(), annot=True, fmt=".2f", cmap="coolwarm", vmin=-1, vmax=1, center=0, square=True, ax=ax)
m = ax.collections[0]; cb = m.colorbar
d = from_mappable(fig, ax, m, cb, grid=[7, 7], cells=c, coords=False)
d["cmap"] = "coolwarm"  # seaborn re-centres into an unnamed copy; with symmetric limits it is coolwarm itself
save4(fig, "d04_seaborn_corr_annot", [d], note="categorical axes")
