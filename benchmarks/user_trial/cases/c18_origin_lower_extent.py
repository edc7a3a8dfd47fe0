import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
lat = np.linspace(-90, 90, 36); lon = np.linspace(-180, 180, 72)
z = np.cos(np.radians(lat))[:, None] * 30 + np.sin(np.radians(lon))[None] * 5
fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
im = ax.imshow(z, origin="lower", extent=(-180, 180, -90, 90), cmap="RdYlBu_r", vmin=-5, vmax=35)
cb = fig.colorbar(im, label="SST (°C)", shrink=0.8)
save(fig, "c18_origin_lower_extent", [from_mappable(fig, ax, im, cb, grid=[36, 72], cells=z[::-1])])
