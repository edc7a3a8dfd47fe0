import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(40, 60, 0, 35)
fig, ax = plt.subplots(figsize=(7.5, 5), dpi=100)
m = ax.pcolormesh(np.linspace(0, 6, 61), np.linspace(0, 4, 41), z, cmap="YlGnBu", vmin=0, vmax=35)
ax.set_title("Surface salinity, July"); fig.suptitle("Figure 3", fontweight="bold")
ax.text(1, 3.2, "front", color="w", fontsize=12, bbox=dict(fc="k", alpha=0.5))
ax.annotate("max 32.1", xy=(3.6, 1.6), xytext=(4.5, 3.3), color="k", arrowprops=dict(arrowstyle="->"))
ax.text(0.2, 0.3, "(a)", fontsize=16, fontweight="bold")
cb = fig.colorbar(m, label="PSU")
save5(fig, "e42_titles_annotations", [from_mappable(fig, ax, m, cb, grid=[40, 60], cells=z[::-1])], note="title, suptitle, text boxes and an arrow inside the plot")
