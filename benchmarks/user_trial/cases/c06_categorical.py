import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.integers(0, 100, (6, 8)).astype(float)
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="YlGnBu", vmin=0, vmax=100)
ax.set_xticks(range(8), ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Hol"]); ax.set_yticks(range(6), list("ABCDEF"))
cb = fig.colorbar(im)
save(fig, "c06_categorical", [from_mappable(fig, ax, im, cb, grid=[6, 8], cells=z, coords=False)], note="categorical axes")
