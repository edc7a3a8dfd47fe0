import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
x = np.linspace(0, 10, 120); y = np.linspace(0, 8, 100)
z = np.add.outer(np.sin(y / 2), np.cos(x / 3)) * 5
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.pcolormesh(x, y, z, cmap="viridis", vmin=-10, vmax=10, shading="auto")
cs = ax.contour(x, y, z, levels=[-5, 0, 5], colors="k")
cb = fig.colorbar(im); cb.add_lines(cs)
save(fig, "c55_cbar_lines", [from_mappable(fig, ax, im, cb)], note="black contour lines over plot and bar")
