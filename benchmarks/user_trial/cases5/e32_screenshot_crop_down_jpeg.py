import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(30, 40, 0, 12)
fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
m = ax.pcolormesh(z, cmap="plasma", vmin=0, vmax=12)
ax.set_title("screenshot")
cb = fig.colorbar(m)
save5(fig, "e32_screenshot_crop_down_jpeg", [from_mappable(fig, ax, m, cb, grid=[30, 40], cells=z[::-1])], how="screenshot", crop=(30, 15, 680, 490), resize=0.8, quality=85, note="cropped, 0.8x bilinear, JPEG q85")
