import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = rng.random((22, 30)) * 200 - 100
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
m = ax.pcolormesh(z, cmap="RdYlBu", vmin=-100, vmax=100)
cb = fig.colorbar(m)
save4(fig, "d20_cv2_jpeg_q70", [from_mappable(fig, ax, m, cb, grid=[22, 30], cells=z[::-1])], how="cv2_jpg", quality=70)
