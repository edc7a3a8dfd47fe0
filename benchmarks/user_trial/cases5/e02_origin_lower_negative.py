import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
z = rng.standard_normal((24, 40)).cumsum(1) / 4
z = np.clip(z, -2, 2)
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
im = ax.imshow(z, cmap="RdBu_r", vmin=-2, vmax=2, origin="lower", extent=(-5, 5, -3, 3), aspect="auto")
cb = fig.colorbar(im)
save5(fig, "e02_origin_lower_negative", [from_mappable(fig, ax, im, cb, grid=[24, 40], cells=z[::-1])], note="origin lower, negative x and y")
