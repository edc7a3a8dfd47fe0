import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
from matplotlib.ticker import FuncFormatter
z = smooth(60, 90, 250, 310)
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
im = ax.imshow(z, cmap="plasma", vmin=250, vmax=310)
cb = fig.colorbar(im, format=FuncFormatter(lambda v, p: f"{v:.0f} K"))
save5(fig, "e05_cbar_funcformatter_kelvin", [from_mappable(fig, ax, im, cb)], note='colorbar labels "260 K"')
