import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
with plt.xkcd():
    z = rng.random((10, 10)) * 10
    fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
    im = ax.imshow(z, cmap="viridis", vmin=0, vmax=10)
    cb = fig.colorbar(im)
    d = from_mappable(fig, ax, im, cb, grid=[10, 10], cells=z)
    save4(fig, "d45_xkcd", [d], note="plt.xkcd() sketch style")
