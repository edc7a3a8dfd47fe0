import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.ticker import PercentFormatter
z = rng.random((15, 20))
fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
im = ax.imshow(z, cmap="Blues", vmin=0, vmax=1)
cb = fig.colorbar(im, format=PercentFormatter(xmax=1))
save(fig, "c21_percent_cbar", [from_mappable(fig, ax, im, cb, grid=[15, 20], cells=z, x_at=[-0.5, 19.5], y_at=[-0.5, 14.5])], note="values 0..1 labelled 0%..100%: 0..100 or 0..1 both defensible")
