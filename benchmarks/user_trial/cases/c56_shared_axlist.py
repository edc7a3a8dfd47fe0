import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
fig, (a1, a2) = plt.subplots(1, 2, figsize=(9, 4), dpi=100)
z1 = rng.random((10, 10)) * 20; z2 = rng.random((10, 10)) * 20
i1 = a1.imshow(z1, cmap="plasma", vmin=0, vmax=20); i2 = a2.imshow(z2, cmap="plasma", vmin=0, vmax=20)
cb = fig.colorbar(i2, ax=[a1, a2])
xa, ya = [-0.5, 9.5], [-0.5, 9.5]
save(fig, "c56_shared_axlist", [from_mappable(fig, a1, i1, cb, grid=[10, 10], cells=z1, x_at=xa, y_at=ya), from_mappable(fig, a2, i2, cb, grid=[10, 10], cells=z2, x_at=xa, y_at=ya)])
