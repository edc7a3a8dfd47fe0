import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
fig, axs = plt.subplots(1, 3, figsize=(12, 3.5), dpi=100)
out = []
for ax, cm, (lo, hi) in zip(axs, ["viridis", "coolwarm", "Greys"], [(0, 1), (-5, 5), (100, 400)]):
    z = lo + (hi - lo) * rng.random((12, 16))
    im = ax.imshow(z, cmap=cm, vmin=lo, vmax=hi); cb = fig.colorbar(im, ax=ax)
    out.append(from_mappable(fig, ax, im, cb, grid=[12, 16], cells=z, x_at=[-0.5, 15.5], y_at=[-0.5, 11.5]))
save(fig, "c10_three_bars", out)
