import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.integers(0, 5, (10, 14)).astype(float)
cm = plt.get_cmap("tab10", 5)
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap=cm, vmin=-0.5, vmax=4.5, extent=(0, 14, 0, 10))
cb = fig.colorbar(im, ticks=range(5))
save(fig, "c73_discrete_tab", [from_mappable(fig, ax, im, cb, grid=[10, 14], cells=z)], note="qualitative 5-class map; vmin/vmax -0.5..4.5")
