import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
x = np.linspace(0, 4, 160); y = np.linspace(0, 3, 120)
z = np.add.outer(y, x) * 10
fig, ax = plt.subplots(figsize=(6, 5), dpi=100, layout="constrained")
cs = ax.contourf(x, y, z, levels=np.arange(0, 61, 10), cmap="viridis", extend="max")
cb = fig.colorbar(cs, location="bottom", label="depth (m)")
d = from_mappable(fig, ax, cs, cb); d["vmin"], d["vmax"] = 0.0, 60.0
save(fig, "c81_contourf_bottom_extmax", [d])
