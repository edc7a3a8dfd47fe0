import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
from matplotlib.colors import LogNorm
x = np.logspace(-1, 2, 31); y = np.logspace(1, 4, 25)
z = 10 ** rng.uniform(-2, 2, (24, 30))
fig, ax = plt.subplots(figsize=(6.5, 5), dpi=110)
m = ax.pcolormesh(x, y, z, cmap="Spectral_r", norm=LogNorm(1e-2, 1e2))
ax.set_xscale("log"); ax.set_yscale("log")
cb = fig.colorbar(m, label="PSD")
save5(fig, "e09_loglog_pcolormesh_lognorm", [from_mappable(fig, ax, m, cb, grid=[24, 30], cells=z[::-1])], note="log x, log y, LogNorm")
