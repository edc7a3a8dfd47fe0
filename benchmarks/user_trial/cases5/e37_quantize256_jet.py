import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth5 import panel, save5, from_mappable
rng = np.random.default_rng(5)
def smooth(ny, nx, lo, hi):
    y, x = np.mgrid[0:1:ny*1j, 0:1:nx*1j]
    f = np.sin(3*x + 1) * np.cos(2*y) + 0.6 * np.exp(-((x-.6)**2 + (y-.4)**2) / .05)
    return lo + (f - f.min()) / (f.max() - f.min()) * (hi - lo)
z = smooth(200, 300, -20, 40)
fig, ax = plt.subplots(figsize=(7, 4.5), dpi=100)
im = ax.imshow(z, cmap="jet", vmin=-20, vmax=40, aspect="auto", extent=(0, 30, 0, 20))
cb = fig.colorbar(im)
save5(fig, "e37_quantize256_jet", [from_mappable(fig, ax, im, cb)], how="quantize", note="Pillow quantize(256) palette PNG, jet")
