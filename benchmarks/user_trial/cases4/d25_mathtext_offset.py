import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
from matplotlib.ticker import ScalarFormatter
z = rng.random((20, 20)) * 4.5e-5
fig, ax = plt.subplots(figsize=(6, 5), dpi=100)
im = ax.imshow(z, cmap="magma", vmin=0, vmax=4.5e-5)
f = ScalarFormatter(useMathText=True); f.set_powerlimits((-2, 2))
cb = fig.colorbar(im, format=f)
save4(fig, "d25_mathtext_offset", [from_mappable(fig, ax, im, cb, grid=[20, 20], cells=z)], note="offset text x10^-5 in mathtext above bar")
