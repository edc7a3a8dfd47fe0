import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
t = np.linspace(0, 10, 200); yv = 3 + np.sin(t) + 0.1 * t
fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
ax.imshow(np.linspace(0, 1, 256)[:, None], cmap="Blues_r", aspect="auto", extent=(0, 10, 0, 5), alpha=0.6)
ax.plot(t, yv, "k", lw=2); ax.set_xlim(0, 10); ax.set_ylim(0, 5)
d = panel(fig, ax, None, None, None, None, coords=True, nan_share=None)
save4(fig, "d58_gradient_fill_lineplot", [d], note="decorative gradient background behind a line plot; no colorbar")
