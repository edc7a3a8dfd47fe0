import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
y, x = np.mgrid[0:1:100j, 0:1:140j]
z = np.sin(6 * x) * np.cos(4 * y) * 5
fig, ax = plt.subplots(figsize=(8, 6), dpi=150)
im = ax.imshow(z, cmap="coolwarm", vmin=-5, vmax=5)
cb = fig.colorbar(im)
save4(fig, "d19_cv2_resize_area_half", [from_mappable(fig, ax, im, cb)], how="cv2_resize", resize=0.5)
