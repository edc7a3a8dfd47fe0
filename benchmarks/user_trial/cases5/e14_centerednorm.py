import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
from matplotlib.colors import CenteredNorm
z = rng.standard_normal((18, 24)) * 1.2
fig, ax = plt.subplots(figsize=(6.5, 5), dpi=100)
im = ax.imshow(z, cmap="PuOr", norm=CenteredNorm())
cb = fig.colorbar(im)
save5(fig, "e14_centerednorm", [from_mappable(fig, ax, im, cb, grid=[18, 24], cells=z)], note="CenteredNorm: symmetric limits from max |z|, not on a tick")
