import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
plt.style.use("dark_background")
z = rng.random((24, 32)) * 14 + 2
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
m = ax.pcolormesh(z, cmap="viridis", vmin=2, vmax=16)
cb = fig.colorbar(m)
save4(fig, "d51_dark_jpeg_q60", [from_mappable(fig, ax, m, cb, grid=[24, 32], cells=z[::-1])], how="pil_jpg", quality=60)
