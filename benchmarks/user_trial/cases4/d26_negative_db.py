import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = -80 + 60 * rng.random((30, 40))
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
im = ax.imshow(z, cmap="magma", vmin=-80, vmax=-20, aspect="auto", extent=(0, 4, 0, 3))
cb = fig.colorbar(im, label="power (dB)")
save4(fig, "d26_negative_db", [from_mappable(fig, ax, im, cb, grid=[30, 40], cells=z)])
