import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
y, x = np.mgrid[0:1:120j, 0:1:160j]
rgb = np.dstack([0.2 + 0.6 * x, 0.4 + 0.5 * y, 0.9 - 0.5 * x * y])
fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
ax.imshow(rgb, extent=(0, 16, 0, 12))
d = panel(fig, ax, None, None, None, None, coords=True, nan_share=None)
save4(fig, "d57_rgb_image_no_cbar", [d], note="an RGB image (not colormapped), no colorbar")
