import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
y, x = np.mgrid[-1:1:150j, -1:1:150j]
z = np.arctan2(y, x)
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
im = ax.imshow(z, cmap="twilight", vmin=-np.pi, vmax=np.pi, extent=(-1, 1, -1, 1))
cb = fig.colorbar(im, label="phase (rad)")
save4(fig, "d54_twilight_phase", [from_mappable(fig, ax, im, cb)], note="cyclic cmap")
