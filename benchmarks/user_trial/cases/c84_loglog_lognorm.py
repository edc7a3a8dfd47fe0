import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
from matplotlib.colors import LogNorm
xe = np.logspace(1, 4, 25); ye = np.logspace(-1, 1, 17)
z = 10 ** (rng.random((16, 24)) * 1.4 + 0.3)
fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
m = ax.pcolormesh(xe, ye, z, cmap="viridis", norm=LogNorm(2, 50)); ax.set_xscale("log"); ax.set_yscale("log")
cb = fig.colorbar(m)
save(fig, "c84_loglog_lognorm", [from_mappable(fig, ax, m, cb, grid=[16, 24], cells=np.clip(z, 2, 50)[::-1])], note="LogNorm 2..50: only minor-tick labels 2,3,..,10^1,2x10^1")
