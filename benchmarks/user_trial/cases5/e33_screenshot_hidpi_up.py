import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(20, 25, 100, 200)
fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
im = ax.imshow(z, cmap="Spectral", vmin=100, vmax=200)
cb = fig.colorbar(im)
save5(fig, "e33_screenshot_hidpi_up", [from_mappable(fig, ax, im, cb, grid=[20, 25], cells=z)], how="screenshot", crop=(10, 10, 590, 440), resize=1.5, quality=90, note="cropped, 1.5x bilinear (HiDPI screen), JPEG q90")
