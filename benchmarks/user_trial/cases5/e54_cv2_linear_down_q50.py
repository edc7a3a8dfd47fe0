import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(20, 30, 0, 5)
fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
im = ax.imshow(z, cmap="viridis", vmin=0, vmax=5)
cb = fig.colorbar(im)
import cv2
save5(fig, "e54_cv2_linear_down_q50", [from_mappable(fig, ax, im, cb, grid=[20, 30], cells=z)], how="cv2_resize", resize=0.6, interp=cv2.INTER_LINEAR, quality=50, note="OpenCV INTER_LINEAR 0.6x then JPEG q50")
