import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
fig, axd = plt.subplot_mosaic("AAB;AAC", figsize=(9, 5.5), dpi=100, layout="constrained")
zA = smooth(40, 40, 0, 10); zC = smooth(20, 30, -1, 1)
mA = axd["A"].pcolormesh(zA, cmap="viridis", vmin=0, vmax=10); cbA = fig.colorbar(mA, ax=axd["A"])
axd["B"].plot(np.arange(40), zA[20]); axd["B"].set_title("profile")
mC = axd["C"].imshow(zC, cmap="RdBu_r", vmin=-1, vmax=1); cbC = fig.colorbar(mC, ax=axd["C"], orientation="horizontal")
save5(fig, "e21_subplot_mosaic", [from_mappable(fig, axd["A"], mA, cbA, grid=[40, 40], cells=zA[::-1]), from_mappable(fig, axd["C"], mC, cbC, grid=[20, 30], cells=zC)], note="subplot_mosaic: heatmap, a line plot, and a small heatmap with horizontal bar")
