import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.random((14, 28)) * 1500 + 500
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = ax.pcolormesh(np.arange(29) * 0.5, np.arange(15) * 100, z, cmap="YlOrRd", vmin=500, vmax=2000)
cb = fig.colorbar(m, orientation="horizontal", label="elevation (m a.s.l.)", pad=0.15)
save(fig, "c42_horizontal_units", [from_mappable(fig, ax, m, cb, grid=[14, 28], cells=z[::-1])])
