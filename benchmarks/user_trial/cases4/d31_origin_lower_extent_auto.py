import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
lat = np.linspace(-90, 90, 91); lon = np.linspace(-180, 180, 181)
z = np.cos(np.radians(lat))[:, None] * 30 + np.sin(np.radians(lon))[None, :] * 5
fig, ax = plt.subplots(figsize=(10, 4), dpi=100)
im = ax.imshow(z, origin="lower", extent=(-180, 180, -90, 90), aspect="auto", cmap="RdYlBu_r", vmin=-5, vmax=35)
cb = fig.colorbar(im, pad=0.02)
save4(fig, "d31_origin_lower_extent_auto", [from_mappable(fig, ax, im, cb)])
