import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
fig, axs = plt.subplots(1, 2, figsize=(9, 4), dpi=120, layout="constrained")
ps = []
for k, ax in enumerate(axs):
    z = rng.random((12, 16)) * 10
    im = ax.pcolormesh(np.arange(17), np.arange(13), z, cmap="viridis", vmin=0, vmax=10)
    cb = fig.colorbar(im, ax=ax)
    ps.append(from_mappable(fig, ax, im, cb, grid=[12, 16], cells=z[::-1]))
save(fig, "c63_constrained_jpeg_resized", ps, fmt="jpg", quality=70, resize=0.75)
