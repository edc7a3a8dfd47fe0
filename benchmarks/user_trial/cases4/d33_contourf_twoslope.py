import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
from matplotlib.colors import TwoSlopeNorm
y, x = np.mgrid[-2:2:150j, -3:3:200j]
z = 4 * np.exp(-(x - 1) ** 2 - y ** 2) - 2 * np.exp(-(x + 1) ** 2 - y ** 2)
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
cs = ax.contourf(x, y, z, levels=np.arange(-2, 4.5, 0.5), cmap="RdBu_r", norm=TwoSlopeNorm(0, -2, 4))
cb = fig.colorbar(cs)
save4(fig, "d33_contourf_twoslope", [from_mappable(fig, ax, cs, cb)], note="stepped bar; levels -2..4 by 0.5")
