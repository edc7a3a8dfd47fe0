import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
z = rng.random((12, 16)) * 8
fig, ax = plt.subplots(figsize=(5, 3.5), dpi=100)
im = ax.imshow(z, cmap="plasma", vmin=0, vmax=8, extent=(0, 16, 0, 12))
cb = fig.colorbar(im)
save(fig, "c74_retina_upscale", [from_mappable(fig, ax, im, cb, grid=[12, 16], cells=z)], resize=1.5)
