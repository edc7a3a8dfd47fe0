import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
fig, axs = plt.subplots(1, 3, figsize=(12, 3.5), dpi=100, layout="constrained")
specs = [("viridis", 0, 1), ("cividis", -40, 40), ("inferno", 1000, 5000)]
ps = []
for ax, (cm, lo, hi) in zip(axs, specs):
    z = lo + (hi - lo) * rng.random((10, 12))
    im = ax.imshow(z, cmap=cm, vmin=lo, vmax=hi)
    cb = fig.colorbar(im, ax=ax)
    ps.append((ax, im, cb, z))
ps = [from_mappable(fig, ax, im, cb, grid=[10, 12], cells=z) for ax, im, cb, z in ps]
save4(fig, "d12_constrained_1x3_bars", ps)
