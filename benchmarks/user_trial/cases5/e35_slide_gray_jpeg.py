import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(30, 45, -4, 4)
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
m = ax.pcolormesh(z, cmap="BrBG", vmin=-4, vmax=4)
cb = fig.colorbar(m, orientation="horizontal", label="trend (mm/yr)")
save5(fig, "e35_slide_gray_jpeg", [from_mappable(fig, ax, m, cb, grid=[30, 45], cells=z[::-1])], how="slide", border=(50, (235, 235, 235)), quality=80, note="on a light gray page, JPEG q80")
