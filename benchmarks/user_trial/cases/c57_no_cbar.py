import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.random((20, 30))
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="viridis", extent=(0, 30, 0, 20))
d = panel(fig, ax, None, None, None, "viridis", grid=[20, 30])
save(fig, "c57_no_cbar", [d], note="no colorbar: confidence should be 0")
