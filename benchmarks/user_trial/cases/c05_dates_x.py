import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import matplotlib.dates as mdates, datetime as dt
t = mdates.date2num([dt.datetime(2024, 1, 1) + dt.timedelta(days=i) for i in range(61)])
y = np.linspace(0, 100, 21)
z = rng.random((20, 60)) * 30
fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
m = ax.pcolormesh(t, y, z, cmap="viridis", vmin=0, vmax=30)
ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d")); fig.autofmt_xdate()
cb = fig.colorbar(m)
save(fig, "c05_dates_x", [from_mappable(fig, ax, m, cb, grid=[20, 60], cells=z[::-1])], note="x is dates: numeric x cannot be read; expect low confidence or doubt")
