import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.random((16, 22)) * 40
fig, ax = plt.subplots(figsize=(8, 5), dpi=144)
im = ax.pcolormesh(np.linspace(0, 1, 23), np.linspace(0, 2, 17), z, cmap="cividis", vmin=0, vmax=40)
cb = fig.colorbar(im, label="rate (1/s)")
save(fig, "c38_resized_screenshot", [from_mappable(fig, ax, im, cb, grid=[16, 22], cells=z[::-1])], resize=0.6)
