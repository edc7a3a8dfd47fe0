import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
fig, (a1, a2) = plt.subplots(1, 2, figsize=(10, 4.5), dpi=100)
z1 = rng.random((10, 12)) * 5; z2 = rng.random((10, 12)) * 300 - 100
i1 = a1.imshow(z1, cmap="Purples", vmin=0, vmax=5); i2 = a2.imshow(z2, cmap="BrBG", vmin=-100, vmax=200)
c1 = fig.colorbar(i1, ax=a1, orientation="horizontal"); c2 = fig.colorbar(i2, ax=a2, orientation="horizontal")
xa, ya = [-0.5, 11.5], [-0.5, 9.5]
save(fig, "c83_two_hbars", [from_mappable(fig, a1, i1, c1, grid=[10, 12], cells=z1, x_at=xa, y_at=ya), from_mappable(fig, a2, i2, c2, grid=[10, 12], cells=z2, x_at=xa, y_at=ya)])
