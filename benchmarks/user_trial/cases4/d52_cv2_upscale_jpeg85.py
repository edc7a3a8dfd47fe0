import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
import cv2
z = rng.random((12, 15)) * 50
fig, ax = plt.subplots(figsize=(5, 4), dpi=80)
im = ax.imshow(z, cmap="cividis", vmin=0, vmax=50)
cb = fig.colorbar(im)
save4(fig, "d52_cv2_upscale_jpeg85", [from_mappable(fig, ax, im, cb, grid=[12, 15], cells=z)], how="cv2_resize", resize=1.3, interp=cv2.INTER_LINEAR, quality=85)
