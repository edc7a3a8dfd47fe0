import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
x = np.linspace(0, 10, 200); y = np.linspace(0, 6, 120)
z = np.add.outer(np.sin(y), np.cos(x)) * 6
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
cs = ax.contourf(x, y, z, levels=np.linspace(-8, 8, 9), cmap="coolwarm", extend="both")
cb = fig.colorbar(cs)
d = from_mappable(fig, ax, cs, cb); d["vmin"], d["vmax"] = -8.0, 8.0
save(fig, "c31_contourf_extend", [d], note="contourf 8 steps -8..8 with triangles")
