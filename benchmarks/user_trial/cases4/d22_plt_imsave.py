import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
import os
from _truth4 import OUT, _write_truth
z = rng.random((60, 90))
plt.imsave(os.path.join(OUT, "d22_plt_imsave.png"), z, cmap="viridis", vmin=0, vmax=1)
d = dict(bbox=[0, 0, 90, 60], cbar_bbox=None, vmin=0.0, vmax=1.0, cmap="viridis", norm="linear", grid=None,
         x_at=[0, 90], y_at=[0, 60], xscale="linear", yscale="linear", coords=False, nan_share=0.0)
_write_truth("d22_plt_imsave", "d22_plt_imsave.png", (90, 60), [d], "plt.imsave: array only, no axes, no bar")
