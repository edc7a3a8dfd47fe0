import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.random((150, 200))
fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=1, aspect="auto", interpolation="nearest", extent=(0, 200, 0, 150))
cb = fig.colorbar(im)
save(fig, "c54_highres_nearest", [from_mappable(fig, ax, im, cb)], note="150x200 noise in ~500x400 px: ~2.5 px cells, resampled")
