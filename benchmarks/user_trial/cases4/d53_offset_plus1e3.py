import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
z = 1000 + rng.random((20, 20)) * 0.5
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=1000.0, vmax=1000.5)
cb = fig.colorbar(im, label="hPa")
save4(fig, "d53_offset_plus1e3", [from_mappable(fig, ax, im, cb, grid=[20, 20], cells=z)], note="default formatter: offset +1e3 above the bar")
