import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
import matplotlib.dates as mdates, datetime as dt
t = mdates.date2num([dt.datetime(2023, 1, 1) + dt.timedelta(days=i) for i in range(0, 91)])
z = rng.random((10, 90)) * 30
fig, ax = plt.subplots(figsize=(9, 4), dpi=100)
m = ax.pcolormesh(t, np.arange(11), z, cmap="viridis", vmin=0, vmax=30)
loc = mdates.AutoDateLocator(); ax.xaxis.set_major_locator(loc); ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
cb = fig.colorbar(m, label="°C")
save4(fig, "d29_concise_dates_x", [from_mappable(fig, ax, m, cb, grid=[10, 90], cells=z[::-1])], note="x in matplotlib date numbers (days)")
