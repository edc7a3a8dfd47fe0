import io, numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from PIL import Image; import truepix as tp
data = np.linspace(1500, 4500, 256 * 64).reshape(64, 256)
b = io.BytesIO(); plt.imsave(b, data, cmap="jet", vmin=1500, vmax=4500); b.seek(0)
v = tp.decolorize(np.asarray(Image.open(b)), cmap="jet", vmin=1500, vmax=4500)
print("PNG: max error", (np.abs(v - data).max() / (3000 / 256)).round(2), "bins (goal <= 1; docs: <= 1.5)")
print("entries 28..33 as bytes:", matplotlib.colormaps["jet"](np.arange(28, 34), bytes=True)[:, :3].tolist())
rgba = matplotlib.colormaps["jet"](matplotlib.colors.Normalize(1500, 4500)(data))   # seed 001 as written
v = tp.decolorize(rgba, cmap="jet", vmin=1500, vmax=4500)
print("seed 001 float RGBA: max error", np.abs(v - data).max().round(1), "(goal <= 11.7)")
