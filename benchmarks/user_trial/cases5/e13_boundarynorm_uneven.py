import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
from matplotlib.colors import BoundaryNorm
bounds = [0, 1, 2, 5, 10, 20, 50, 100]
z = 10 ** rng.uniform(-0.5, 2, (20, 30))
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = ax.pcolormesh(z, cmap="YlOrRd", norm=BoundaryNorm(bounds, ncolors=256))
cb = fig.colorbar(m, label="rain rate (mm/h)")
save5(fig, "e13_boundarynorm_uneven", [from_mappable(fig, ax, m, cb, grid=[20, 30])], note="BoundaryNorm, uneven bounds drawn evenly spaced on the bar (spacing uniform)")
