import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
import seaborn as sns
z = rng.standard_normal((30, 30)).cumsum(1) / 3
fig, ax = plt.subplots(figsize=(7, 8), dpi=100)
sns.heatmap(z, cmap="vlag", center=0, vmin=-3, vmax=3, cbar_kws=dict(orientation="horizontal", label="z"), xticklabels=5, yticklabels=5, ax=ax)
m = ax.collections[0]; cb = m.colorbar
d = from_mappable(fig, ax, m, cb, grid=[30, 30], cells=np.clip(z, -3, 3), x_at=[-0.5, 29.5], y_at=[-0.5, 29.5])
d["cmap"] = "vlag"  # seaborn re-centres into an unnamed copy; with symmetric limits it is vlag itself
save4(fig, "d38_seaborn_vlag_hbar", [d], note="seaborn: tick labels are indices at cell centres, truth in label coordinates")
